import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCommunityLife } from '../../subgraphs/grids/src/demo/extras.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import { peopleSubgraph } from '../../subgraphs/people/src/module.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startTestSubgraph, TEST_SEED, type TestSubgraph } from '../support/subgraph.js';
import { demoWorld } from '../support/world.js';
import { expectRefused as refusedBy, mutation } from './support.js';

/**
 * Branches check their people through the graph. Here the graph is the people subgraph
 * itself, which answers `person(id) { tags { code } grid { code } }` on its own, with the
 * caller's token: so its scope rules apply to the check, as they do behind the gateway.
 */
const RESIDENTS = 1500;
const STREET = '510116001';
const communityOf = (code: string) => code.slice(0, 12);
const world = () => demoWorld({ seed: TEST_SEED, residents: RESIDENTS });

// Read from the demo world in beforeAll: the street's community with the most party
// members and no demo branch, another one, their grids and people.
/** Party members of a community who are in no demo branch. */
let freeParty: (community: string) => { id: string }[];
let COMMUNITY: string;
let OTHER: string;
let general: { id: string; code: string };
let micro: { id: string; code: string };
let otherGeneral: { id: string; code: string };
let p1: string, p2: string, p3: string, p4: string;
let plain: string;
let outsider: string;

function pickFromWorld() {
  const world = demoWorld({ seed: TEST_SEED, residents: RESIDENTS });
  const life = generateCommunityLife(world, TEST_SEED);
  const partyMembers = new Set(world.tags.filter((tag) => tag.code === 'PARTY_MEMBER').map((tag) => tag.personId));
  const demoMembers = new Set(life.branchMembers.map((member) => member.personId));
  freeParty = (community) =>
    world.people.filter(
      (person) =>
        partyMembers.has(person.id) && !demoMembers.has(person.id) && communityOf(person.areaCode) === community,
    );
  const branchCommunities = new Set(life.branches.map((branch) => branch.communityCode));
  [COMMUNITY, OTHER] = world.areas
    .filter((area) => area.level === 'COMMUNITY' && area.code.startsWith(STREET) && !branchCommunities.has(area.code))
    .map((area) => area.code)
    .sort((a, b) => freeParty(b).length - freeParty(a).length || a.localeCompare(b)) as [string, string];
  general = world.grids.find((grid) => grid.type === 'GENERAL' && grid.communityCode === COMMUNITY)!;
  micro = world.grids.find((grid) => grid.parentId === general.id)!;
  otherGeneral = world.grids.find((grid) => grid.type === 'GENERAL' && grid.communityCode === OTHER)!;
  [p1, p2, p3, p4] = freeParty(COMMUNITY).map((person) => person.id) as [string, string, string, string];
  plain = world.people.find((person) => communityOf(person.areaCode) === COMMUNITY && !partyMembers.has(person.id))!.id;
  outsider = freeParty(OTHER)[0]!.id;
}

let people: TestSubgraph;
let grids: TestSubgraph;
let streetAdmin: string;
let communityWorker: string;
let secondGeneral: { id: string; code: string };

beforeAll(async () => {
  pickFromWorld();
  people = await startTestSubgraph(peopleSubgraph, { residents: RESIDENTS });
  grids = await startTestSubgraph(gridsSubgraph, { residents: RESIDENTS, graphUrl: people.url });
  streetAdmin = await tokenFor('STREET_ADMIN', [STREET]);
  communityWorker = await tokenFor('COMMUNITY_WORKER', [COMMUNITY]);
  const made = await mutation(
    grids,
    streetAdmin,
    'createGrid',
    'CreateGridInput',
    { type: 'GENERAL', code: `${COMMUNITY}002`, name: '新设第2网格' },
    'grid { id code }',
  );
  secondGeneral = made.grid;
});
afterAll(async () => {
  await grids?.stop();
  await people?.stop();
});

const BRANCH = `partyBranch { id name community { code } grids { code } secretary { id } members { id } memberCount
  memberships(includeEnded: true) { person { id } joinedAt leftAt secretary } }`;
