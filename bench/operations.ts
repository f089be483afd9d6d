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
  personId: string;
  gridId: string;
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
    title: 'residents of a community with one tag, first 50, with household',
    kind: 'read',
    role: 'COMMUNITY_WORKER',
    scope: (s) => [s.community],
    body: (s) => ({
      query: `query Residents($area: ID!) {
        people(filter: { areaCode: $area, tags: ["EMPTY_NEST_ELDER"] }, first: 50) {
          totalCount
          edges { node { id name idNumber age phone household { address members { relation person { name } } } } }
        }
      }`,
      variables: { area: s.community },
    }),
  },
  {
    name: 'dashboard',
    title: 'community dashboard: grids with residents, events, staff names and activity counts',
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
            residents(first: 0) { totalCount }
            events(first: 0) { totalCount }
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
    title: "one person's detail: tags, household, volunteer profile, staff roles",
    kind: 'read',
    role: 'STREET_ADMIN',
    scope: (s) => [s.street],
    body: (s) => ({
      query: `query PersonDetail($id: ID!) {
        person(id: $id) {
          name age tags { label } household { address }
          volunteer { confirmedHours teams { name } }
          staffRoles { role grids { name } }
          reportedEvents(first: 5) { totalCount edges { node { title status } } }
        }
      }`,
      variables: { id: s.personId },
    }),
  },
  {
    name: 'writes',
    title: 'write mix: register a person',
    kind: 'write',
    role: 'COMMUNITY_WORKER',
    scope: (s) => [s.community],
    body: (s, sequence) => ({
      query: `mutation Register($input: RegisterPersonInput!) {
        registerPerson(input: $input) { person { id } userErrors { code message } }
      }`,
      variables: { input: { name: `压测${sequence}`, idNumber: benchIdNumber(sequence), gridId: s.gridId } },
    }),
  },
];



/** Unique valid ID numbers for registrations: address 510199, born 1990 onward, by sequence. */
export function benchIdNumber(sequence: number): string {
  const day = new Date(Date.UTC(1990, 0, 1) + Math.floor(sequence / 999) * 86_400_000);
  return makeIdNumber('510199', day.toISOString().slice(0, 10), (sequence % 999) + 1);
}
