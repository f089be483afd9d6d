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
  const itemsValid = items.length >= 1 && items.length <= 10 && names.size === items.length
    && items.every((item) => [...item.name].length >= 1 && [...item.name].length <= 32 && isWholeNumberIn(item.perPackage, 1, 99) && isWholeNumberIn(item.stock, 0, 100_000));
  if (!itemsValid) problems.push(problem('INVALID_DRIVE_ITEMS', 'items'));
  if (problems.length || 'problem' in title) return { drive: null, problems };
  return { drive: { areaCode: input.areaCode, title: title.value, targetTag: input.targetTag, items }, problems };
}

/** How many whole packages the stock still makes: the scarcest item decides. */
export function packagesLeft(items: readonly { perPackage: number; stock: number }[]): number {
  if (items.length === 0) return 0;
  return Math.min(...items.map((item) => Math.floor(item.stock / item.perPackage)));
}