const create = (input: Record<string, unknown>, token = communityWorker) =>
  mutation(grids, token, 'createPartyBranch', 'CreatePartyBranchInput', input, BRANCH);
const update = (input: Record<string, unknown>, token = communityWorker) =>
  mutation(grids, token, 'updatePartyBranch', 'UpdatePartyBranchInput', input, BRANCH);
const setMembers = (input: Record<string, unknown>, token = communityWorker) =>
  mutation(grids, token, 'setPartyBranchMembers', 'SetPartyBranchMembersInput', input, BRANCH);
const expectRefused = (run: Parameters<typeof refusedBy>[1], expected: string[], key = 'partyBranch') =>
  refusedBy(grids, run, expected, key);
const ask = (query: string, variables: Record<string, unknown> = {}, token = streetAdmin) =>
  graphql(grids.url, query, { token, variables });
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
/** The secretary first, then the others (in these tests they join within a second or so: compared as a set). */
const expectMembers = (members: { id: string }[], secretary: string | null, others: string[]) => {
  const found = ids(members);
  if (secretary) expect(found[0]).toBe(secretary);
  expect(found.filter((id) => id !== secretary).sort()).toEqual([...others].sort());
};

/**
 * A setup made once per file, whose result every caller shares. Tests that need a branch
 * in some state call the stage that makes it, so each passes alone (`-t`) as well as
 * after the tests before it, which call the same stages first.
 */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** The branch as set up: on the general grid, p1 its secretary, p2 and p3 members. */
const branchCreated = once(() =>
  create({ name: '第一网格党支部', gridIds: [general.id], secretaryId: p1, memberIds: [p2, p3] }),
);
const branchIdOf = async (): Promise<string> => (await branchCreated()).partyBranch.id;
/** Then its members replaced by p1, p2 and p4: p3 leaves. */
const membersReplaced = once(async () => setMembers({ branchId: await branchIdOf(), memberIds: [p1, p2, p4] }));
/** Then renamed, over a second grid, with p2 as its secretary. */
const branchChanged = once(async () => {
  await membersReplaced();
  return update({
    id: await branchIdOf(),
    name: '第一联合网格党支部',
    gridIds: [general.id, secondGeneral.id],
    secretaryId: p2,
  });
});

describe('the test community', () => {
  it('has five party members outside any demo branch, a resident who is not one, and a party member elsewhere', () => {
    expect(freeParty(COMMUNITY).length).toBeGreaterThanOrEqual(5);
    expect([p1, p2, p3, p4].every(Boolean)).toBe(true);
    expect(plain).toBeDefined();
    expect(outsider).toBeDefined();
  });
});

