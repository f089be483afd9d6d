import type { StaffRole } from './enums.js';

export interface CardStaff {
  id: string;
  role: StaffRole;
}

export interface CardEntry<S extends CardStaff> {
  staff: S;
  gridId: string;
  buildingId: string | null;
  startedAt: Date;
}

export interface ServiceCardStaff<S> {
  microGridLeader: S | null;
  microGridWorkers: S[];
  gridWorkers: S[];
  buildingStewards: S[];
}

function distinct<S extends CardStaff>(entries: CardEntry<S>[]): S[] {
  const seen = new Map<string, S>();
  for (const entry of [...entries].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())) {
    if (!seen.has(entry.staff.id)) seen.set(entry.staff.id, entry.staff);
  }
  return [...seen.values()];
}

/**
 * 解忧服务卡: from the open assignments of a building's micro-grid and of the general grid
 * around it, who looks after the building. A steward named for this building comes before
 * the micro-grid's stewards at large; stewards of other buildings are not listed.
 */
export function composeServiceCard<S extends CardStaff>(
  building: { id: string; gridId: string },
  generalGridId: string | null,
  open: readonly CardEntry<S>[],
): ServiceCardStaff<S> {
  const onMicro = (role: StaffRole) =>
    open.filter((entry) => entry.gridId === building.gridId && entry.staff.role === role);
  const stewards = onMicro('BUILDING_STEWARD');
  const ownStewards = stewards.filter((entry) => entry.buildingId === building.id);
  return {
    microGridLeader: distinct(onMicro('MICRO_GRID_LEADER'))[0] ?? null,
    microGridWorkers: distinct(onMicro('MICRO_GRID_WORKER')),
    gridWorkers: generalGridId
      ? distinct(open.filter((entry) => entry.gridId === generalGridId && entry.staff.role === 'GRID_WORKER'))
      : [],
    buildingStewards: distinct(
      ownStewards.length ? ownStewards : stewards.filter((entry) => entry.buildingId === null),
    ),
  };
}
