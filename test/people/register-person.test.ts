import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoBuilding, DemoGrid } from '../../subgraphs/kit/src/demo/world.js';
import { makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { Person } from '../../subgraphs/people/src/entities/person.js';
import { PersonTag } from '../../subgraphs/people/src/entities/person-tag.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { gridOf, idNumberSource, residentsUnder, SANYIQIAO, usePeople, world, ZIDONGGE } from './support.js';

const REGISTER = `mutation($input: RegisterPersonInput!) {
  registerPerson(input: $input) {
    person { id name idNumber gender birthYear phone residencyType status tags { code label } grid { id code } }
    userErrors { code field message }
  }
}`;

let home: DemoGrid;
beforeAll(() => {
  home = gridOf('MICRO', SANYIQIAO);
});
const freshIdNumber = idNumberSource();

const env = usePeople();
let worker: string;

beforeAll(async () => {
  worker = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO]);
});

async function rowCounts() {
  const { dataSource } = env.services.people.db;
  return {
    people: await dataSource.getRepository(Person).count(),
    tags: await dataSource.getRepository(PersonTag).count(),
  };
}

function register(input: Record<string, unknown>, token: string | null = worker) {
  return graphql(env.url, REGISTER, { token, variables: { input } });
}

describe('registering a person', () => {
  it('registers a resident with gender and birth year derived from the ID number', async () => {
    const before = await rowCounts();
    const idNumber = freshIdNumber('1990-05-17');
    const { data } = await register({
      name: '李建国',
      idNumber,
      gridId: home.id,
      phone: '13812345678',
      tags: ['PARTY_MEMBER', 'VETERAN'],
    });
    expect(data?.registerPerson.userErrors).toEqual([]);
    const person = data?.registerPerson.person;
    expect(person).toMatchObject({
      name: '李建国',
      idNumber: `510************${idNumber.slice(-3)}`,
      gender: 'MALE',
      birthYear: 1990,
      phone: '138****5678',
      residencyType: 'PERMANENT',
      status: 'ACTIVE',
      grid: { id: home.id, code: home.code },
      tags: [
        { code: 'PARTY_MEMBER', label: '党员' },
        { code: 'VETERAN', label: '退役军人' },
      ],
    });
    expect(await rowCounts()).toEqual({ people: before.people + 1, tags: before.tags + 2 });
    const stored = await env.services.people.db.dataSource.getRepository(Person).findOneByOrFail({ id: person.id });
    expect(stored).toMatchObject({
      idNumber,
      gender: 'MALE',
      birthDate: '1990-05-17',
      areaCode: home.code,
      gridId: home.id,
      householdId: null,
    });
    const read = await graphql(env.url, `{ person(id: "${person.id}") { name tags { code } } }`, { token: worker });
    expect(read.data?.person).toEqual({ name: '李建国', tags: [{ code: 'PARTY_MEMBER' }, { code: 'VETERAN' }] });
  });

  it('derives a woman from an even sequence number and keeps the residency type given', async () => {
    const idNumber = makeIdNumber('510116', '1985-11-03', 468);
    const { data } = await register({ name: '王芳', idNumber, gridId: home.id, residencyType: 'FLOATING', phone: '' });
    expect(data?.registerPerson.userErrors).toEqual([]);
    expect(data?.registerPerson.person).toMatchObject({
      gender: 'FEMALE',
      birthYear: 1985,
      residencyType: 'FLOATING',
      phone: null,
      tags: [],
    });
  });
});

