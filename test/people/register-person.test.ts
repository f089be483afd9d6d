import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerFromClaims } from '../../subgraphs/kit/src/auth.js';
import type { GraphClient } from '../../subgraphs/kit/src/graph-client.js';
import { createContext } from '../../subgraphs/people/src/context.js';
import { makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { Person } from '../../subgraphs/people/src/entities/person.js';
import { PersonTag } from '../../subgraphs/people/src/entities/person-tag.js';
import { registerPerson } from '../../subgraphs/people/src/register-person.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { residentsUnder, SANYIQIAO, startPeople, world, ZIDONGGE, type PeopleServices } from './support.js';

const REGISTER = `mutation($input: RegisterPersonInput!) {
  registerPerson(input: $input) {
    person { id name idNumber gender birthYear phone residencyType status tags { code label } grid { id code } }
    userErrors { code field message }
  }
}`;

const gridOf = (type: string, communityCode: string) => {
  const grid = world.grids.find((candidate) => candidate.type === type && candidate.communityCode === communityCode);
  if (!grid) throw new Error(`the demo world has no ${type} grid in ${communityCode}`);
  return grid;
};
const home = gridOf('MICRO', SANYIQIAO);
const knownNumbers = new Set(world.people.map((person) => person.idNumber));
let sequence = 101;
/** A valid ID number no one in the demo world holds; odd sequences are men. */
function freshIdNumber(birthDate = '1990-05-17'): string {
  let idNumber: string;
  do idNumber = makeIdNumber('510116', birthDate, (sequence += 2));
  while (knownNumbers.has(idNumber));
  return idNumber;
}

let services: PeopleServices;
let url: string;
let worker: string;

beforeAll(async () => {
  services = await startPeople();
  url = services.people.url;
  worker = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO]);
});
afterAll(() => services?.stop());

async function rowCounts() {
  const { dataSource } = services.people.db;
  return { people: await dataSource.getRepository(Person).count(), tags: await dataSource.getRepository(PersonTag).count() };
}

function register(input: Record<string, unknown>, token: string | null = worker) {
  return graphql(url, REGISTER, { token, variables: { input } });
}

describe('registering a person', () => {
  it('registers a resident with gender and birth year derived from the ID number', async () => {
    const before = await rowCounts();
    const idNumber = freshIdNumber('1990-05-17');
    const { data } = await register({ name: '李建国', idNumber, gridId: home.id, phone: '13812345678', tags: ['PARTY_MEMBER', 'VETERAN'] });
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
      tags: [{ code: 'PARTY_MEMBER', label: '党员' }, { code: 'VETERAN', label: '退役军人' }],
    });
    expect(await rowCounts()).toEqual({ people: before.people + 1, tags: before.tags + 2 });
    const stored = await services.people.db.dataSource.getRepository(Person).findOneByOrFail({ id: person.id });
    expect(stored).toMatchObject({ idNumber, gender: 'MALE', birthDate: '1990-05-17', areaCode: home.code, gridId: home.id, householdId: null });
    const read = await graphql(url, `{ person(id: "${person.id}") { name tags { code } } }`, { token: worker });
    expect(read.data?.person).toEqual({ name: '李建国', tags: [{ code: 'PARTY_MEMBER' }, { code: 'VETERAN' }] });
  });

  it('derives a woman from an even sequence number and keeps the residency type given', async () => {
    const idNumber = makeIdNumber('510116', '1985-11-03', 468);
    const { data } = await register({ name: '王芳', idNumber, gridId: home.id, residencyType: 'FLOATING', phone: '' });
    expect(data?.registerPerson.userErrors).toEqual([]);
    expect(data?.registerPerson.person).toMatchObject({ gender: 'FEMALE', birthYear: 1985, residencyType: 'FLOATING', phone: null, tags: [] });
  });
});

