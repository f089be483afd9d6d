import { deriveEventExtras } from '../../subgraphs/events/src/demo/extras.js';
import { DEFAULT_CATEGORIES } from '../../subgraphs/events/src/domain/categories.js';
import {
  DEFAULT_WORKING_HOURS,
  parseWorkingHours,
  type WorkingCalendar,
} from '../../subgraphs/events/src/domain/working-time.js';
import { createEventsSubgraph } from '../../subgraphs/events/src/module.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import type { Role } from '../../subgraphs/kit/src/auth.js';
import { graphql, tokenFor, type GraphQLResponse } from '../support/graphql.js';
import { startTestSubgraph, TEST_SEED, type TestSubgraph } from '../support/subgraph.js';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { demoWorld } from '../support/world.js';

export { demoWorld };
export type DemoGrid = DemoWorld['grids'][number];
export type DemoPerson = DemoWorld['people'][number];
export type DemoStaff = DemoWorld['staff'][number];
export type DemoBuilding = DemoWorld['buildings'][number];
export type DemoVolunteer = DemoWorld['volunteers'][number];
export const CALENDAR: WorkingCalendar = {
  periods: parseWorkingHours(DEFAULT_WORKING_HOURS)!,
  holidays: new Set(),
  workdays: new Set(),
};

let extras: ReturnType<typeof deriveEventExtras> | undefined;
/**
 * The events subgraph's rows derived from the demo world every test database is seeded
 * with: built on first use, with the world, never at module load.
 */
export function demoExtras(): ReturnType<typeof deriveEventExtras> {
  extras ??= deriveEventExtras(demoWorld(), { seed: TEST_SEED, catalogue: DEFAULT_CATEGORIES, calendar: CALENDAR });
  return extras;
}
export type DemoEventRow = ReturnType<typeof demoExtras>['events'][number];

export const STREET = '510116001';
export const SANYIQIAO = '510116001001';
export const HUAYUAN = '510116001011';
export const JIEDAISI = '510116001015';

/** A clock the tests move; the subgraph reads it for every step. */
export function testClock(start: string) {
  let current = new Date(start);
  return {
    now: () => current,
    set: (instant: string | Date) => {
      current = new Date(instant);
    },
    advance: (minutes: number) => {
      current = new Date(current.getTime() + minutes * 60_000);
    },
  };
}
export type TestClock = ReturnType<typeof testClock>;

export interface EventServices {
  events: TestSubgraph;
  grids: TestSubgraph | null;
  clock: TestClock;
  ask: (
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ) => Promise<GraphQLResponse<Record<string, any>>>;
  stop: () => Promise<void>;
}

/**
 * The events subgraph over a fresh database, with its own clock; with `grids`, the grids
 * subgraph stands in for the gateway and answers `grid(id)` and `grids(...)` as the graph would.
 */
export async function startEvents(
  options: { grids?: boolean; clock?: string; demo?: boolean } = {},
): Promise<EventServices> {
  const grids = options.grids ? await startTestSubgraph(gridsSubgraph) : null;
  const clock = testClock(options.clock ?? '2026-11-30T01:00:00Z');
  const events = await startTestSubgraph(createEventsSubgraph({ now: clock.now, calendar: CALENDAR }), {
    ...(grids ? { graphUrl: grids.url } : {}),
    ...(options.demo === false ? { demo: false } : {}),
  });
  return {
    events,
    grids,
    clock,
    ask: (query, variables = {}, token = null) => graphql(events.url, query, { token, variables }),
    stop: async () => {
      await events.stop();
      await grids?.stop();
    },
  };
}

export function token(role: Role, scopes: string[], personId?: string, subject?: string): Promise<string> {
  return tokenFor(role, scopes, { ...(personId ? { personId } : {}), ...(subject ? { subject } : {}) });
}

export const under = <T extends { areaCode: string }>(rows: T[], prefix: string) =>
  rows.filter((row) => row.areaCode.startsWith(prefix));
export const nodeIds = (connection: { edges: { node: { id: string } }[] }) =>
  connection.edges.map((edge) => edge.node.id);
export const sortedIds = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
/** Newest first, as `events(filter)` pages: by report time, then id, both descending. */
export const newestFirst = (rows: { id: string; reportedAt: Date }[]) =>
  [...rows]
    .sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((row) => row.id);

/** The staff of a grid in the world, with the person behind each. */
export function staffOf(gridId: string) {
  const world = demoWorld();
  const ids = new Set(
    world.assignments.filter((assignment) => assignment.gridId === gridId).map((assignment) => assignment.staffId),
  );
  return world.staff.filter((staff) => ids.has(staff.id));
}

/** A micro-grid of a community whose leader and general-grid worker both exist in the world. */
export function staffedMicroGrid(communityCode: string) {
  const micro = demoWorld().grids.find((grid) => {
    if (grid.type !== 'MICRO' || grid.communityCode !== communityCode) return false;
    const leader = staffOf(grid.id).some((staff) => staff.role === 'MICRO_GRID_LEADER');
    const worker = staffOf(grid.parentId!).some((staff) => staff.role === 'GRID_WORKER');
    return leader && worker;
  });
  if (!micro) throw new Error(`no staffed micro-grid in ${communityCode}`);
  const leader = staffOf(micro.id).find((staff) => staff.role === 'MICRO_GRID_LEADER')!;
  const gridWorker = staffOf(micro.parentId!).find((staff) => staff.role === 'GRID_WORKER')!;
  return { micro, leader, gridWorker };
}
