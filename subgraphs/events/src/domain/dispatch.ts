/**
 * Who is responsible for an event, from grid data the graph returns: the micro-grid's
 * leader (or a micro-grid worker), then the grid worker of the general grid above it,
 * then the community itself. A dispatch stores this chain on the event, so the
 * scheduled check can escalate one level without asking the graph (it has no caller
 * whose token it could use).
 */
export const DISPATCH_LEVELS = ['MICRO_GRID', 'GRID', 'COMMUNITY'] as const;
export type DispatchLevel = (typeof DISPATCH_LEVELS)[number];

export type StaffRole = 'GRID_WORKER' | 'MICRO_GRID_LEADER' | 'MICRO_GRID_WORKER' | 'BUILDING_STEWARD';

export interface StaffFacts {
  id: string;
  role: StaffRole;
  person: { id: string };
}

export interface GridFacts {
  id: string;
  code: string;
  type: 'COMMUNITY_TOTAL' | 'GENERAL' | 'MICRO' | 'DEDICATED';
  staff: StaffFacts[];
  parent: { id: string; code: string; type: GridFacts['type']; staff: StaffFacts[] } | null;
}

/** One level of the chain; the community level names no staff. */
export interface ChainLink {
  level: DispatchLevel;
  staffId: string | null;
  personId: string | null;
}

export const COMMUNITY_LINK: ChainLink = { level: 'COMMUNITY', staffId: null, personId: null };

const MICRO_ROLES: readonly StaffRole[] = ['MICRO_GRID_LEADER', 'MICRO_GRID_WORKER'];

const byId = (a: StaffFacts, b: StaffFacts) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function link(level: DispatchLevel, staff: StaffFacts | undefined): ChainLink[] {
  return staff ? [{ level, staffId: staff.id, personId: staff.person.id }] : [];
}

/** The micro-grid level: the leader first, then a worker; the lowest id among equals, so the choice is stable. */
function microLevel(grid: GridFacts): ChainLink[] {
  if (grid.type !== 'MICRO') return [];
  for (const role of MICRO_ROLES) {
    const staff = grid.staff.filter((member) => member.role === role).sort(byId)[0];
    if (staff) return link('MICRO_GRID', staff);
  }
  return [];
}

/** The grid level: the grid worker of the general grid (the parent of a micro-grid, or the grid itself). */
function gridLevel(grid: GridFacts): ChainLink[] {
  const general =
    grid.type === 'MICRO' ? (grid.parent?.staff ?? []) : grid.type === 'COMMUNITY_TOTAL' ? [] : grid.staff;
  return link('GRID', general.filter((member) => member.role === 'GRID_WORKER').sort(byId)[0]);
}

/** The whole chain for an automatic dispatch, lowest level first, always ending at the community. */
export function responsibleChain(grid: GridFacts): ChainLink[] {
  return [...microLevel(grid), ...gridLevel(grid), COMMUNITY_LINK];
}

/**
 * The chain for a dispatch to a chosen staff member, or null when they do not serve the
 * event's grid (neither the grid itself nor the general grid it sits in).
 */
export function chosenChain(grid: GridFacts, staffId: string): ChainLink[] | null {
  const own = grid.staff.find((member) => member.id === staffId);
  const above = grid.type === 'MICRO' ? grid.parent?.staff.find((member) => member.id === staffId) : undefined;
  const chosen = own ?? above;
  if (!chosen) return null;
  const level: DispatchLevel = own && grid.type === 'MICRO' ? 'MICRO_GRID' : 'GRID';
  const rest = responsibleChain(grid).filter(
    (entry) => DISPATCH_LEVELS.indexOf(entry.level) > DISPATCH_LEVELS.indexOf(level),
  );
  return [{ level, staffId: chosen.id, personId: chosen.person.id }, ...rest];
}

/** The next level up, or null at the top. */
export function nextLink(chain: readonly ChainLink[], index: number): ChainLink | null {
  return chain[index + 1] ?? null;
}

export const LEVEL_LABELS: Record<DispatchLevel, string> = { MICRO_GRID: '微网格', GRID: '网格', COMMUNITY: '社区' };

/** The timeline note of a dispatch or escalation. */
export function dispatchNote(link: ChainLink, automatic: boolean, note: string | null): string {
  const target = link.staffId ? `派遣至${LEVEL_LABELS[link.level]}责任人` : '无责任网格员，派遣至社区办理';
  const how = automatic ? '自动派遣：' : '';
  return [`${how}${target}`, note?.trim()].filter(Boolean).join('；');
}
