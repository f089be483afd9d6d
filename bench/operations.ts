/**
 * The benchmark's operations: real client queries with the dev token of the right role.
 * `bench/README.md` documents them; the floor server answers the read operations with
 * hand-written SQL, one statement per plan step.
 */
import type { Role } from '../subgraphs/kit/src/auth.js';
import { makeIdNumber } from '../subgraphs/people/src/domain/id-number.js';

export interface Subjects {
  street: string;
  community: string;
  /** A volunteer living in the community, with a building and a service card. */
  personId: string;
  /** A micro-grid of the community, for registrations and reports. */
  gridId: string;
  /** A published activity of the community and volunteers who may enrol in it. */
  activityId: string;
  /** The community of that activity (the demo's clock may leave none open in `community`) and its volunteers. */
  activityCommunity: string;
  volunteerIds: string[];
}

export interface Operation {
  name: string;
  title: string;
  kind: 'read' | 'write';
  role: Role;
  scope: (subjects: Subjects) => string[];
  /** Builds the request body; writes get a fresh sequence number per request. */
  body: (subjects: Subjects, sequence: number) => { query: string; variables: Record<string, unknown> };
}

export const OPERATIONS: Operation[] = [
  {
    name: 'residents',
    title: 'residents of a community with one tag, first 50, with household and building',
    kind: 'read',
    role: 'COMMUNITY_WORKER',
    scope: (s) => [s.community],
    body: (s) => ({
      query: `query Residents($area: ID!) {
        people(filter: { areaCode: $area, tags: ["EMPTY_NEST_ELDER"] }, first: 50) {
          totalCount
          edges { node { id name idNumber age phone room household { address members { relation person { name } } } building { name address } } }
        }
      }`,
      variables: { area: s.community },
    }),
  },
  {
    name: 'dashboard',
    title: 'community dashboard: grids with residentStats, eventStats, staff names and activity counts',
    kind: 'read',
    role: 'COMMUNITY_WORKER',
    scope: (s) => [s.community],
    body: (s) => ({
      query: `query Dashboard($code: ID!) {
        area(code: $code) {
          name
          grids(first: 50) { edges { node {
            id name type
            staff { role person { name } }
            residentStats { total byTag { code count } }
            eventStats { total closed overdue onTimeRate }
            activities(first: 0) { totalCount }
          } } }
        }
      }`,
      variables: { code: s.community },
    }),
  },
  {
    name: 'openEvents',
    title: '100 open events with grid, community, reporter and assignee names',
    kind: 'read',
    role: 'STREET_ADMIN',
    scope: (s) => [s.street],
    body: (s) => ({
      query: `query OpenEvents($area: ID!) {
        events(filter: { areaCode: $area, status: [DISPATCHED, ACCEPTED, IN_PROGRESS] }, first: 100) {
          edges { node { id title status grid { name community { name } } reporter { name } assignee { role person { name } } } }
        }
      }`,
      variables: { area: s.street },
    }),
  },
  {
    name: 'personDetail',
    title: "one person's detail: volunteer profile, visits, service card",
    kind: 'read',
    role: 'STREET_ADMIN',
    scope: (s) => [s.street],
    body: (s) => ({
      query: `query PersonDetail($id: ID!) {
        person(id: $id) {
          name age tags { label } household { address }
          volunteer { totalHours star teams { name } }
          visits(first: 5) { totalCount edges { node { visitedAt outcome } } }
          lastVisitAt
          building { name serviceCard { microGridLeader { person { name } workPhone } gridWorkers { person { name } workPhone } buildingStewards { person { name } } } }
        }
      }`,
      variables: { id: s.personId },
    }),
  },
  {
    name: 'writes',
    title: 'write mix, in turn: report an event, enrol in an activity, register a person',
    kind: 'write',
    role: 'COMMUNITY_WORKER',
    scope: (s) => [...new Set([s.community, s.activityCommunity])],
    body: (s, sequence) => {
      switch (sequence % 3) {
        case 0:
          return {
            query: `mutation Report($input: ReportEventInput!) { reportEvent(input: $input) { event { id } userErrors { code message } } }`,
            variables: {
              input: { gridId: s.gridId, title: `楼道堆放杂物${chineseDigits(sequence)}`, category: '安全隐患' },
            },
          };
        case 1:
          return {
            query: `mutation Enrol($input: EnrolInput!) { enrol(input: $input) { userErrors { code message } } }`,
            variables: {
              input: {
                activityId: s.activityId,
                volunteerId: s.volunteerIds[Math.floor(sequence / 3) % Math.max(1, s.volunteerIds.length)],
              },
            },
          };
        default:
          return {
            query: `mutation Register($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code message } } }`,
            variables: {
              input: { name: `压测${chineseDigits(sequence)}`, idNumber: benchIdNumber(sequence), gridId: s.gridId },
            },
          };
      }
    },
  },
];

/** Unique valid ID numbers for registrations: address 510199, born 1990 onward, by sequence. */
export function benchIdNumber(sequence: number): string {
  const day = new Date(Date.UTC(1990, 0, 1) + Math.floor(sequence / 999) * 86_400_000);
  return makeIdNumber('510199', day.toISOString().slice(0, 10), (sequence % 999) + 1);
}

/** Names and titles take no digits: 12 → 一二. */
function chineseDigits(value: number): string {
  return String(value).replace(/\d/g, (digit) => '零一二三四五六七八九'[Number(digit)] ?? '');
}