describe('refusing a registration', () => {
  const valid = () => ({
    name: '张伟明',
    idNumber: freshIdNumber(),
    gridId: home.id,
    phone: '13912345678',
    tags: ['DISABLED'],
  });
  const withWrongCheck = () => {
    const idNumber = freshIdNumber();
    return `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
  };
  const cases = [
    {
      label: 'a wrong check character',
      change: () => ({ idNumber: withWrongCheck() }),
      code: 'INVALID_ID_NUMBER',
      field: 'idNumber',
      says: '校验码',
    },
    {
      label: 'an impossible birth date',
      change: () => ({ idNumber: makeIdNumber('510116', '1999-02-31', 11) }),
      code: 'INVALID_ID_NUMBER',
      field: 'idNumber',
      says: '出生日期',
    },
    {
      label: 'a birth date in the future',
      change: () => ({ idNumber: makeIdNumber('510116', '2999-01-01', 11) }),
      code: 'INVALID_ID_NUMBER',
      field: 'idNumber',
      says: '出生日期',
    },
    {
      label: 'an unknown address code',
      change: () => ({ idNumber: makeIdNumber('990101', '1990-01-01', 11) }),
      code: 'INVALID_ID_NUMBER',
      field: 'idNumber',
      says: '地址码',
    },
    {
      label: 'a 15-digit legacy number',
      change: () => ({ idNumber: '510116900517123' }),
      code: 'INVALID_ID_NUMBER',
      field: 'idNumber',
      says: '15 位',
    },
    {
      label: 'a number with letters',
      change: () => ({ idNumber: '51011619900517A123' }),
      code: 'INVALID_ID_NUMBER',
      field: 'idNumber',
      says: '格式',
    },
    {
      label: 'a phone of the wrong length',
      change: () => ({ phone: '1381234567' }),
      code: 'INVALID_PHONE',
      field: 'phone',
      says: '手机号',
    },
    {
      label: 'a landline number',
      change: () => ({ phone: '02885123456' }),
      code: 'INVALID_PHONE',
      field: 'phone',
      says: '手机号',
    },
    {
      label: 'a one-character name',
      change: () => ({ name: '李' }),
      code: 'INVALID_NAME',
      field: 'name',
      says: '姓名',
    },
    { label: 'a name with digits', change: () => ({ name: '张3' }), code: 'INVALID_NAME', field: 'name', says: '姓名' },
    {
      label: 'an unknown tag',
      change: () => ({ tags: ['PARTY_MEMBER', 'MARTIAN'] }),
      code: 'UNKNOWN_TAG',
      field: 'tags',
      says: 'MARTIAN',
    },
    {
      label: 'an unknown grid',
      change: () => ({ gridId: randomUUID() }),
      code: 'GRID_NOT_FOUND',
      field: 'gridId',
      says: '网格',
    },
    // The graph shows the caller no grid outside their scope, so it reads as not found.
    {
      label: 'a grid of another community',
      change: () => ({ gridId: gridOf('MICRO', ZIDONGGE).id }),
      code: 'GRID_NOT_FOUND',
      field: 'gridId',
      says: '网格',
    },
    {
      label: 'a community total grid',
      change: () => ({ gridId: gridOf('COMMUNITY_TOTAL', SANYIQIAO).id }),
      code: 'GRID_NOT_RESIDENTIAL',
      field: 'gridId',
      says: '社区总网格',
    },
  ];

  it.each(cases)('refuses $label with $code and writes nothing', async ({ change, code, field, says }) => {
    const before = await rowCounts();
    const { data } = await register({ ...valid(), ...change() });
    expect(data?.registerPerson.person).toBeNull();
    expect(data?.registerPerson.userErrors).toHaveLength(1);
    expect(data?.registerPerson.userErrors[0]).toMatchObject({ code, field: ['input', field] });
    expect(data?.registerPerson.userErrors[0].message).toContain(says);
    expect(await rowCounts()).toEqual(before);
  });

  it('reports every problem of a request at once', async () => {
    const { data } = await register({
      name: '1',
      idNumber: withWrongCheck(),
      gridId: randomUUID(),
      phone: '123',
      tags: ['MARTIAN', 'VENUSIAN'],
    });
    expect(data?.registerPerson.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_NAME',
      'INVALID_ID_NUMBER',
      'INVALID_PHONE',
      'UNKNOWN_TAG',
      'UNKNOWN_TAG',
      'GRID_NOT_FOUND',
    ]);
  });

  it('refuses a retired grid as not found', async () => {
    const retired = world().grids.filter((grid) => grid.type === 'MICRO' && grid.communityCode === SANYIQIAO)[1];
    await env.services.grids.db.dataSource.query("UPDATE grid SET status = 'RETIRED' WHERE id = ?", [retired?.id]);
    const { data } = await register({ ...valid(), gridId: retired?.id });
    expect(data?.registerPerson.userErrors).toEqual([
      { code: 'GRID_NOT_FOUND', field: ['input', 'gridId'], message: '网格不存在或已撤销' },
    ]);
  });
});

describe('one person, one record', () => {
  it('refuses a registered ID number and names the record the viewer may see', async () => {
    const existing = residentsUnder(SANYIQIAO)[0];
    const before = await rowCounts();
    const { data } = await register({ name: '张伟明', idNumber: existing?.idNumber.toLowerCase(), gridId: home.id });
    expect(data?.registerPerson.userErrors).toEqual([
      {
        code: 'DUPLICATE_ID_NUMBER',
        field: ['input', 'idNumber'],
        message: `该身份证号已登记，已有记录 ${existing?.id}`,
      },
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a number registered in another community without naming that record', async () => {
    const existing = residentsUnder(ZIDONGGE)[0];
    const { data } = await register({ name: '张伟明', idNumber: existing?.idNumber, gridId: home.id });
    expect(data?.registerPerson.userErrors).toEqual([
      {
        code: 'DUPLICATE_ID_NUMBER',
        field: ['input', 'idNumber'],
        message: '该身份证号已登记，已有记录不在您的查看范围内',
      },
    ]);
    expect(data?.registerPerson.userErrors[0].message).not.toContain(existing?.id);
  });

  it('lets exactly one of two concurrent registrations of the same number succeed', async () => {
    const before = await rowCounts();
    const idNumber = freshIdNumber('1978-08-08');
    const results = await Promise.all(
      ['赵一鸣', '钱二丽'].map((name) => register({ name, idNumber, gridId: home.id, tags: ['LOW_INCOME'] })),
    );
    const payloads = results.map((result) => result.data?.registerPerson);
    const winners = payloads.filter((payload) => payload?.person);
    const losers = payloads.filter((payload) => !payload?.person);
    expect(winners).toHaveLength(1);
    expect(losers[0]?.userErrors).toEqual([
      {
        code: 'DUPLICATE_ID_NUMBER',
        field: ['input', 'idNumber'],
        message: `该身份证号已登记，已有记录 ${winners[0]?.person.id}`,
      },
    ]);
    expect(await rowCounts()).toEqual({ people: before.people + 1, tags: before.tags + 1 });
  });
});

describe('who may register', () => {
  it('refuses a request without a token with UNAUTHENTICATED and writes nothing', async () => {
    const before = await rowCounts();
    const response = await register({ name: '张伟明', idNumber: freshIdNumber(), gridId: home.id }, null);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await rowCounts()).toEqual(before);
  });

  it.each(['VOLUNTEER', 'ANALYST'] as const)(
    'refuses a %s, who may not write the register, with FORBIDDEN',
    async (role) => {
      const before = await rowCounts();
      const response = await register(
        { name: '张伟明', idNumber: freshIdNumber(), gridId: home.id },
        await tokenFor(role, [SANYIQIAO]),
      );
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await rowCounts()).toEqual(before);
    },
  );
});

describe('identity documents, residency and occupations', () => {
  const DETAILED = `mutation($input: RegisterPersonInput!) {
    registerPerson(input: $input) {
      person { id documentType idNumber gender birthYear birthDate residencyType residencySince residencyUntil status statusSince tags { code occupation } }
      userErrors { code field message }
    }
  }`;
  const registerDetailed = (input: Record<string, unknown>) =>
    graphql(env.url, DETAILED, { token: worker, variables: { input } });

  it('registers a passport holder with the gender and birth date given, and dates the residency', async () => {
    const { data } = await registerDetailed({
      name: 'Anna Müller',
      documentType: 'PASSPORT',
      idNumber: 'c01234567',
      gender: 'FEMALE',
      birthDate: '1988-02-29',
      gridId: home.id,
      residencyType: 'FLOATING',
      residencySince: '2025-09-01',
      residencyUntil: '2027-08-31',
    });
    expect(data?.registerPerson.userErrors).toEqual([]);
    expect(data?.registerPerson.person).toMatchObject({
      documentType: 'PASSPORT',
      idNumber: 'C*******7',
      gender: 'FEMALE',
      birthYear: 1988,
      birthDate: '1988-**-**',
      residencyType: 'FLOATING',
      residencySince: '2025-09-01',
      residencyUntil: '2027-08-31',
      status: 'ACTIVE',
    });
    const stored = await env.services.people.db.dataSource
      .getRepository(Person)
      .findOneByOrFail({ idNumber: 'C01234567' });
    expect(stored).toMatchObject({ documentType: 'PASSPORT', birthDate: '1988-02-29', gender: 'FEMALE' });
  });

  it('dates a new resident’s residency and status today when not told', async () => {
    const { data } = await registerDetailed({ name: '周小川', idNumber: freshIdNumber('1970-01-01'), gridId: home.id });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(data?.registerPerson.person).toMatchObject({
      residencyType: 'PERMANENT',
      residencySince: today,
      statusSince: today,
    });
  });

  it('keeps the occupation of a 新就业形态劳动者', async () => {
    const { data } = await registerDetailed({
      name: '骑手小王',
      idNumber: freshIdNumber('1995-03-03'),
      gridId: home.id,
      tags: ['NEW_EMPLOYMENT_WORKER', 'PARTY_MEMBER'],
      occupation: 'DELIVERY_RIDER',
    });
    expect(data?.registerPerson.person.tags).toEqual([
      { code: 'NEW_EMPLOYMENT_WORKER', occupation: 'DELIVERY_RIDER' },
      { code: 'PARTY_MEMBER', occupation: null },
    ]);
  });

  it.each([
    [
      'a passport without gender or birth date',
      () => ({ documentType: 'PASSPORT', idNumber: 'E12345678' }),
      ['INVALID_GENDER', 'INVALID_BIRTH_DATE'],
    ],
    [
      'a malformed Hong Kong and Macao permit',
      () => ({ documentType: 'HK_MACAO_PERMIT', idNumber: 'X1234', gender: 'MALE', birthDate: '1990-01-01' }),
      ['INVALID_ID_NUMBER'],
    ],
    [
      'a gender that contradicts the ID card',
      () => ({ idNumber: freshIdNumber('1990-01-01', 'MALE'), gender: 'FEMALE' }),
      ['IDENTITY_MISMATCH'],
    ],
    [
      'a 新就业形态劳动者 without occupation',
      () => ({ idNumber: freshIdNumber(), tags: ['NEW_EMPLOYMENT_WORKER'] }),
      ['OCCUPATION_REQUIRED'],
    ],
    [
      'residency ending before it begins',
      () => ({ idNumber: freshIdNumber(), residencySince: '2025-01-01', residencyUntil: '2024-01-01' }),
      ['INVALID_DATE'],
    ],
    ['a room without a building', () => ({ idNumber: freshIdNumber(), room: '2单元501' }), ['INVALID_ROOM']],
  ])('refuses %s and writes nothing', async (_, change, codes) => {
    const before = await rowCounts();
    const { data } = await registerDetailed({ name: '张伟明', gridId: home.id, ...change() });
    expect(data?.registerPerson.userErrors.map((error: { code: string }) => error.code)).toEqual(codes);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('living in a building (the grids subgraph answers building(id))', () => {
  const BUILDING = `mutation($input: RegisterPersonInput!) {
    registerPerson(input: $input) { person { id room building { id } grid { id code } } userErrors { code field message } }
  }`;
  let building: DemoBuilding;
  let elsewhere: DemoBuilding;
  beforeAll(() => {
    building = world().buildings.find((candidate) => candidate.areaCode.startsWith(SANYIQIAO))!;
    elsewhere = world().buildings.find((candidate) => candidate.areaCode.startsWith(ZIDONGGE))!;
  });

  it('places a resident in a building and its grid, with the room', async () => {
    const { data } = await graphql(env.url, BUILDING, {
      token: worker,
      variables: { input: { name: '楼栋住户', idNumber: freshIdNumber(), buildingId: building.id, room: '2单元501' } },
    });
    expect(data?.registerPerson.userErrors).toEqual([]);
    expect(data?.registerPerson.person).toMatchObject({
      room: '2单元501',
      building: { id: building.id },
      grid: { id: building.gridId, code: building.areaCode },
    });
  });

  it.each([
    ['a building outside the viewer’s scope', () => ({ buildingId: elsewhere.id }), 'BUILDING_NOT_FOUND'],
    ['an unknown building', () => ({ buildingId: randomUUID() }), 'BUILDING_NOT_FOUND'],
    [
      'a building of another grid than the one given',
      () => ({
        buildingId: building.id,
        gridId: world().grids.find(
          (grid) => grid.type === 'MICRO' && grid.communityCode === SANYIQIAO && grid.id !== building.gridId,
        )!.id,
      }),
      'BUILDING_NOT_IN_GRID',
    ],
  ])('refuses %s and writes nothing', async (_, change, code) => {
    const before = await rowCounts();
    const { data } = await graphql(env.url, BUILDING, {
      token: worker,
      variables: { input: { name: '楼栋住户', idNumber: freshIdNumber(), ...change() } },
    });
    expect(data?.registerPerson.userErrors.map((error: { code: string }) => error.code)).toEqual([code]);
    expect(await rowCounts()).toEqual(before);
  });
});
