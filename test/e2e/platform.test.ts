import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_GRID_CODE } from '../../scripts/example-query.js';
import { generateWorld } from '../../subgraphs/kit/src/demo/world.js';
import { gql } from '../generated/gql.js';
import { GridOverviewDocument } from '../generated/graphql.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { TEST_RESIDENTS, TEST_SEED } from '../support/subgraph.js';

const world = generateWorld({ seed: TEST_SEED, residents: TEST_RESIDENTS });
let platform: Platform;
let streetAdmin: string;

beforeAll(async () => {
  platform = await startPlatform();
  streetAdmin = await tokenFor('STREET_ADMIN', ['510116001']);
});
afterAll(() => platform?.stop());

const under = (prefix: string) => (row: { areaCode: string }) => row.areaCode.startsWith(prefix);

describe('the federated graph over real HTTP', () => {
  it('answers the example query with data from all four databases', async () => {
    const { data, errors } = await graphql(platform.gatewayUrl, GridOverviewDocument, {
      token: streetAdmin,
      variables: { code: EXAMPLE_GRID_CODE },
    });
    expect(errors).toBeUndefined();
    const grid = world.grids.find((row) => row.code === EXAMPLE_GRID_CODE)!;
    const overview = data?.gridByCode;
    expect(overview?.name).toBe(grid.name);
    expect(overview?.community).toEqual({ name: '三义桥社区', parent: { name: '东升街道' } });
    const staff = world.staff.filter((row) =>
      world.assignments.some((a) => a.staffId === row.id && a.gridId === grid.id),
    );
    expect(overview?.staff.map((row) => row.person?.name).sort()).toEqual(
      staff.map((row) => world.people.find((person) => person.id === row.personId)!.name).sort(),
    );
    expect(overview?.staff[0]?.person?.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(overview?.residents?.totalCount).toBe(world.people.filter(under(EXAMPLE_GRID_CODE)).length);
    expect(overview?.residents?.edges[0]?.node.idNumber).toMatch(/^510\*+\d{2}[\dX]$/);
    expect(overview?.events?.totalCount).toBe(world.events.filter(under(EXAMPLE_GRID_CODE)).length);
    expect(overview?.activities?.totalCount).toBe(world.activities.filter(under(EXAMPLE_GRID_CODE)).length);
    expect(overview?.activities?.totalCount).toBeGreaterThan(0);
  });

  it("answers a resident's service card through the people subgraph's building reference", async () => {
    const person = world.people.find((row) => row.areaCode.startsWith(EXAMPLE_GRID_CODE))!;
    const leader = world.staff.find((row) => row.role === 'MICRO_GRID_LEADER' && row.areaCode === person.areaCode)!;
    const { data, errors } = await graphql(
      platform.gatewayUrl,
      gql(
        `query ServiceCardOfResident($id: ID!) { person(id: $id) { building { id serviceCard { microGrid { code } microGridLeader { person { name } } gridWorkers { role } } } } }`,
      ),
      { token: streetAdmin, variables: { id: person.id } },
    );
    expect(errors).toBeUndefined();
    const building = data?.person?.building;
    expect(building?.id).toBe(person.buildingId);
    expect(building?.serviceCard?.microGrid?.code).toBe(person.areaCode);
    expect(building?.serviceCard?.microGridLeader?.person?.name).toBe(
      world.people.find((row) => row.id === leader.personId)!.name,
    );
    expect(building?.serviceCard?.gridWorkers.map((row) => row.role)).toEqual(['GRID_WORKER']);
  });

  it('refuses the same query without a token, with no data', async () => {
    const response = await graphql(platform.gatewayUrl, GridOverviewDocument, {
      variables: { code: EXAMPLE_GRID_CODE },
    });
    expect(response.status).toBe(401);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token with a forged signature', async () => {
    const forged = streetAdmin.slice(0, streetAdmin.lastIndexOf('.') + 1) + 'forged';
    const response = await graphql(
      platform.gatewayUrl,
      gql(`query AreaName($code: ID!) { area(code: $code) { name } }`),
      { token: forged, variables: { code: '510116001' } },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data ?? null).toBeNull();
  });

  it('a token scoped to one community sees nothing of another', async () => {
    const token = await tokenFor('COMMUNITY_WORKER', ['510116001001']);
    const query = gql(`query WhatOneCommunitySees {
      other: gridByCode(code: "510116001002001") { name }
      people(first: 100) { totalCount edges { node { grid { code } } } }
      events(first: 100) { totalCount edges { node { grid { code } } } }
      activities(first: 100) { totalCount edges { node { grid { code } } } }
      grids(first: 100) { totalCount edges { node { code } } }
    }`);
    const { data, errors } = await graphql(platform.gatewayUrl, query, { token });
    expect(errors).toBeUndefined();
    expect(data?.other).toBeNull();
    const own = '510116001001';
    expect(data?.people.totalCount).toBe(world.people.filter(under(own)).length);
    expect(data?.events.totalCount).toBe(world.events.filter(under(own)).length);
    expect(data?.activities.totalCount).toBe(world.activities.filter(under(own)).length);
    for (const list of [data?.people, data?.events, data?.activities]) {
      for (const edge of list?.edges ?? []) expect(edge.node.grid?.code.startsWith(own)).toBe(true);
    }
    expect(data?.grids.edges.every((edge) => edge.node.code.startsWith(own))).toBe(true);
  });

  it('sends the same number of SQL statements to each subgraph for 5 grids as for 60', async () => {
    const token = await tokenFor('STREET_ADMIN', ['510115', '510116']);
    // Micro-grids: each has residents, staff and dispatched events, so every fetch of the
    // plan happens for 5 grids as for 60 (a plan step with no references is skipped).
    const query = gql(`query MicroGridsInDepth($first: Int!) { grids(type: MICRO, first: $first) { edges { node {
      code staff { role person { name } }
      residents(first: 2) { totalCount edges { node { name volunteer { confirmedHours } } } }
      events(first: 2) { totalCount edges { node { status assignee { role } } } }
      activities(first: 2) { totalCount edges { node { title } } }
    } } } }`);
    const measure = async (first: number) => {
      const before = platform.statements();
      const { data, errors } = await graphql(platform.gatewayUrl, query, { token, variables: { first } });
      expect(errors).toBeUndefined();
      expect(data?.grids.edges).toHaveLength(first);
      const after = platform.statements();
      return Object.fromEntries(Object.keys(after).map((name) => [name, (after[name] ?? 0) - (before[name] ?? 0)]));
    };
    const five = await measure(5);
    const sixty = await measure(60);
    expect(sixty).toEqual(five);
    for (const count of Object.values(five)) expect(count).toBeGreaterThan(0);
  });

  it('turns an invalid ID number into a user error and writes nothing', async () => {
    const grid = world.grids.find((row) => row.code === `${EXAMPLE_GRID_CODE}001`)!;
    const residents = gql(
      `query ResidentsOfGrid($areaCode: ID!) { people(filter: { areaCode: $areaCode }) { totalCount } }`,
    );
    const count = async () =>
      (await graphql(platform.gatewayUrl, residents, { token: streetAdmin, variables: { areaCode: grid.code } })).data
        ?.people.totalCount;
    const before = await count();
    const mutation = gql(
      `mutation RegisterWithBadIdNumber($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code field message } } }`,
    );
    const { data } = await graphql(platform.gatewayUrl, mutation, {
      token: streetAdmin,
      variables: { input: { name: '王小明', idNumber: '110105194912310021', gridId: grid.id } },
    });
    expect(data?.registerPerson.person).toBeNull();
    expect(data?.registerPerson.userErrors[0]).toMatchObject({
      code: 'INVALID_ID_NUMBER',
      field: ['input', 'idNumber'],
    });
    expect(await count()).toBe(before);
  });

  it("registers a resident in a grid it asks the graph about, with the caller's token", async () => {
    const grid = world.grids.find((row) => row.code === `${EXAMPLE_GRID_CODE}001`)!;
    const mutation = gql(
      `mutation RegisterResident($input: RegisterPersonInput!) { registerPerson(input: $input) { person { name gender birthYear grid { code name } } userErrors { code } } }`,
    );
    const { data } = await graphql(platform.gatewayUrl, mutation, {
      token: streetAdmin,
      variables: { input: { name: '王小明', idNumber: '11010519491231002X', gridId: grid.id, phone: '13812345678' } },
    });
    expect(data?.registerPerson.userErrors).toEqual([]);
    expect(data?.registerPerson.person).toEqual({
      name: '王小明',
      gender: 'FEMALE',
      birthYear: 1949,
      grid: { code: grid.code, name: grid.name },
    });
  });

  it('unmasks an ID number only with pii:read and a purpose declared in a header, and logs the read', async () => {
    const person = world.people.find((row) => row.areaCode.startsWith(EXAMPLE_GRID_CODE))!;
    const query = gql(`query IdNumberOf($id: ID!) { person(id: $id) { idNumber } }`);
    const variables = { id: person.id };
    const reader = await tokenFor('STREET_ADMIN', ['510116001'], { permissions: ['pii:read'], subject: 'e2e-auditor' });
    const withoutPurpose = await graphql(platform.gatewayUrl, query, { token: reader, variables });
    expect(withoutPurpose.data?.person?.idNumber).toMatch(/^510\*+/);
    const withPurpose = await graphql(platform.gatewayUrl, query, {
      token: reader,
      variables,
      headers: { 'x-access-purpose': 'POLICY_VERIFICATION' },
    });
    expect(withPurpose.data?.person?.idNumber).toBe(person.idNumber);
    const log = await graphql(
      platform.gatewayUrl,
      gql(
        `query RecentPiiReads { piiAccessLog(first: 10) { edges { node { viewer fields purpose person { id } } } } }`,
      ),
      { token: reader },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data?.piiAccessLog.edges.map((edge) => edge.node)).toContainEqual({
      viewer: 'e2e-auditor',
      fields: ['idNumber'],
      purpose: 'POLICY_VERIFICATION',
      person: { id: person.id },
    });
  });

  it('refuses queries past the depth, alias and cost limits and names the limit', async () => {
    let deep = 'code';
    for (let level = 0; level < 14; level += 1) deep = `parent { ${deep} }`;
    const depth = await graphql(platform.gatewayUrl, `{ gridByCode(code: "${EXAMPLE_GRID_CODE}") { ${deep} } }`, {
      token: streetAdmin,
    });
    expect(depth.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(depth.errors?.[0]?.message).toBe('查询层级过深（最多 12 层）');
    const aliases = Array.from({ length: 40 }, (_, index) => `a${index}: area(code: "510116001") { name }`).join(' ');
    const alias = await graphql(platform.gatewayUrl, `{ ${aliases} }`, { token: streetAdmin });
    expect(alias.errors?.[0]?.message).toBe('查询别名过多（最多 30 个）');
  });
});

describe('gateway hygiene', () => {
  it('hides SQL, stack traces and internal URLs when a subgraph fails', async () => {
    const { events, volunteers } = platform.subgraphs;
    await events.db.dataSource.query('DROP TABLE grid_event');
    const broken = await graphql(platform.gatewayUrl, gql(`query CountEvents { events(first: 1) { totalCount } }`), {
      token: streetAdmin,
    });
    await volunteers.close();
    const down = await graphql(
      platform.gatewayUrl,
      gql(`query CountActivities { activities(first: 1) { totalCount } }`),
      { token: streetAdmin },
    );
    for (const response of [broken, down]) {
      expect(response.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(response);
      expect(text).not.toMatch(/stacktrace|grid_event|SELECT|http:\/\/|127\.0\.0\.1|ECONNREFUSED|\.ts:\d+/i);
    }
    expect(broken.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    // A subgraph that is down is named, not hidden: the client learns which part is missing.
    expect(down.errors?.[0]).toMatchObject({
      path: ['activities'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'volunteers' },
    });
  });
});