describe('setting up a branch', () => {
  it('builds a branch on a general grid with its secretary and party members, checked through the graph', async () => {
    const { partyBranch, userErrors } = await branchCreated();
    expect(userErrors).toEqual([]);
    expect(partyBranch).toMatchObject({
      name: '第一网格党支部',
      community: { code: COMMUNITY },
      grids: [{ code: general.code }],
      secretary: { id: p1 },
      memberCount: 3,
    });
    expectMembers(partyBranch.members, p1, [p2, p3]);
    const memberships: { person: { id: string }; secretary: boolean; joinedAt: string }[] = partyBranch.memberships;
    expect(memberships.filter((m) => m.secretary).map((m) => m.person.id)).toEqual([p1]);
    expect(new Set(memberships.map((m) => m.joinedAt)).size).toBe(1);
    expect(memberships.map((m) => m.person.id)).toEqual([p1, p2, p3].sort());
  });

  it('shows the branch on its general grid, on the micro-grids inside it and on its members', async () => {
    const branchId = await branchIdOf();
    const { data } = await ask(
      `query($r: [_Any!]!) { general: gridByCode(code: "${general.code}") { partyBranch { id } }
      micro: gridByCode(code: "${micro.code}") { partyBranch { id } }
      total: gridByCode(code: "${COMMUNITY}000") { partyBranch { id } }
      _entities(representations: $r) { ... on Person { id partyBranch { id name } } } }`,
      { r: [p2, p4].map((id) => ({ __typename: 'Person', id })) },
    );
    expect(data?.general.partyBranch).toEqual({ id: branchId });
    expect(data?.micro.partyBranch).toEqual({ id: branchId });
    expect(data?.total.partyBranch).toBeNull();
    expect(data?._entities).toEqual([
      { id: p2, partyBranch: { id: branchId, name: '第一网格党支部' } },
      { id: p4, partyBranch: null },
    ]);
  });

  it('lets a resident of the grid read it, but not change it', async () => {
    await branchCreated();
    const resident = await tokenFor('RESIDENT', [micro.code]);
    expect(
      (await ask(`{ gridByCode(code: "${micro.code}") { partyBranch { name secretary { id } } } }`, {}, resident)).data
        ?.gridByCode.partyBranch,
    ).toEqual({ name: '第一网格党支部', secretary: { id: p1 } });
    const response = await graphql(
      grids.url,
      'mutation($input: CreatePartyBranchInput!) { createPartyBranch(input: $input) { partyBranch { id } } }',
      { token: resident, variables: { input: { name: '无权', gridIds: [secondGeneral.id] } } },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a secretary who is not a party member, naming the field', async () => {
    const { userErrors } = await create({ name: '第二网格党支部', gridIds: [secondGeneral.id], secretaryId: plain });
    expect(userErrors).toEqual([
      {
        code: 'NOT_A_PARTY_MEMBER',
        field: ['input', 'secretaryId'],
        message: '此人未登记为党员（人口信息中无“党员”标签）',
      },
    ]);
  });

  it('refuses a member who is not a party member, naming their position', async () => {
    const { userErrors } = await create({
      name: '第二网格党支部',
      gridIds: [secondGeneral.id],
      memberIds: [p4, plain],
    });
    expect(userErrors.map((e: { code: string; field: string[] | null }) => [e.code, e.field])).toEqual([
      ['NOT_A_PARTY_MEMBER', ['input', 'memberIds', '1']],
    ]);
  });

  it("refuses a secretary who lives outside the branch's grids", () =>
    expectRefused(
      () => create({ name: '第二网格党支部', gridIds: [secondGeneral.id], secretaryId: p4 }),
      ['SECRETARY_OUTSIDE_GRIDS'],
    ));

  it('refuses a grid of another community', async () => {
    const { userErrors } = await create(
      { name: '跨社区支部', gridIds: [secondGeneral.id, otherGeneral.id] },
      streetAdmin,
    );
    expect(userErrors.map((e: { code: string; field: string[] | null }) => [e.code, e.field])).toEqual([
      ['GRID_OF_ANOTHER_COMMUNITY', ['input', 'gridIds', '1']],
    ]);
  });

  it('refuses a member living in another community', () =>
    expectRefused(
      () => create({ name: '第二网格党支部', gridIds: [secondGeneral.id], memberIds: [outsider] }, streetAdmin),
      ['MEMBER_OUTSIDE_COMMUNITY'],
    ));

  it('does not show a community worker people of another community: they read as not found', () =>
    expectRefused(
      () => create({ name: '第二网格党支部', gridIds: [secondGeneral.id], memberIds: [outsider] }),
      ['PERSON_NOT_FOUND'],
    ));

  it('refuses a grid that has a branch, a micro-grid, and a member of another branch', async () => {
    await branchCreated();
    await expectRefused(() => create({ name: '重复支部', gridIds: [general.id] }), ['GRID_HAS_BRANCH']);
    await expectRefused(() => create({ name: '微网格支部', gridIds: [micro.id] }), ['NOT_A_GENERAL_GRID']);
    await expectRefused(
      () => create({ name: '第二网格党支部', gridIds: [secondGeneral.id], memberIds: [p2] }),
      ['MEMBER_OF_ANOTHER_BRANCH'],
    );
  });

  it('refuses no grids, a blank name, a taken name and an unknown person', async () => {
    await branchCreated();
    await expectRefused(() => create({ name: ' ', gridIds: [] }), ['INVALID_NAME', 'GRIDS_REQUIRED']);
    await expectRefused(
      () => create({ name: '第一网格党支部', gridIds: [secondGeneral.id] }),
      ['DUPLICATE_BRANCH_NAME'],
    );
    await expectRefused(
      () => create({ name: '第二网格党支部', gridIds: [secondGeneral.id], secretaryId: 'no-such-person' }),
      ['PERSON_NOT_FOUND'],
    );
  });

  it("does not let a community worker build a branch on another community's grid", async () => {
    const token = await tokenFor('COMMUNITY_WORKER', [OTHER]);
    await expectRefused(() => create({ name: '越权支部', gridIds: [general.id] }, token), ['GRID_NOT_FOUND']);
  });
});

describe('members', () => {
  it('replaces the members: those left out leave and stay in the history, new ones join', async () => {
    const { partyBranch, userErrors } = await membersReplaced();
    const branchId = await branchIdOf();
    expect(userErrors).toEqual([]);
    expectMembers(partyBranch.members, p1, [p2, p4]);
    const left = partyBranch.memberships.find((m: { person: { id: string } }) => m.person.id === p3);
    expect(left.leftAt).not.toBeNull();
    const { data } = await ask(
      'query($id: ID!) { partyBranch(id: $id) { memberCount memberships { person { id } } } }',
      { id: branchId },
    );
    expect(data?.partyBranch.memberCount).toBe(3);
    expect(data?.partyBranch.memberships.map((m: { person: { id: string } }) => m.person.id).sort()).toEqual(
      [p1, p2, p4].sort(),
    );
  });

  it('keeps the secretary among the members', async () => {
    await membersReplaced();
    const branchId = await branchIdOf();
    await expectRefused(() => setMembers({ branchId, memberIds: [p2, p4] }), ['SECRETARY_NOT_IN_MEMBERS']);
  });

  it('refuses a new member who is not a party member, and an unknown branch', async () => {
    await membersReplaced();
    const branchId = await branchIdOf();
    await expectRefused(() => setMembers({ branchId, memberIds: [p1, p2, p4, plain] }), ['NOT_A_PARTY_MEMBER']);
    await expectRefused(() => setMembers({ branchId: 'no-such-branch', memberIds: [] }), ['BRANCH_NOT_FOUND']);
  });
});

describe('changing a branch', () => {
  it('renames it, takes a second grid and a new secretary from its members', async () => {
    const { partyBranch, userErrors } = await branchChanged();
    const branchId = await branchIdOf();
    expect(userErrors).toEqual([]);
    expect(partyBranch).toMatchObject({
      name: '第一联合网格党支部',
      grids: [{ code: general.code }, { code: secondGeneral.code }],
      secretary: { id: p2 },
    });
    expectMembers(partyBranch.members, p2, [p1, p4]);
    expect(
      (await ask(`{ gridByCode(code: "${secondGeneral.code}") { partyBranch { id } } }`)).data?.gridByCode.partyBranch,
    ).toEqual({ id: branchId });
  });

  it('makes a new secretary a member, and leaves the post vacant with null', async () => {
    await branchChanged();
    const branchId = await branchIdOf();
    const { partyBranch } = await update({ id: branchId, secretaryId: p3 });
    expect(partyBranch.secretary).toEqual({ id: p3 });
    expectMembers(partyBranch.members, p3, [p1, p2, p4]);
    const vacant = await update({ id: branchId, secretaryId: null });
    expect(vacant.partyBranch.secretary).toBeNull();
    expect(ids(vacant.partyBranch.members)).toContain(p3);
  });

  it('refuses grids that would leave the secretary outside, and a grid of another community', async () => {
    await branchChanged();
    const branchId = await branchIdOf();
    await update({ id: branchId, secretaryId: p2 });
    await expectRefused(() => update({ id: branchId, gridIds: [secondGeneral.id] }), ['SECRETARY_OUTSIDE_GRIDS']);
    await expectRefused(
      () => update({ id: branchId, gridIds: [general.id, otherGeneral.id] }, streetAdmin),
      ['GRID_OF_ANOTHER_COMMUNITY'],
    );
    await expectRefused(() => update({ id: branchId, secretaryId: plain }), ['NOT_A_PARTY_MEMBER']);
  });

  it('hides the branch from a community worker of another community', async () => {
    const branchId = await branchIdOf();
    const token = await tokenFor('COMMUNITY_WORKER', [OTHER]);
    expect(
      (await ask('query($id: ID!) { partyBranch(id: $id) { id } }', { id: branchId }, token)).data?.partyBranch,
    ).toBeNull();
    await expectRefused(() => update({ id: branchId, name: '越权' }, token), ['BRANCH_NOT_FOUND']);
  });
});

describe('racing writes', () => {
  it('lets one of two branches racing for the same grid through', async () => {
    const made = await mutation(
      grids,
      streetAdmin,
      'createGrid',
      'CreateGridInput',
      { type: 'GENERAL', code: `${COMMUNITY}003`, name: '新设第3网格' },
      'grid { id }',
    );
    const results = await Promise.all([
      create({ name: '抢先支部甲', gridIds: [made.grid.id] }),
      create({ name: '抢先支部乙', gridIds: [made.grid.id] }),
    ]);
    expect(results.map((result) => result.userErrors.map((e: { code: string }) => e.code)).sort()).toEqual([
      [],
      ['GRID_HAS_BRANCH'],
    ]);
  });

  it('lets a party member join only one of two branches created at once (the unique index holds on MySQL)', async () => {
    const p5 = freeParty(COMMUNITY)[4]!.id;
    const grids4 = await mutation(
      grids,
      streetAdmin,
      'createGrid',
      'CreateGridInput',
      { type: 'GENERAL', code: `${COMMUNITY}004`, name: '新设第4网格' },
      'grid { id }',
    );
    const grids5 = await mutation(
      grids,
      streetAdmin,
      'createGrid',
      'CreateGridInput',
      { type: 'GENERAL', code: `${COMMUNITY}005`, name: '新设第5网格' },
      'grid { id }',
    );
    const results = await Promise.all([
      create({ name: '第四网格党支部', gridIds: [grids4.grid.id], memberIds: [p5] }),
      create({ name: '第五网格党支部', gridIds: [grids5.grid.id], memberIds: [p5] }),
    ]);
    expect(results.map((result) => result.userErrors.map((e: { code: string }) => e.code)).sort()).toEqual([
      [],
      ['MEMBER_OF_ANOTHER_BRANCH'],
    ]);
    const { data } = await ask(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { partyBranch { id } } } }',
      { r: [{ __typename: 'Person', id: p5 }] },
    );
    expect(data?._entities[0].partyBranch.id).toBe(
      results.find((result) => result.userErrors.length === 0)?.partyBranch.id,
    );
  });
});

