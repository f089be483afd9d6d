import { expect } from 'vitest';
import type { GraphQLResponse } from '../support/graphql.js';
import {
  demoWorld,
  JIEDAISI,
  SANYIQIAO,
  staffOf,
  token,
  type DemoGrid,
  type DemoPerson,
  type DemoStaff,
} from './support.js';

let staffPeople: Set<string> | undefined;
export const residentsOf = (gridId: string) => {
  const world = demoWorld();
  staffPeople ??= new Set(world.staff.map((staff) => staff.personId));
  return world.people.filter((person) => person.gridId === gridId && !staffPeople!.has(person.id));
};

/**
 * A micro-grid of 三义桥 with two residents who are not staff, the general grid around it
 * with its grid worker, and a sibling micro-grid with a resident: set by `castDeliberation()`,
 * which a test file calls in its `beforeAll`, so the demo world is built on use, not at import.
 */
export let micro: DemoGrid;
export let general: DemoGrid;
export let gridWorker: DemoStaff;
export let sibling: DemoGrid;
export let alice: DemoPerson;
export let bob: DemoPerson;
export let siblingResident: DemoPerson;
/** A resident of another community (接待寺). */
export let stranger: DemoPerson;

export function castDeliberation(): void {
  const world = demoWorld();
  micro = world.grids.find((grid) => {
    if (grid.type !== 'MICRO' || grid.communityCode !== SANYIQIAO || residentsOf(grid.id).length < 2) return false;
    const siblings = world.grids.filter((other) => other.parentId === grid.parentId && other.id !== grid.id);
    return (
      siblings.some((other) => residentsOf(other.id).length > 0) &&
      staffOf(grid.parentId!).some((staff) => staff.role === 'GRID_WORKER')
    );
  })!;
  general = world.grids.find((grid) => grid.id === micro.parentId)!;
  gridWorker = staffOf(general.id).find((staff) => staff.role === 'GRID_WORKER')!;
  sibling = world.grids.find(
    (grid) => grid.parentId === general.id && grid.id !== micro.id && residentsOf(grid.id).length > 0,
  )!;
  [alice, bob] = residentsOf(micro.id) as [DemoPerson, DemoPerson];
  siblingResident = residentsOf(sibling.id)[0]!;
  staffPeople ??= new Set(world.staff.map((staff) => staff.personId));
  stranger = world.people.find((person) => person.areaCode.startsWith(JIEDAISI) && !staffPeople!.has(person.id))!;
}

/** A resident's token as the token service issues it: scoped to their own micro-grid. */
export const residentToken = (person: { id: string; areaCode: string }) =>
  token('RESIDENT', [person.areaCode], person.id, `resident-${person.id}`);

export const TOPIC_FIELDS = `id title body status grid { id code } raisedBy raisedByRole raiser { id } closedAt withdrawReason commentCount
  voteCounts { for against abstain total } myVote decision { outcome text decidedBy deciderRole projectRequest { title plan topic { id } } }`;

const INPUT_TYPES: Record<string, string> = {
  raiseTopic: 'RaiseTopicInput',
  commentOnTopic: 'CommentOnTopicInput',
  voteOnTopic: 'VoteOnTopicInput',
  decideTopic: 'DecideTopicInput',
  withdrawTopic: 'WithdrawTopicInput',
};

const PAYLOADS: Record<string, string> = {
  commentOnTopic: 'comment { id body author { id } authorRole createdAt topic { id commentCount } }',
};

type Ask = (
  query: string,
  variables?: Record<string, unknown>,
  token?: string | null,
) => Promise<GraphQLResponse<Record<string, any>>>;

/** Runs one deliberation mutation and returns its payload; a GraphQL error fails the test. */
export function mutator(ask: Ask) {
  return async (name: keyof typeof INPUT_TYPES, input: Record<string, unknown>, as: string) => {
    const payload = PAYLOADS[name] ?? `topic { ${TOPIC_FIELDS} }`;
    const { data, errors } = await ask(
      `mutation($input: ${INPUT_TYPES[name]}!) { ${name}(input: $input) { ${payload} userErrors { code field message } } }`,
      { input },
      as,
    );
    expect(errors).toBeUndefined();
    return data?.[name];
  };
}

/** The codes and fields of a payload's user errors. */
export const codes = (payload: { userErrors: { code: string; field: string[] | null }[] }) =>
  payload.userErrors.map((error) => [error.code, error.field?.join('.') ?? null]);
