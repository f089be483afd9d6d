import { problem, type Problem } from './problems.js';
import { boundedText, isWholeNumberIn } from './text.js';

export type DriveStatus = 'OPEN' | 'CLOSED';
export const DELIVERY_OUTCOMES = ['DELIVERED', 'REFUSED', 'NOT_HOME'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export interface DriveRequest {
  areaCode: string;
  title: string;
  targetTag: string;
  items: readonly { name: string; perPackage: number; stock: number }[];
}

export interface CheckedDrive {
  areaCode: string;
  title: string;
  targetTag: string;
  items: { name: string; perPackage: number; stock: number }[];
}

/** Every problem of a new drive at once. The tag itself is the people subgraph's to judge. */
export function checkDrive(input: DriveRequest): { drive: CheckedDrive | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!/^\d{12}$/.test(input.areaCode)) problems.push(problem('INVALID_COMMUNITY_CODE', 'areaCode'));
  const title = boundedText(input.title, 2, 64, 'INVALID_DRIVE_TITLE', 'title');
  if ('problem' in title) problems.push(title.problem);
  if (!/^[A-Z][A-Z_]{1,31}$/.test(input.targetTag)) problems.push(problem('INVALID_TARGET_TAG', 'targetTag'));
  const items = input.items.map((item) => ({ ...item, name: item.name.trim() }));
  const names = new Set(items.map((item) => item.name));
  const itemsValid =
    items.length >= 1 &&
    items.length <= 10 &&
    names.size === items.length &&
    items.every(
      (item) =>
        [...item.name].length >= 1 &&
        [...item.name].length <= 32 &&
        isWholeNumberIn(item.perPackage, 1, 99) &&
        isWholeNumberIn(item.stock, 0, 100_000),
    );
  if (!itemsValid) problems.push(problem('INVALID_DRIVE_ITEMS', 'items'));
  if (problems.length || 'problem' in title) return { drive: null, problems };
  return { drive: { areaCode: input.areaCode, title: title.value, targetTag: input.targetTag, items }, problems };
}

/** How many whole packages the stock still makes: the scarcest item decides. */
export function packagesLeft(items: readonly { perPackage: number; stock: number }[]): number {
  if (items.length === 0) return 0;
  return Math.min(...items.map((item) => Math.floor(item.stock / item.perPackage)));
}

/** What one item may hold: far above any community's needs, far below the INT column's limit. */
export const MAX_ITEM_STOCK = 1_000_000;
export const MAX_RESTOCK_QUANTITY = 100_000;

export interface RestockLine {
  itemId?: string | null;
  name?: string | null;
  quantity: number;
}

/** The shape of a restock, before the drive is read: 1 to 10 lines, each naming its item one way, each quantity positive and bounded. */
export function checkRestock(lines: readonly RestockLine[]): Problem[] {
  const problems: Problem[] = [];
  const named = (line: RestockLine) => Number(Boolean(line.itemId)) + Number(Boolean(line.name?.trim()));
  if (lines.length < 1 || lines.length > 10 || lines.some((line) => named(line) !== 1))
    problems.push(problem('INVALID_RESTOCK_ITEMS', 'items'));
  if (lines.some((line) => !isWholeNumberIn(line.quantity, 1, MAX_RESTOCK_QUANTITY)))
    problems.push(problem('INVALID_RESTOCK_QUANTITY', 'items'));
  return problems;
}

/**
 * The drive's items the lines name, by id or by name, each once: the first line naming no
 * item of this drive (an id of another drive's item included) is the problem.
 */
export function matchRestock<T extends { id: string; name: string }>(
  lines: readonly RestockLine[],
  items: readonly T[],
): { matched: { item: T; quantity: number }[] } | { problem: Problem } {
  const matched: { item: T; quantity: number }[] = [];
  for (const line of lines) {
    const name = line.name?.trim();
    const item = line.itemId
      ? items.find((candidate) => candidate.id === line.itemId)
      : items.find((candidate) => candidate.name === name);
    if (!item) return { problem: problem('UNKNOWN_DRIVE_ITEM', 'items', { item: line.itemId ?? name ?? '' }) };
    if (matched.some((found) => found.item.id === item.id))
      return { problem: problem('INVALID_RESTOCK_ITEMS', 'items') };
    matched.push({ item, quantity: line.quantity });
  }
  return { matched };
}
