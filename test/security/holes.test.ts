import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TopicVote } from '../../subgraphs/events/src/entities/topic.js';
import { Visit } from '../../subgraphs/events/src/entities/visit.js';
import { signDevToken, type Role } from '../../subgraphs/kit/src/auth.js';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { graphql, TEST_AUTH } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { demoExtras, demoWorld } from '../events/support.js';

/**
 * Issue 14, item 9, the smaller holes, tried through the gateway as an attacker would:
 * votes by staff and by residents outside their grid, visits credited to someone else,
 * and changes to one's own record outside one's scope. Each attempt counts as tried, and
 * as held when it is refused with a user error and nothing is written.
 */
type Person = DemoWorld['people'][number];
type Staff = DemoWorld['staff'][number];

let platform: Platform;
const tally = { tried: 0, held: 0 };

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(async () => {
  await platform?.stop();
  // The attack count, for the closing note.
  process.stdout.write(`security/holes: ${tally.held} of ${tally.tried} attempts held\n`);
});

const sign = (roles: Role[], scopes: string[], subject: string, personId?: string) =>
  signDevToken({ subject, roles, scopes, permissions: [], ...(personId ? { personId } : {}) }, TEST_AUTH);
const ask = (query: string, variables: Record<string, unknown>, token: string) =>
  graphql(platform.gatewayUrl, query, { token, variables });

/** One attempt: refused with one of the codes, as a user error (no GraphQL error), counted. */
async function attempt(
  query: string,
  variables: Record<string, unknown>,
  token: string,
  field: string,
  codes: string[],
): Promise<void> {
  tally.tried += 1;
  const { data, errors } = await ask(query, variables, token);
  const payload = data?.[field] as { userErrors: { code: string; message: string }[] } | undefined;
  const refused =
    errors === undefined &&
    payload !== undefined &&
    payload.userErrors.length > 0 &&
    payload.userErrors.every((error) => codes.includes(error.code) && /[\u4e00-\u9fa5]/.test(error.message));
  if (refused) tally.held += 1;
  expect({ errors, userErrors: payload?.userErrors.map((error) => error.code) }).toEqual({
    errors: undefined,
    userErrors: [expect.toBeOneOf(codes)],
  });
}

const VOTE =
  'mutation($input: VoteOnTopicInput!) { voteOnTopic(input: $input) { topic { myVote } userErrors { code message } } }';

describe('voting: staff never vote, and a resident votes only in their own grid whatever other roles the token has', () => {
  it('refuses every vote outside the voter’s own grid or by staff, and takes a resident-worker’s vote at home', async () => {
    const world = demoWorld();
    const staffPeople = new Set(world.staff.map((staff) => staff.personId));
    const voted = new Set(demoExtras().votes.map((vote) => `${vote.topicId}|${vote.personId}`));
    const freshFor = (topicId: string) => (person: Person) =>
      !staffPeople.has(person.id) && !voted.has(`${topicId}|${person.id}`);
    const topic = demoExtras().topics.find(
      (row) =>
        row.status === 'OPEN' &&
        row.areaCode.length === 18 &&
        world.people.filter((person) => person.areaCode === row.areaCode && freshFor(row.id)(person)).length >= 2,
    )!;
    const community = topic.areaCode.slice(0, 12);
    const street = topic.areaCode.slice(0, 9);
    const fresh = freshFor(topic.id);
    const [home, home2] = world.people.filter((person) => person.areaCode === topic.areaCode && fresh(person));
    // Residents of the same community who live in another micro-grid: the topic is in their token's scope.
    const outsiders = world.people.filter(
      (person) => person.areaCode.startsWith(community) && person.areaCode !== topic.areaCode && fresh(person),
    );
    expect(home && home2 && outsiders.length >= 5).toBeTruthy();
    const votes = () => platform.subgraphs.events.db.dataSource.getRepository(TopicVote).countBy({ topicId: topic.id });
    const before = await votes();
    const input = { input: { topicId: topic.id, choice: 'FOR' } };

    const attacks: [Role[], string[], string | undefined, string[]][] = [
      // A resident who also holds a worker role, living in another micro-grid (the hole).
      [['RESIDENT', 'GRID_WORKER'], [community], outsiders[0]!.id, ['NOT_RESIDENT']],
      [['RESIDENT', 'COMMUNITY_WORKER'], [community], outsiders[1]!.id, ['NOT_RESIDENT']],
      [['RESIDENT', 'STREET_ADMIN'], [street], outsiders[2]!.id, ['NOT_RESIDENT']],
      [['GRID_WORKER', 'RESIDENT', 'VOLUNTEER'], [topic.areaCode], outsiders[3]!.id, ['NOT_RESIDENT']],
      // A plain resident of another micro-grid.
      [['RESIDENT'], [community], outsiders[4]!.id, ['NOT_RESIDENT']],
      // Staff, even naming a person who lives in the grid: staff never vote.
      [['GRID_WORKER'], [community], home2!.id, ['ROLE_NOT_ALLOWED']],
      [['COMMUNITY_WORKER'], [community], undefined, ['ROLE_NOT_ALLOWED']],
      [['STREET_ADMIN'], [street], home2!.id, ['ROLE_NOT_ALLOWED']],
      [['GRID_WORKER', 'COMMUNITY_WORKER'], [community], home2!.id, ['ROLE_NOT_ALLOWED']],
    ];
    for (const [index, [roles, scopes, personId, codes]] of attacks.entries())
      await attempt(VOTE, input, await sign(roles, scopes, `voter-${index}`, personId), 'voteOnTopic', codes);
    expect(await votes()).toBe(before);

    // A worker who lives in the topic's micro-grid votes there, as the resident they are.
    const atHome = await ask(VOTE, input, await sign(['RESIDENT', 'GRID_WORKER'], [community], 'voter-home', home!.id));
    expect(atHome.data?.voteOnTopic).toEqual({ topic: { myVote: 'FOR' }, userErrors: [] });
    expect(await votes()).toBe(before + 1);
  });
});