describe('service brands and demonstration points', () => {
  const BRAND = 'serviceBrand { id name kind description community { code } grids { code } }';
  const createBrand = (input: Record<string, unknown>, token = communityWorker) =>
    mutation(grids, token, 'createServiceBrand', 'CreateServiceBrandInput', input, BRAND);
  const attach = (input: Record<string, unknown>, token = communityWorker) =>
    mutation(grids, token, 'attachServiceBrandGrids', 'ServiceBrandGridsInput', input, BRAND);
  const detach = (input: Record<string, unknown>, token = communityWorker) =>
    mutation(grids, token, 'detachServiceBrandGrids', 'ServiceBrandGridsInput', input, BRAND);
  const refused = (run: Parameters<typeof refusedBy>[1], expected: string[]) =>
    refusedBy(grids, run, expected, 'serviceBrand');
  /** A demonstration point of the test community, on its general grid. */
  const demoPoint = once(() =>
    createBrand({
      communityCode: COMMUNITY,
      name: '示范点',
      kind: 'DEMONSTRATION_POINT',
      description: '党建引领“微网实格”示范点',
      gridIds: [general.id],
    }),
  );
  const brandIdOf = async (): Promise<string> => (await demoPoint()).serviceBrand.id;
  /** Then renamed, as a service brand without a description. */
  const brandRenamed = once(async () =>
    mutation(
      grids,
      communityWorker,
      'updateServiceBrand',
      'UpdateServiceBrandInput',
      { id: await brandIdOf(), name: '红色网格示范点', kind: 'SERVICE_BRAND', description: '' },
      BRAND,
    ),
  );

  it('serves the three real brands of 东升街道 on the street and on the grids they cover', async () => {
    const sanyiqiao = world().grids.find((grid) => grid.code === '510116001001001001')!;
    const zidongge = world().grids.find((grid) => grid.type === 'MICRO' && grid.communityCode === '510116001002')!;
    const { data } =
      await ask(`{ area(code: "${STREET}") { serviceBrands(kind: SERVICE_BRAND) { name community { name } } }
      sanyiqiao: gridByCode(code: "${sanyiqiao.code}") { serviceBrands { name kind } }
      zidongge: gridByCode(code: "${zidongge.code}") { serviceBrands { name description } } }`);
    expect(data?.area.serviceBrands).toEqual([
      { name: '578解忧小格', community: { name: '三义桥社区' } },
      { name: '蒲公英', community: { name: '紫东阁社区' } },
      { name: '勤格格', community: { name: '双桂社区' } },
    ]);
    expect(data?.sanyiqiao.serviceBrands).toEqual([
      { name: '578解忧小格', kind: 'SERVICE_BRAND' },
      { name: '三义桥社区党建引领“微网实格”示范点', kind: 'DEMONSTRATION_POINT' },
    ]);
    expect(data?.zidongge.serviceBrands).toEqual([{ name: '蒲公英', description: '“蒲公英”五心微网格员' }]);
  });

  it('registers a demonstration point with its grid, attaches a micro-grid and detaches it again', async () => {
    const made = await demoPoint();
    expect(made.userErrors).toEqual([]);
    const brandId = made.serviceBrand.id;
    expect(made.serviceBrand).toMatchObject({
      kind: 'DEMONSTRATION_POINT',
      community: { code: COMMUNITY },
      grids: [{ code: general.code }],
    });
    const attached = await attach({ brandId, gridIds: [micro.id] });
    expect(attached.serviceBrand.grids).toEqual([{ code: general.code }, { code: micro.code }]);
    const { data } = await ask(
      `{ area(code: "${COMMUNITY}") { serviceBrands { id } } micro: gridByCode(code: "${micro.code}") { serviceBrands { id } } }`,
    );
    expect(data?.area.serviceBrands).toEqual([{ id: brandId }]);
    expect(data?.micro.serviceBrands).toEqual([{ id: brandId }]);
    expect((await detach({ brandId, gridIds: [micro.id] })).serviceBrand.grids).toEqual([{ code: general.code }]);
  });

  it('renames a brand and changes its kind', async () => {
    const { serviceBrand, userErrors } = await brandRenamed();
    expect(userErrors).toEqual([]);
    expect(serviceBrand).toMatchObject({ name: '红色网格示范点', kind: 'SERVICE_BRAND', description: null });
  });

  it('refuses a grid of another community, one attached already and one not attached', async () => {
    const brandId = await brandIdOf();
    await refused(() => attach({ brandId, gridIds: [otherGeneral.id] }, streetAdmin), ['GRID_OF_ANOTHER_COMMUNITY']);
    await refused(() => attach({ brandId, gridIds: [general.id] }), ['ALREADY_ATTACHED']);
    await refused(() => detach({ brandId, gridIds: [micro.id] }), ['NOT_ATTACHED']);
    await refused(() => attach({ brandId, gridIds: [] }), ['GRIDS_REQUIRED']);
  });

  it('refuses a brand outside the scope, in an unknown community, with a taken name or too long a description', async () => {
    await brandRenamed();
    await refused(
      () => createBrand({ communityCode: OTHER, name: '越权品牌', kind: 'SERVICE_BRAND' }),
      ['OUT_OF_SCOPE'],
    );
    await refused(
      () => createBrand({ communityCode: '510116001099', name: '无社区', kind: 'SERVICE_BRAND' }, streetAdmin),
      ['COMMUNITY_NOT_FOUND'],
    );
    await refused(
      () => createBrand({ communityCode: COMMUNITY, name: '红色网格示范点', kind: 'SERVICE_BRAND' }),
      ['DUPLICATE_BRAND_NAME'],
    );
    await refused(
      () =>
        createBrand({ communityCode: COMMUNITY, name: '长简介', kind: 'SERVICE_BRAND', description: '很'.repeat(501) }),
      ['INVALID_DESCRIPTION'],
    );
    await refused(
      () =>
        createBrand({
          communityCode: COMMUNITY,
          name: '带外社区网格',
          kind: 'SERVICE_BRAND',
          gridIds: [otherGeneral.id],
        }),
      ['GRID_NOT_FOUND'],
    );
  });
});

