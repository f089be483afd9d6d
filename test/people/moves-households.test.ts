import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoGrid, DemoPerson } from '../../subgraphs/kit/src/demo/world.js';
import { Person } from '../../subgraphs/people/src/entities/person.js';
import { PersonTag } from '../../subgraphs/people/src/entities/person-tag.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { currentTagCodes, demo, gridOf, residentsUnder, SANYIQIAO, usePeople, world, ZIDONGGE } from './support.js';

const env = usePeople();
let streetAdmin: string;
let worker: string;

beforeAll(async () => {
  streetAdmin = await tokenFor('STREET_ADMIN', ['510116001'], { subject: 'street-admin' });
  worker = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO]);
});

const PERSON =
  'id status statusSince statusReason grid { id code } room household { id } tags { code } residenceHistory { kind movedOn fromGrid { id } toGrid { id code } leftFor reason }';
const MOVE = `mutation($input: MovePersonInput!) { movePerson(input: $input) { person { ${PERSON} } userErrors { code field message } } }`;
const STATUS = `mutation($input: SetPersonStatusInput!) { setPersonStatus(input: $input) { person { ${PERSON} } userErrors { code field message } } }`;
const move = (input: Record<string, unknown>, token = streetAdmin) =>
  graphql(env.url, MOVE, { token, variables: { input } });
const stored = (id: string) => env.services.people.db.dataSource.getRepository(Person).findOneByOrFail({ id });
let tagged: DemoPerson[];
/** People of the street's other communities: the moves above do not touch them. */
let others: DemoPerson[];
let taggedElsewhere: DemoPerson[];
beforeAll(() => {
  tagged = residentsUnder(SANYIQIAO).filter((person) => currentTagCodes(person.id).length > 0);
  others = residentsUnder('510116001').filter(
    (person) => !person.areaCode.startsWith(SANYIQIAO) && !person.areaCode.startsWith(ZIDONGGE),
  );
  taggedElsewhere = others.filter((person) => currentTagCodes(person.id).length > 0);
});

