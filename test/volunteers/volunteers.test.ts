import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridAreaPrefix } from '../../subgraphs/kit/src/area-code.js';
import { TeamMembership } from '../../subgraphs/volunteers/src/entities/team-membership.js';
import { volunteersSubgraph } from '../../subgraphs/volunteers/src/module.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';
import { demoConfirmedMinutes, world } from './support.js';

// No test for FORBIDDEN: every role in ROLE_PERMISSIONS holds volunteer:read, and a token
// can only add permissions to its roles, so no token can lack it today.

const STREET = '510116001';
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (values: string[]) => [...values].sort(byCodePoint);
const communityOf = (areaCode: string) => areaCode.slice(0, 12);

const volunteerById = new Map(world.volunteers.map((volunteer) => [volunteer.id, volunteer]));
const teamById = new Map(world.teams.map((team) => [team.id, team]));
const leifeng = world.teams.find((team) => team.name === '雷锋伙伴')!;
const memberIds = (teamId: string) => world.memberships.filter((m) => m.teamId === teamId).map((m) => m.volunteerId);
const teamNamesOf = (volunteerId: string) =>
  world.memberships.filter((m) => m.volunteerId === volunteerId).map((m) => teamById.get(m.teamId)!.name);
const activitiesUnder = (prefix: string) =>
  sorted(world.activities.filter((a) => a.areaCode.startsWith(prefix)).map((a) => a.id));

// Two communities of 东升街道 that each have a member of the street-wide 雷锋伙伴: a worker of
// `home` must see that team and its own members of it, never those of `other`.
const leifengCommunities = sorted([
  ...new Set(memberIds(leifeng.id).map((id) => communityOf(volunteerById.get(id)!.areaCode))),
]);
const home = leifengCommunities[leifengCommunities.length - 1]!;
const other = leifengCommunities[0]!;
const homeTeam = world.teams.find((team) => team.areaCode === home)!;
const otherTeam = world.teams.find((team) => team.areaCode === other)!;
const homeVolunteer = world.volunteers.find((v) => communityOf(v.areaCode) === home)!;
const otherVolunteer = world.volunteers.find((v) => communityOf(v.areaCode) === other)!;
const homeActivity = world.activities.find((a) => communityOf(a.areaCode) === home)!;
const otherActivity = world.activities.find((a) => communityOf(a.areaCode) === other)!;

let volunteers: TestSubgraph;
let streetAdmin: string;
let everywhere: string;
let homeWorker: string;

async function ask(token: string | null, query: string, variables: Record<string, unknown> = {}) {
  return graphql(volunteers.url, query, { token, variables });
}