describe('statements', () => {
  const SELECTIONS = {
    stations: 'serviceStations { id name grid { code } }',
    branches: 'partyBranch { name community { name } grids { code } secretary { id } members { id } memberCount }',
    brands: 'serviceBrands { name community { name } grids { code } }',
  };
  const count = async (selection: string, first: number) => {
    const before = grids.db.statements.count;
    const response = await ask(
      `query($first: Int!) { grids(areaCode: "${STREET}", first: $first) { edges { node { ${selection} } } } }`,
      { first },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.grids.edges).toHaveLength(first);
    return grids.db.statements.count - before;
  };

  it('reads stations, branches and brands of 5 grids with as many statements as of 50', async () => {
    // The first five grids of the street are 三义桥's: give them a station too, so both pages
    // ask every loader (a branch and brands are in the demo data).
    const sanyiqiao = world().grids.find((grid) => grid.code === '510116001001001001')!;
    const [[west, south], , [east, north]] = world().boundaries.find((b) => b.gridId === sanyiqiao.id)!.polygon
      .coordinates[0] as [[number, number], unknown, [number, number]];
    const station = await mutation(
      grids,
      streetAdmin,
      'createServiceStation',
      'CreateServiceStationInput',
      {
        gridId: sanyiqiao.id,
        name: '计数用站点',
        kind: 'OTHER',
        operator: '三义桥社区',
        services: ['REST'],
        audiences: ['COURIER'],
        openingHours: { alwaysOpen: true },
        location: { lng: (west + east) / 2, lat: (south + north) / 2 },
      },
      'station { id }',
    );
    expect(station.userErrors).toEqual([]);
    // Each list alone: the page, then one statement per loader and level.
    // Stations: stations under the grids' codes, their grids.
    expect([await count(SELECTIONS.stations, 5), await count(SELECTIONS.stations, 50)]).toEqual([3, 3]);
    // Branches: links by grid code, branches, then communities, branch grids and memberships, then the grids.
    expect([await count(SELECTIONS.branches, 5), await count(SELECTIONS.branches, 50)]).toEqual([7, 7]);
    // Brands: links by grid code, brands, then communities and brand grids, then the grids.
    expect([await count(SELECTIONS.brands, 5), await count(SELECTIONS.brands, 50)]).toEqual([6, 6]);
    // All three at once share the page and the grid and area loaders. Whether the grids of
    // branches and of brands come in one batch or two depends on when the database answers
    // (MySQL answers each on its own tick), so the total is bounded, not exact.
    const all = Object.values(SELECTIONS).join(' ');
    for (const first of [5, 50]) {
      const total = await count(all, first);
      expect(total).toBeGreaterThanOrEqual(11);
      expect(total).toBeLessThanOrEqual(14);
    }
  });

  it('reads the branches and brands of an area in a fixed number of statements', async () => {
    const before = grids.db.statements.count;
    const response = await ask(
      `{ area(code: "${STREET}") { serviceBrands { name grids { code partyBranch { name members { id } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.area.serviceBrands.length).toBeGreaterThan(3);
    // The area, its brands, their grid links, the grids, the branch links, the branches, their members.
    expect(grids.db.statements.count - before).toBe(7);
  });
});