describe('moves', () => {
  let person: DemoPerson;
  let target: DemoGrid;
  beforeAll(() => {
    person = tagged[0]!;
    target = gridOf('MICRO', ZIDONGGE);
  });

  it('moves a resident to another community of the street: the grid, the area code and the tags follow, the household is left', async () => {
    const { data } = await move({
      personId: person.id,
      to: { gridId: target.id },
      movedOn: '2026-10-01',
      reason: '购房迁入',
    });
    expect(data?.movePerson.userErrors).toEqual([]);
    expect(data?.movePerson.person).toMatchObject({
      status: 'ACTIVE',
      grid: { id: target.id, code: target.code },
      household: null,
    });
    expect(data?.movePerson.person.residenceHistory.at(-1)).toEqual({
      kind: 'WITHIN_STREET',
      movedOn: '2026-10-01',
      fromGrid: { id: person.gridId },
      toGrid: { id: target.id, code: target.code },
      leftFor: null,
      reason: '购房迁入',
    });
    const tags = await env.services.people.db.dataSource.getRepository(PersonTag).findBy({ personId: person.id });
    expect(tags.filter((tag) => tag.until === null).every((tag) => tag.areaCode === target.code)).toBe(true);
    // The old community's worker no longer sees the resident; the new one's does.
    expect(
      (await graphql(env.url, `{ person(id: "${person.id}") { id } }`, { token: worker })).data?.person,
    ).toBeNull();
    const newWorker = await tokenFor('COMMUNITY_WORKER', [ZIDONGGE]);
    expect(
      (await graphql(env.url, `{ person(id: "${person.id}") { id } }`, { token: newWorker })).data?.person,
    ).toEqual({ id: person.id });
  });

  it('moves a resident out of the register: MOVED_OUT with date and reason, tags closed, the record kept', async () => {
    const { data } = await move({ personId: person.id, leftFor: '重庆市渝中区', movedOn: '2026-11-02' });
    expect(data?.movePerson.person).toMatchObject({
      status: 'MOVED_OUT',
      statusSince: '2026-11-02',
      statusReason: '迁往重庆市渝中区',
      tags: [],
    });
    expect(data?.movePerson.person.residenceHistory.at(-1)).toMatchObject({
      kind: 'OUT_OF_REGISTER',
      toGrid: null,
      leftFor: '重庆市渝中区',
    });
    expect(await stored(person.id)).toMatchObject({ status: 'MOVED_OUT', areaCode: target.code });
    const again = await move({ personId: person.id, leftFor: '成都市锦江区', movedOn: '2026-11-03' });
    expect(again.data?.movePerson.userErrors.map((error: { code: string }) => error.code)).toEqual(['NOT_MOVED']);
  });

  it('moves a resident back in: ACTIVE again, the whole history kept', async () => {
    const home = gridOf('MICRO', SANYIQIAO);
    const { data } = await move({
      personId: person.id,
      to: { gridId: home.id },
      movedOn: '2026-11-20',
      reason: '迁回',
    });
    expect(data?.movePerson.person).toMatchObject({
      status: 'ACTIVE',
      statusSince: '2026-11-20',
      grid: { id: home.id },
    });
    expect(data?.movePerson.person.residenceHistory.map((entry: { kind: string }) => entry.kind).slice(-3)).toEqual([
      'WITHIN_STREET',
      'OUT_OF_REGISTER',
      'INTO_REGISTER',
    ]);
  });

  it('serves the earlier moves of the demo data', async () => {
    const earlier = demo().moves[0]!;
    const admin = await tokenFor('STREET_ADMIN', ['510115', '510116']);
    const { data } = await graphql(
      env.url,
      `{ person(id: "${earlier.personId}") { residenceHistory { kind movedOn fromGrid { id } toGrid { id } reason } } }`,
      { token: admin },
    );
    expect(data?.person.residenceHistory[0]).toEqual({
      kind: 'WITHIN_STREET',
      movedOn: earlier.movedOn,
      fromGrid: { id: earlier.fromGridId },
      toGrid: { id: earlier.toGridId },
      reason: earlier.reason,
    });
  });

  it.each([
    ['no destination', () => ({ movedOn: '2026-11-01' }), ['INVALID_DESTINATION']],
    [
      'both a grid and a destination outside',
      () => ({ to: { gridId: gridOf('MICRO', SANYIQIAO).id }, leftFor: '重庆', movedOn: '2026-11-01' }),
      ['INVALID_DESTINATION'],
    ],
    [
      'the place the person lives',
      () => ({
        to: { gridId: tagged[1]!.gridId, buildingId: tagged[1]!.buildingId, room: tagged[1]!.room },
        movedOn: '2026-11-01',
      }),
      ['NOT_MOVED'],
    ],
    [
      'a community total grid',
      () => ({ to: { gridId: gridOf('COMMUNITY_TOTAL', SANYIQIAO).id }, movedOn: '2026-11-01' }),
      ['GRID_NOT_RESIDENTIAL'],
    ],
    [
      'a grid outside the mover’s scope',
      () => ({
        to: { gridId: world().grids.find((grid) => grid.type === 'MICRO' && grid.code.startsWith('510115'))!.id },
        movedOn: '2026-11-01',
      }),
      ['GRID_NOT_FOUND'],
    ],
    ['a date in the future', () => ({ to: { gridId: target.id }, movedOn: '2999-01-01' }), ['INVALID_DATE']],
  ])('refuses %s and changes nothing', async (_, input, codes) => {
    const subject = tagged[1]!;
    const before = await stored(subject.id);
    const { data } = await move({ personId: subject.id, ...input() });
    expect(data?.movePerson.userErrors.map((error: { code: string }) => error.code)).toEqual(codes);
    expect(await stored(subject.id)).toEqual(before);
  });
});

describe('status', () => {
  let person: DemoPerson;
  beforeAll(() => {
    person = taggedElsewhere[0]!;
  });

  it('records a death with date and reason: the record stays, tags close, statistics leave the person out', async () => {
    const { data } = await graphql(env.url, STATUS, {
      token: streetAdmin,
      variables: { input: { personId: person.id, status: 'DECEASED', since: '2026-11-10', reason: '病故' } },
    });
    expect(data?.setPersonStatus.userErrors).toEqual([]);
    expect(data?.setPersonStatus.person).toMatchObject({
      status: 'DECEASED',
      statusSince: '2026-11-10',
      statusReason: '病故',
      tags: [],
    });
    expect(await stored(person.id)).toMatchObject({ status: 'DECEASED' });
    const people = await graphql(
      env.url,
      `{ people(filter: { areaCode: "${person.areaCode}", status: DECEASED }) { edges { node { id } } } }`,
      { token: streetAdmin },
    );
    expect(people.data?.people.edges).toEqual([{ node: { id: person.id } }]);
    const moved = await move({
      personId: person.id,
      to: { gridId: gridOf('MICRO', ZIDONGGE).id },
      movedOn: '2026-11-11',
    });
    expect(moved.data?.movePerson.userErrors.map((error: { code: string }) => error.code)).toEqual(['PERSON_DECEASED']);
  });

  it('refuses a move out through a status change, and a change without a reason', async () => {
    const other = taggedElsewhere[1]!;
    const viaStatus = await graphql(env.url, STATUS, {
      token: streetAdmin,
      variables: { input: { personId: other.id, status: 'MOVED_OUT', since: '2026-11-10', reason: '迁出' } },
    });
    expect(viaStatus.data?.setPersonStatus.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'USE_MOVE_PERSON',
    ]);
    const noReason = await graphql(env.url, STATUS, {
      token: streetAdmin,
      variables: { input: { personId: other.id, status: 'DECEASED', since: '2026-11-10', reason: '' } },
    });
    expect(noReason.data?.setPersonStatus.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'REASON_REQUIRED',
    ]);
    expect(await stored(other.id)).toMatchObject({ status: 'ACTIVE' });
  });

  it('offers no way to delete a person', async () => {
    const { data } = await graphql(env.url, '{ __type(name: "Mutation") { fields { name } } }', { token: streetAdmin });
    expect(
      data?.__type.fields
        .map((field: { name: string }) => field.name)
        .filter((name: string) => /delete|remove/i.test(name)),
    ).toEqual([]);
  });
});