async function entities(token: string, representations: Record<string, unknown>[], selection: string) {
  const response = await ask(token, `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, {
    r: representations,
  });
  expect(response.errors).toBeUndefined();
  return response.data?._entities as Record<string, any>[];
}

/** SQL statements the subgraph sends while answering one request. */
async function statementsFor(run: () => Promise<unknown>): Promise<number> {
  const before = volunteers.db.statements.count;
  await run();
  return volunteers.db.statements.count - before;
}

beforeAll(async () => {
  volunteers = await startTestSubgraph(volunteersSubgraph);
  streetAdmin = await tokenFor('STREET_ADMIN', [STREET]);
  everywhere = await tokenFor('STREET_ADMIN', ['510115', '510116']);
  homeWorker = await tokenFor('COMMUNITY_WORKER', [home]);
});
afterAll(() => volunteers?.stop());

describe('volunteers subgraph', () => {
  it('the demo world has two street-team communities for the scope tests to tell apart', () => {
    expect(home).not.toBe(other);
    expect([home, other].every((code) => code.startsWith(STREET))).toBe(true);
    expect([homeTeam, otherTeam, homeVolunteer, otherVolunteer, homeActivity, otherActivity].every(Boolean)).toBe(true);
  });

  it('refuses a request without a token and returns no data', async () => {
    const response = await ask(null, `{ volunteer(id: "${homeVolunteer.id}") { id } }`);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves a volunteer with their person, active teams and confirmed hours', async () => {
    const volunteer = world.volunteers.find(
      (v) => v.areaCode.startsWith(STREET) && !Number.isInteger(v.confirmedHours) && teamNamesOf(v.id).length === 2,
    )!;
    const { data } = await ask(
      streetAdmin,
      `{ volunteer(id: "${volunteer.id}") { id person { id } confirmedHours registeredAt teams { name } } }`,
    );
    expect(demoConfirmedMinutes(volunteer.id)).toBeGreaterThanOrEqual(volunteer.confirmedHours * 60);
    expect(data?.volunteer).toMatchObject({
      id: volunteer.id,
      person: { id: volunteer.personId },
      confirmedHours: demoConfirmedMinutes(volunteer.id) / 60,
      registeredAt: volunteer.registeredAt.toISOString(),
    });
    expect(sorted(data?.volunteer.teams.map((team: { name: string }) => team.name))).toEqual(
      sorted(teamNamesOf(volunteer.id)),
    );
  });

  it('serves an activity with its grid reference, organising team and time window', async () => {
    const activity = world.activities.find((a) => a.areaCode.startsWith(STREET) && a.teamId !== null)!;
    const [found] = await entities(
      streetAdmin,
      [{ __typename: 'Activity', id: activity.id }],
      '... on Activity { title category status capacity startsAt endsAt grid { id code } team { name area { code } } }',
    );
    const team = teamById.get(activity.teamId!)!;
    expect(found).toEqual({
      title: activity.title,
      category: activity.category,
      status: activity.status,
      capacity: activity.capacity,
      startsAt: activity.startsAt.toISOString(),
      endsAt: activity.endsAt.toISOString(),
      grid: { id: activity.gridId, code: activity.areaCode },
      team: { name: team.name, area: { code: team.areaCode } },
    });
  });

  it('a community worker sees the street teams and their own community team but not another community team', async () => {
    const { data } = await ask(
      homeWorker,
      `{ volunteerTeams { name } own: volunteerTeam(id: "${homeTeam.id}") { name } street: volunteerTeam(id: "${leifeng.id}") { name } other: volunteerTeam(id: "${otherTeam.id}") { name } }`,
    );
    const expected = world.teams
      .filter((team) => team.areaCode === STREET || team.areaCode === home)
      .map((team) => team.name);
    expect(data?.volunteerTeams.map((team: { name: string }) => team.name)).toEqual(sorted(expected));
    expect(data?.own).toEqual({ name: homeTeam.name });
    expect(data?.street).toEqual({ name: '雷锋伙伴' });
    expect(data?.other).toBeNull();
  });

  it("lists the teams that serve an area, narrowed to the viewer's scope", async () => {
    const served = await ask(streetAdmin, `{ volunteerTeams(areaCode: "${other}") { name } }`);
    const expected = world.teams
      .filter((team) => team.areaCode === STREET || team.areaCode === other)
      .map((team) => team.name);
    expect(served.data?.volunteerTeams.map((team: { name: string }) => team.name)).toEqual(sorted(expected));
    const outside = await ask(homeWorker, `{ volunteerTeams(areaCode: "${other}") { name } }`);
    expect(outside.data?.volunteerTeams).toEqual([]);
  });

  it('a community worker sees only their own residents among the members of a street team', async () => {
    const { data } = await ask(homeWorker, `{ volunteerTeam(id: "${leifeng.id}") { members { id } } }`);
    const expected = memberIds(leifeng.id).filter((id) => communityOf(volunteerById.get(id)!.areaCode) === home);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(data?.volunteerTeam.members.map((member: { id: string }) => member.id))).toEqual(sorted(expected));
    const all = await ask(streetAdmin, `{ volunteerTeam(id: "${leifeng.id}") { members { id } } }`);
    expect(sorted(all.data?.volunteerTeam.members.map((member: { id: string }) => member.id))).toEqual(
      sorted(memberIds(leifeng.id)),
    );
  });

  it('a community worker cannot read volunteers or activities of another community', async () => {
    const { data } = await ask(
      homeWorker,
      `{ own: volunteer(id: "${homeVolunteer.id}") { id } other: volunteer(id: "${otherVolunteer.id}") { id } activities(first: 100) { totalCount edges { node { id } } } }`,
    );
    expect(data?.own).toEqual({ id: homeVolunteer.id });
    expect(data?.other).toBeNull();
    expect(data?.activities.totalCount).toBe(activitiesUnder(home).length);
    expect(data?.activities.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(activitiesUnder(home));
    const found = await entities(
      homeWorker,
      [
        { __typename: 'Activity', id: homeActivity.id },
        { __typename: 'Activity', id: otherActivity.id },
      ],
      '... on Activity { id }',
    );
    expect(found).toEqual([{ id: homeActivity.id }, null]);
  });

  it('adds the volunteer profile to people given by reference, null for non-volunteers and outside scope', async () => {
    const volunteerPeople = new Set(world.volunteers.map((v) => v.personId));
    const resident = world.people.find(
      (person) => communityOf(person.areaCode) === home && !volunteerPeople.has(person.id),
    )!;
    const people = [homeVolunteer.personId, resident.id, otherVolunteer.personId];
    const found = await entities(
      homeWorker,
      people.map((id) => ({ __typename: 'Person', id })),
      '... on Person { volunteer { id confirmedHours } }',
    );
    expect(found).toEqual([
      { volunteer: { id: homeVolunteer.id, confirmedHours: demoConfirmedMinutes(homeVolunteer.id) / 60 } },
      { volunteer: null },
      { volunteer: null },
    ]);
  });

  it('adds activities to grids given by reference, with exact totals', async () => {
    const total = world.grids.find((grid) => grid.type === 'COMMUNITY_TOTAL' && grid.communityCode === home)!;
    const general = world.grids.find((grid) => grid.id === homeActivity.gridId)!;
    const micro = world.grids.find((grid) => grid.type === 'MICRO' && grid.communityCode === home)!;
    const found = await entities(
      everywhere,
      [total, general, micro].map((grid) => ({ __typename: 'Grid', id: grid.id, code: grid.code })),
      '... on Grid { activities { totalCount edges { node { id } } } }',
    );
    const expected = [home, general.code, micro.code].map((prefix) => activitiesUnder(prefix));
    expect(expected[0]!.length).toBeGreaterThan(0);
    expect(expected[2]).toEqual([]);
    expect(found.map((grid) => grid.activities.totalCount)).toEqual(expected.map((ids) => ids.length));
    expect(found.map((grid) => grid.activities.edges.map((edge: { node: { id: string } }) => edge.node.id))).toEqual(
      expected,
    );
  });

  it("pages a grid's activities with cursors through references", async () => {
    const total = world.grids.find(
      (grid) => grid.type === 'COMMUNITY_TOTAL' && activitiesUnder(grid.communityCode).length >= 3,
    )!;
    const selection =
      '... on Grid { activities(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }';
    const page = async (after: string | null) => {
      const response = await ask(
        everywhere,
        `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ${selection} } }`,
        { r: [{ __typename: 'Grid', id: total.id, code: total.code }], after },
      );
      return response.data?._entities[0].activities;
    };
    const first = await page(null);
    const second = await page(first.pageInfo.endCursor);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const ids = [...first.edges, ...second.edges].map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toEqual(activitiesUnder(gridAreaPrefix(total.code)).slice(0, 4));
  });

  it('pages activities with opaque keyset cursors until the last page', async () => {
    const query =
      'query($after: String) { activities(areaCode: "510116001", first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }';
    const expected = activitiesUnder(STREET);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const { data } = await ask(streetAdmin, query, { after });
      expect(data?.activities.totalCount).toBe(expected.length);
      seen.push(...data!.activities.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!data?.activities.pageInfo.hasNextPage) break;
      after = data.activities.pageInfo.endCursor;
      expect(after).not.toContain(expected[0]);
    }
    expect(seen).toEqual(expected);
  });

  it('resolves volunteer, team and activity references in one statement per type however many are asked', async () => {
    const representations = (n: number) => [
      ...world.volunteers.slice(0, n).map((v) => ({ __typename: 'Volunteer', id: v.id })),
      ...world.teams.slice(0, n).map((t) => ({ __typename: 'VolunteerTeam', id: t.id })),
      ...world.activities.slice(0, n).map((a) => ({ __typename: 'Activity', id: a.id })),
    ];
    const selection = '... on Volunteer { id } ... on VolunteerTeam { id } ... on Activity { id }';
    expect(await statementsFor(() => entities(everywhere, representations(2), selection))).toBe(3);
    expect(await statementsFor(() => entities(everywhere, representations(20), selection))).toBe(3);
  });

  it('adds activities with totals to 50 grids in as many statements as to 5', async () => {
    const selection = '... on Grid { activities(first: 3) { totalCount edges { node { title team { name } } } } }';
    const grids = world.grids.map((grid) => ({ __typename: 'Grid', id: grid.id, code: grid.code }));
    const five = await statementsFor(() => entities(everywhere, grids.slice(0, 5), selection));
    const fifty = await statementsFor(() => entities(everywhere, grids.slice(0, 50), selection));
    expect(five).toBe(4);
    expect(fifty).toBe(five);
  });

  it('adds volunteer profiles to 50 people in as many statements as to 5', async () => {
    const volunteerPeople = world.volunteers.map((v) => v.personId);
    const others = world.people.map((person) => person.id).filter((id) => !volunteerPeople.includes(id));
    const people = [...volunteerPeople, ...others].map((id) => ({ __typename: 'Person', id }));
    const selection = '... on Person { volunteer { confirmedHours star pointsBalance teams { name } } }';
    const five = await statementsFor(() => entities(everywhere, people.slice(0, 5), selection));
    const fifty = await statementsFor(() => entities(everywhere, people.slice(0, 50), selection));
    // The profiles with their confirmed minutes, their balances, their memberships, the teams.
    expect(five).toBe(4);
    expect(fifty).toBe(five);
  });

  it('refuses a page larger than the cap, a negative page, a malformed cursor and a malformed area code', async () => {
    const cases: [string, string][] = [
      ['{ activities(first: 101) { totalCount } }', 'first'],
      ['{ activities(first: -1) { totalCount } }', 'first'],
      ['{ activities(after: "not-a-cursor") { totalCount } }', 'after'],
      ['{ activities(areaCode: "51A") { totalCount } }', 'areaCode'],
      ['{ activities(areaCode: "5101160010") { totalCount } }', 'areaCode'],
      ['{ volunteerTeams(areaCode: "abc") { name } }', 'areaCode'],
    ];
    for (const [query, argument] of cases) {
      const response = await ask(streetAdmin, query);
      expect(response.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(response.data ?? null, query).toBeNull();
    }
  });

  it("refuses a bad page size or cursor for a grid's activities", async () => {
    const grid = world.grids[0]!;
    for (const [args, argument] of [
      ['first: 500', 'first'],
      ['after: "bad"', 'after'],
    ] as const) {
      const response = await ask(
        everywhere,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { activities(${args}) { totalCount } } } }`,
        { r: [{ __typename: 'Grid', id: grid.id, code: grid.code }] },
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('a volunteer who left a team no longer lists it, nor is listed among its members', async () => {
    const membership = world.memberships.find(
      (m) => teamNamesOf(m.volunteerId).length === 2 && volunteerById.get(m.volunteerId)!.areaCode.startsWith(STREET),
    )!;
    const memberships = volunteers.db.dataSource.getRepository(TeamMembership);
    const key = { teamId: membership.teamId, volunteerId: membership.volunteerId };
    await memberships.update(key, { leftAt: new Date() });
    try {
      const { data } = await ask(
        streetAdmin,
        `{ volunteer(id: "${membership.volunteerId}") { teams { id } } volunteerTeam(id: "${membership.teamId}") { members { id } } }`,
      );
      const stayed = world.memberships
        .filter((m) => m.volunteerId === membership.volunteerId && m.teamId !== membership.teamId)
        .map((m) => m.teamId);
      expect(data?.volunteer.teams).toEqual(stayed.map((id) => ({ id })));
      expect(sorted(data?.volunteerTeam.members.map((member: { id: string }) => member.id))).toEqual(
        sorted(memberIds(membership.teamId).filter((id) => id !== membership.volunteerId)),
      );
    } finally {
      await memberships.update(key, { leftAt: null });
    }
  });
});