describe('refusing a registration', () => {
  const valid = () => ({ name: '张伟明', idNumber: freshIdNumber(), gridId: home.id, phone: '13912345678', tags: ['DISABLED'] });
  const withWrongCheck = () => {
    const idNumber = freshIdNumber();
    return `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
  };
  const cases = [
    { label: 'a wrong check character', change: () => ({ idNumber: withWrongCheck() }), code: 'INVALID_ID_NUMBER', field: 'idNumber', says: '校验码' },
    { label: 'an impossible birth date', change: () => ({ idNumber: makeIdNumber('510116', '1999-02-31', 11) }), code: 'INVALID_ID_NUMBER', field: 'idNumber', says: '出生日期' },
    { label: 'a birth date in the future', change: () => ({ idNumber: makeIdNumber('510116', '2999-01-01', 11) }), code: 'INVALID_ID_NUMBER', field: 'idNumber', says: '出生日期' },
    { label: 'an unknown address code', change: () => ({ idNumber: makeIdNumber('990101', '1990-01-01', 11) }), code: 'INVALID_ID_NUMBER', field: 'idNumber', says: '地址码' },
    { label: 'a 15-digit legacy number', change: () => ({ idNumber: '510116900517123' }), code: 'INVALID_ID_NUMBER', field: 'idNumber', says: '15 位' },
    { label: 'a number with letters', change: () => ({ idNumber: '51011619900517A123' }), code: 'INVALID_ID_NUMBER', field: 'idNumber', says: '格式' },
    { label: 'a phone of the wrong length', change: () => ({ phone: '1381234567' }), code: 'INVALID_PHONE', field: 'phone', says: '手机号' },
    { label: 'a landline number', change: () => ({ phone: '02885123456' }), code: 'INVALID_PHONE', field: 'phone', says: '手机号' },
    { label: 'a one-character name', change: () => ({ name: '李' }), code: 'INVALID_NAME', field: 'name', says: '姓名' },
    { label: 'a name with digits', change: () => ({ name: '张3' }), code: 'INVALID_NAME', field: 'name', says: '姓名' },
    { label: 'an unknown tag', change: () => ({ tags: ['PARTY_MEMBER', 'MARTIAN'] }), code: 'UNKNOWN_TAG', field: 'tags', says: 'MARTIAN' },
    { label: 'an unknown grid', change: () => ({ gridId: randomUUID() }), code: 'GRID_NOT_FOUND', field: 'gridId', says: '网格' },
    // The graph shows the caller no grid outside their scope, so it reads as not found.
    { label: 'a grid of another community', change: () => ({ gridId: gridOf('MICRO', ZIDONGGE).id }), code: 'GRID_NOT_FOUND', field: 'gridId', says: '网格' },
    { label: 'a community total grid', change: () => ({ gridId: gridOf('COMMUNITY_TOTAL', SANYIQIAO).id }), code: 'GRID_NOT_RESIDENTIAL', field: 'gridId', says: '社区总网格' },
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
    const { data } = await register({ name: '1', idNumber: withWrongCheck(), gridId: randomUUID(), phone: '123', tags: ['MARTIAN', 'VENUSIAN'] });
    expect(data?.registerPerson.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_NAME', 'INVALID_ID_NUMBER', 'INVALID_PHONE', 'UNKNOWN_TAG', 'UNKNOWN_TAG', 'GRID_NOT_FOUND',
    ]);
  });

  it('refuses a retired grid as not found', async () => {
    const retired = world.grids.filter((grid) => grid.type === 'MICRO' && grid.communityCode === SANYIQIAO)[1];
    await services.grids.db.dataSource.query("UPDATE grid SET status = 'RETIRED' WHERE id = ?", [retired?.id]);
    const { data } = await register({ ...valid(), gridId: retired?.id });
    expect(data?.registerPerson.userErrors).toEqual([{ code: 'GRID_NOT_FOUND', field: ['input', 'gridId'], message: '网格不存在或已撤销' }]);
  });

  it('refuses a grid the graph returns outside the viewer scope with OUT_OF_SCOPE', async () => {
    const outside = gridOf('MICRO', ZIDONGGE);
    // A graph whose rules differ from this subgraph's must not let a write out of scope.
    const graph: GraphClient = { request: async <T>() => ({ grid: { id: outside.id, code: outside.code, type: 'MICRO', status: 'ACTIVE' } }) as T };
    const viewer = viewerFromClaims({ sub: 'test-worker', roles: ['COMMUNITY_WORKER'], scopes: [SANYIQIAO] });
    const before = await rowCounts();
    const result = await registerPerson(createContext(services.people.db, viewer, { authorization: '', graph }), { ...valid(), gridId: outside.id });
    expect(result).toEqual({ person: null, userErrors: [{ code: 'OUT_OF_SCOPE', field: ['input', 'gridId'], message: '该网格不在您的管辖范围内' }] });
    expect(await rowCounts()).toEqual(before);
  });
});

describe('one person, one record', () => {
  it('refuses a registered ID number and names the record the viewer may see', async () => {
    const existing = residentsUnder(SANYIQIAO)[0];
    const before = await rowCounts();
    const { data } = await register({ name: '张伟明', idNumber: existing?.idNumber.toLowerCase(), gridId: home.id });
    expect(data?.registerPerson.userErrors).toEqual([{ code: 'DUPLICATE_ID_NUMBER', field: ['input', 'idNumber'], message: `该身份证号已登记，已有记录 ${existing?.id}` }]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a number registered in another community without naming that record', async () => {
    const existing = residentsUnder(ZIDONGGE)[0];
    const { data } = await register({ name: '张伟明', idNumber: existing?.idNumber, gridId: home.id });
    expect(data?.registerPerson.userErrors).toEqual([{ code: 'DUPLICATE_ID_NUMBER', field: ['input', 'idNumber'], message: '该身份证号已登记，已有记录不在您的查看范围内' }]);
    expect(data?.registerPerson.userErrors[0].message).not.toContain(existing?.id);
  });

  it('lets exactly one of two concurrent registrations of the same number succeed', async () => {
    const before = await rowCounts();
    const idNumber = freshIdNumber('1978-08-08');
    const results = await Promise.all(['赵一鸣', '钱二丽'].map((name) => register({ name, idNumber, gridId: home.id, tags: ['LOW_INCOME'] })));
    const payloads = results.map((result) => result.data?.registerPerson);
    const winners = payloads.filter((payload) => payload?.person);
    const losers = payloads.filter((payload) => !payload?.person);
    expect(winners).toHaveLength(1);
    expect(losers[0]?.userErrors).toEqual([{ code: 'DUPLICATE_ID_NUMBER', field: ['input', 'idNumber'], message: `该身份证号已登记，已有记录 ${winners[0]?.person.id}` }]);
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

  it.each(['VOLUNTEER', 'ANALYST'] as const)('refuses a %s, who may not write the register, with FORBIDDEN', async (role) => {
    const before = await rowCounts();
    const response = await register({ name: '张伟明', idNumber: freshIdNumber(), gridId: home.id }, await tokenFor(role, [SANYIQIAO]));
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
  });
});