describe('households', () => {
  const HOUSEHOLD = 'household { id address members { relation person { id } } }';
  // The biggest grid of the street's other communities, and someone living elsewhere.
  let members: DemoPerson[];
  let farAway: DemoPerson;
  beforeAll(() => {
    const candidates = others.filter((person) => !taggedElsewhere.slice(0, 2).includes(person));
    const gridIds = [...new Set(candidates.map((person) => person.gridId))];
    const biggest = gridIds
      .map((gridId) => candidates.filter((person) => person.gridId === gridId))
      .sort((a, b) => b.length - a.length)[0]!;
    members = biggest.slice(0, 3);
    farAway = others.find((person) => person.gridId !== members[0]!.gridId)!;
  });

  it('opens a household for a head and lets others join with their relation, one household at a time', async () => {
    const [head, spouse] = members;
    const created = await graphql(
      env.url,
      `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { ${HOUSEHOLD} userErrors { code } } }`,
      { token: streetAdmin, variables: { input: { headPersonId: head!.id, address: '1栋1单元101' } } },
    );
    const household = created.data?.createHousehold.household;
    expect(household).toMatchObject({
      address: '1栋1单元101',
      members: [{ relation: '户主', person: { id: head!.id } }],
    });
    const joined = await graphql(
      env.url,
      'mutation($input: JoinHouseholdInput!) { joinHousehold(input: $input) { person { household { id members { relation person { id } } } } userErrors { code } } }',
      {
        token: streetAdmin,
        variables: { input: { personId: spouse!.id, householdId: household.id, relation: '配偶' } },
      },
    );
    expect(joined.data?.joinHousehold.person.household).toEqual({
      id: household.id,
      members: [
        { relation: '户主', person: { id: head!.id } },
        { relation: '配偶', person: { id: spouse!.id } },
      ],
    });
    // The spouse left the household they were in.
    const old = world().people.find((person) => person.id === spouse!.id)!.householdId;
    const previous = await graphql(env.url, `{ household(id: "${old}") { members { person { id } } } }`, {
      token: streetAdmin,
    });
    expect(
      previous.data?.household.members.map((member: { person: { id: string } }) => member.person.id),
    ).not.toContain(spouse!.id);
  });

  it('refuses a second head, an unknown relation and a household elsewhere, and lets a member leave', async () => {
    const [head, spouse, third] = members;
    const householdId = (await stored(head!.id)).householdId;
    const join = (input: Record<string, unknown>) =>
      graphql(
        env.url,
        'mutation($input: JoinHouseholdInput!) { joinHousehold(input: $input) { person { id } userErrors { code } } }',
        { token: streetAdmin, variables: { input } },
      );
    expect((await join({ personId: third!.id, householdId, relation: '户主' })).data?.joinHousehold.userErrors).toEqual(
      [{ code: 'HOUSEHOLD_HAS_HEAD' }],
    );
    expect((await join({ personId: third!.id, householdId, relation: '朋友' })).data?.joinHousehold.userErrors).toEqual(
      [{ code: 'INVALID_RELATION' }],
    );
    expect(
      (await join({ personId: farAway.id, householdId, relation: '子女' })).data?.joinHousehold.userErrors,
    ).toEqual([{ code: 'HOUSEHOLD_NOT_AT_RESIDENCE' }]);
    const left = await graphql(
      env.url,
      'mutation($id: ID!) { leaveHousehold(input: { personId: $id }) { person { household { id } } userErrors { code } } }',
      { token: streetAdmin, variables: { id: spouse!.id } },
    );
    expect(left.data?.leaveHousehold).toEqual({ person: { household: null }, userErrors: [] });
    const again = await graphql(
      env.url,
      'mutation($id: ID!) { leaveHousehold(input: { personId: $id }) { userErrors { code } } }',
      { token: streetAdmin, variables: { id: spouse!.id } },
    );
    expect(again.data?.leaveHousehold.userErrors).toEqual([{ code: 'NOT_IN_HOUSEHOLD' }]);
  });
});