const RECORD_VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) {
  visit { id visitorStaff { id } visitorPerson { id } } userErrors { code message } } }`;

describe('visits: recorded by the visitor’s own assignment, or by their micro-grid leader', () => {
  it('refuses a visit credited to another staff member, and records the own and the leader’s', async () => {
    const world = demoWorld();
    const gridOf = new Map(world.grids.map((grid) => [grid.id, grid]));
    const servedBy = (staff: Staff) =>
      world.assignments.filter((row) => row.staffId === staff.id).map((row) => gridOf.get(row.gridId)!);
    // A micro-grid with a leader and a building steward, another leader and the general grid's worker.
    const steward = world.staff.find((staff) => staff.role === 'BUILDING_STEWARD')!;
    const micro = servedBy(steward)[0]!;
    const leader = world.staff.find(
      (staff) => staff.role === 'MICRO_GRID_LEADER' && servedBy(staff).some((grid) => grid.id === micro.id),
    )!;
    const community = micro.communityCode;
    const otherLeader = world.staff.find(
      (staff) =>
        staff.role === 'MICRO_GRID_LEADER' && staff.areaCode.startsWith(community) && staff.areaCode !== micro.code,
    )!;
    const gridWorker = world.staff.find(
      (staff) => staff.role === 'GRID_WORKER' && servedBy(staff).some((grid) => grid.id === micro.parentId),
    )!;
    const visited = world.people.find((person) => person.areaCode === micro.code)!;
    expect(leader && otherLeader && gridWorker && visited).toBeTruthy();
    const staffToken = (staff: Staff, name: string) => sign(['GRID_WORKER'], [community], name, staff.personId);
    const tokens = {
      leader: await staffToken(leader, 'leader'),
      steward: await staffToken(steward, 'steward'),
      otherLeader: await staffToken(otherLeader, 'other-leader'),
      gridWorker: await staffToken(gridWorker, 'grid-worker'),
      community: await sign(['COMMUNITY_WORKER'], [community], 'community'),
      street: await sign(['STREET_ADMIN'], [community.slice(0, 9)], 'street'),
      // A worker token naming the leader's person but holding no worker role.
      resident: await sign(['RESIDENT'], [micro.code], 'leader-as-resident', leader.personId),
    };
    const visits = platform.subgraphs.events.db.dataSource.getRepository(Visit);
    const before = await visits.count();
    const visit = (visitorStaffId: string) => ({
      input: { personId: visited.id, visitorStaffId, outcome: 'WELL', followUpNeeded: false },
    });

    const attacks: [string, string, string[]][] = [
      [tokens.community, leader.id, ['VISITOR_NOT_SELF']],
      [tokens.community, steward.id, ['VISITOR_NOT_SELF']],
      [tokens.street, leader.id, ['VISITOR_NOT_SELF']],
      [tokens.steward, leader.id, ['VISITOR_NOT_SELF']],
      [tokens.otherLeader, leader.id, ['VISITOR_NOT_SELF']],
      [tokens.otherLeader, steward.id, ['VISITOR_NOT_SELF']],
      [tokens.gridWorker, steward.id, ['VISITOR_NOT_SELF']],
      [tokens.gridWorker, leader.id, ['VISITOR_NOT_SELF']],
      [tokens.leader, gridWorker.id, ['VISITOR_NOT_SELF']],
      [tokens.leader, otherLeader.id, ['VISITOR_NOT_SELF']],
      [tokens.resident, leader.id, ['ROLE_NOT_ALLOWED']],
    ];
    for (const [token, staffId, codes] of attacks)
      await attempt(RECORD_VISIT, visit(staffId), token, 'recordVisit', codes);
    expect(await visits.count()).toBe(before);

    const allowed: [string, Staff, string][] = [
      [tokens.leader, leader, 'leader'],
      [tokens.steward, steward, 'steward'],
      [tokens.leader, steward, 'leader'],
    ];
    for (const [token, visitor, recorder] of allowed) {
      const { data, errors } = await ask(RECORD_VISIT, visit(visitor.id), token);
      expect(errors).toBeUndefined();
      expect(data?.recordVisit).toEqual({
        visit: { id: expect.any(String), visitorStaff: { id: visitor.id }, visitorPerson: { id: visitor.personId } },
        userErrors: [],
      });
      // Who recorded the visit is kept apart from who visited: the leader's entry for a member shows as such.
      const row = await visits.findOneByOrFail({ id: data?.recordVisit.visit.id });
      expect(row).toMatchObject({ recordedBy: recorder, visitorId: visitor.id, visitorPersonId: visitor.personId });
    }
    expect(await visits.count()).toBe(before + 3);
  });
});

describe('records: no one changes a record outside their scope, their own included', () => {
  const PERSON = `query($id: ID!) { person(id: $id) { id status household { id } tags { code } } }`;
  const payload = 'person { id } userErrors { code message }';
  const mutations = {
    setTags: `mutation($input: SetTagsInput!) { setTags(input: $input) { ${payload} } }`,
    setPersonStatus: `mutation($input: SetPersonStatusInput!) { setPersonStatus(input: $input) { ${payload} } }`,
    movePerson: `mutation($input: MovePersonInput!) { movePerson(input: $input) { ${payload} } }`,
    leaveHousehold: `mutation($input: LeaveHouseholdInput!) { leaveHousehold(input: $input) { ${payload} } }`,
    joinHousehold: `mutation($input: JoinHouseholdInput!) { joinHousehold(input: $input) { ${payload} } }`,
    createHousehold: `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id } userErrors { code message } } }`,
  };

  it('refuses every change a worker makes to their own record outside their scope, and changes nothing', async () => {
    const world = demoWorld();
    const communities = [...new Set(world.grids.map((grid) => grid.communityCode))];
    const me = world.people.find((person) => person.householdId && person.areaCode.startsWith(communities[0]!))!;
    const elsewhere = communities[1]!;
    const neighbour = world.people.find((person) => person.areaCode.startsWith(elsewhere))!;
    const worker = await sign(['GRID_WORKER'], [elsewhere], 'worker-elsewhere', me.id);
    const own = await sign(['RESIDENT'], [me.areaCode], 'me-as-resident', me.id);
    const read = async () => (await ask(PERSON, { id: me.id }, own)).data?.person;
    const before = await read();
    expect(before).toMatchObject({ id: me.id, status: 'ACTIVE', household: { id: me.householdId } });

    const attacks: [keyof typeof mutations, Record<string, unknown>, string[]][] = [
      ['setTags', { personId: me.id, tags: [{ code: 'VETERAN' }] }, ['PERSON_NOT_FOUND']],
      ['setTags', { personId: me.id, tags: [] }, ['PERSON_NOT_FOUND']],
      [
        'setPersonStatus',
        { personId: me.id, status: 'DECEASED', since: '2026-01-01', reason: '测试' },
        ['PERSON_NOT_FOUND'],
      ],
      ['movePerson', { personId: me.id, leftFor: '重庆市渝中区', movedOn: '2026-01-01' }, ['PERSON_NOT_FOUND']],
      ['leaveHousehold', { personId: me.id }, ['PERSON_NOT_FOUND']],
      [
        'joinHousehold',
        { personId: me.id, householdId: neighbour.householdId, relation: '其他亲属' },
        ['PERSON_NOT_FOUND'],
      ],
      // Someone in the worker's scope put into the worker's own household, which is outside it.
      [
        'joinHousehold',
        { personId: neighbour.id, householdId: me.householdId, relation: '其他亲属' },
        ['HOUSEHOLD_NOT_FOUND'],
      ],
      ['createHousehold', { headPersonId: me.id, address: '1栋1单元101' }, ['PERSON_NOT_FOUND']],
    ];
    for (const [name, input, codes] of attacks) await attempt(mutations[name], { input }, worker, name, codes);
    expect(await read()).toEqual(before);

    // The same token still writes inside its scope.
    const inScope = await ask(mutations.setTags, { input: { personId: neighbour.id, tags: [] } }, worker);
    expect(inScope.data?.setTags).toEqual({ person: { id: neighbour.id }, userErrors: [] });
  });

  it('every attempt held', () => {
    expect(tally.tried).toBeGreaterThan(0);
    expect(tally.held).toBe(tally.tried);
  });
});
