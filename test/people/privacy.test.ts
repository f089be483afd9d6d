import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../subgraphs/kit/src/demo/world.js';
import { maskBirthDate, maskDocumentNumber, maskName, maskPhone } from '../../subgraphs/people/src/domain/masking.js';
import { PiiAccessLog } from '../../subgraphs/people/src/entities/pii-access-log.js';
import { graphql, tokenFor } from '../support/graphql.js';
import {
  currentTagCodes,
  residentsUnder,
  SANYIQIAO,
  sortedIds,
  statementsDuring,
  usePeople,
  world,
  ZIDONGGE,
} from './support.js';

const env = usePeople();
let worker: string;
let reader: string;
let auditor: string;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
let elders: DemoPerson[];
beforeAll(() => {
  elders = residentsUnder(SANYIQIAO)
    .filter((person) => currentTagCodes(person.id).includes('EMPTY_NEST_ELDER'))
    .sort(byId);
});
const EMPTY_NEST = `query($purpose: AccessPurposeCode) {
  people(filter: { areaCode: "${SANYIQIAO}", tags: ["EMPTY_NEST_ELDER"] }, first: 100) {
    totalCount edges { node { id name idNumber(purpose: $purpose) phone(purpose: $purpose) birthDate(purpose: $purpose) } }
  }
}`;

beforeAll(async () => {
  worker = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO], { subject: 'worker-sanyiqiao' });
  reader = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO], { subject: 'reader-sanyiqiao', permissions: ['pii:read'] });
  auditor = await tokenFor('STREET_ADMIN', ['510116001'], { subject: 'auditor' });
});

const logRows = () =>
  env.services.people.db.dataSource.getRepository(PiiAccessLog).find({ order: { personId: 'ASC' } });
const clearLog = () => env.services.people.db.dataSource.getRepository(PiiAccessLog).clear();

describe('personal data is masked by default', () => {
  it('a community worker lists the empty-nest elderly of their community with masked numbers, and nothing is logged', async () => {
    expect(elders.length).toBeGreaterThan(0);
    await clearLog();
    const { data } = await graphql(env.url, EMPTY_NEST, { token: worker, variables: { purpose: 'VISIT_CARE' } });
    expect(data?.people.totalCount).toBe(elders.length);
    expect(data?.people.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      elders.map((person) => ({
        id: person.id,
        name: person.name,
        idNumber: maskDocumentNumber(person.idNumber),
        phone: person.phone ? maskPhone(person.phone) : null,
        birthDate: maskBirthDate(person.birthDate),
      })),
    );
    expect(await logRows()).toEqual([]);
  });

  it('pii:read without a purpose still reads masked, and logs nothing', async () => {
    await clearLog();
    const { data } = await graphql(env.url, EMPTY_NEST, { token: reader });
    expect(data?.people.edges[0].node.idNumber).toBe(maskDocumentNumber(elders[0]!.idNumber));
    const blank = await graphql(env.url, EMPTY_NEST, { token: reader, variables: { purpose: null } });
    expect(blank.data?.people.edges[0].node.idNumber).toBe(maskDocumentNumber(elders[0]!.idNumber));
    expect(await logRows()).toEqual([]);
  });
});

describe('unmasked reads', () => {
  it('pii:read with a purpose shows full numbers and writes one log row per person, in one statement', async () => {
    await clearLog();
    let data: Record<string, any> | null | undefined;
    const statements = await statementsDuring(env.services.people, async () => {
      ({ data } = await graphql(env.url, EMPTY_NEST, {
        token: reader,
        variables: { purpose: 'VISIT_CARE' },
      }));
    });
    expect(data?.people.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      elders.map((person) => ({
        id: person.id,
        name: person.name,
        idNumber: person.idNumber,
        phone: person.phone,
        birthDate: person.birthDate,
      })),
    );
    // The page, the count, the tag catalogue and one INSERT for every log row.
    expect(statements).toBe(4);
    const rows = await logRows();
    expect(rows.map((row) => row.personId)).toEqual(elders.map((person) => person.id));
    for (const row of rows) {
      expect(row).toMatchObject({
        viewerSubject: 'reader-sanyiqiao',
        viewerRoles: 'COMMUNITY_WORKER',
        purpose: 'VISIT_CARE',
      });
      const person = world().people.find((candidate) => candidate.id === row.personId)!;
      expect(row.fields.split(',').sort()).toEqual(
        person.phone ? ['birthDate', 'idNumber', 'phone'] : ['birthDate', 'idNumber'],
      );
      expect(row.areaCode).toBe(person.areaCode);
    }
  });

  it('an auditor reads the log newest first, filtered and paged, and sees the people read', async () => {
    const { data } = await graphql(
      env.url,
      `{
      piiAccessLog(filter: { viewer: "reader-sanyiqiao" }, first: 2) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { viewer viewerRoles fields purpose accessedAt person { id name } } }
      }
    }`,
      { token: auditor },
    );
    const log = data?.piiAccessLog;
    expect(log.totalCount).toBe(elders.length);
    expect(log.edges[0].node).toMatchObject({
      viewer: 'reader-sanyiqiao',
      viewerRoles: ['COMMUNITY_WORKER'],
      purpose: 'VISIT_CARE',
    });
    expect(log.edges[0].node.fields).toEqual(expect.arrayContaining(['idNumber', 'birthDate']));
    expect(elders.map((person) => person.id)).toContain(log.edges[0].node.person.id);
    const rest = await graphql(
      env.url,
      'query($after: String) { piiAccessLog(first: 100, after: $after) { edges { node { person { id } } } } }',
      { token: auditor, variables: { after: log.pageInfo.endCursor } },
    );
    const seen = [...log.edges, ...rest.data!.piiAccessLog.edges].map(
      (edge: { node: { person: { id: string } } }) => edge.node.person.id,
    );
    expect(seen.sort()).toEqual(sortedIds(elders));
    const byPerson = await graphql(
      env.url,
      `{ piiAccessLog(filter: { personId: "${elders[0]!.id}", areaCode: "${SANYIQIAO}" }) { totalCount } }`,
      { token: auditor },
    );
    expect(byPerson.data?.piiAccessLog.totalCount).toBe(1);
  });

  it('the log is for auditors only, and an auditor of another community sees none of it', async () => {
    const refused = await graphql(env.url, '{ piiAccessLog { totalCount } }', { token: reader });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const neighbour = await tokenFor('STREET_ADMIN', [ZIDONGGE]);
    const { data } = await graphql(env.url, '{ piiAccessLog { totalCount } }', { token: neighbour });
    expect(data?.piiAccessLog.totalCount).toBe(0);
  });

  it('an exact lookup by ID number needs pii:read and a purpose, and is logged as a read of the number', async () => {
    await clearLog();
    const person = elders[0]!;
    const query =
      'query($n: String!, $p: AccessPurposeCode!) { personByIdNumber(idNumber: $n, purpose: $p) { id name } }';
    const found = await graphql(env.url, query, {
      token: reader,
      variables: { n: person.idNumber.toLowerCase(), p: 'POLICY_VERIFICATION' },
    });
    expect(found.data?.personByIdNumber).toEqual({ id: person.id, name: person.name });
    expect(await logRows()).toMatchObject([
      { personId: person.id, fields: 'idNumber', purpose: 'POLICY_VERIFICATION' },
    ]);

    const withoutPermission = await graphql(env.url, query, {
      token: worker,
      variables: { n: person.idNumber, p: 'POLICY_VERIFICATION' },
    });
    expect(withoutPermission.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const withoutPurpose = await graphql(env.url, query, { token: reader, variables: { n: person.idNumber, p: ' ' } });
    expect(withoutPurpose.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const malformed = await graphql(env.url, query, {
      token: reader,
      variables: { n: '510116900517123', p: 'POLICY_VERIFICATION' },
    });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idNumber' });
    expect(malformed.errors?.[0]?.message).toContain('15 位');
    const elsewhere = residentsUnder(ZIDONGGE)[0]!;
    const outside = await graphql(env.url, query, {
      token: reader,
      variables: { n: elsewhere.idNumber, p: 'POLICY_VERIFICATION' },
    });
    expect(outside.data?.personByIdNumber).toBeNull();
    expect(await logRows()).toHaveLength(1);
  });
});

describe('analysts', () => {
  it('see counts and masked names, never numbers in full, tags, rooms or histories', async () => {
    const analyst = await tokenFor('ANALYST', [SANYIQIAO], { permissions: ['pii:read'] });
    await clearLog();
    const { data } = await graphql(env.url, EMPTY_NEST, { token: analyst, variables: { purpose: 'DATA_CORRECTION' } });
    expect(data?.people.totalCount).toBe(elders.length);
    expect(data?.people.edges[0].node).toEqual({
      id: elders[0]!.id,
      name: maskName(elders[0]!.name),
      idNumber: maskDocumentNumber(elders[0]!.idNumber),
      phone: elders[0]!.phone ? maskPhone(elders[0]!.phone) : null,
      birthDate: maskBirthDate(elders[0]!.birthDate),
    });
    expect(await logRows()).toEqual([]);
    for (const field of [
      'tags { code }',
      'room',
      'building { id }',
      'residenceHistory { id }',
      'tagHistory { code }',
      'statusReason',
    ]) {
      const response = await graphql(env.url, `{ person(id: "${elders[0]!.id}") { ${field} } }`, { token: analyst });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const byNumber = await graphql(
      env.url,
      'query($n: String!) { personByIdNumber(idNumber: $n, purpose: DATA_CORRECTION) { id } }',
      { token: analyst, variables: { n: elders[0]!.idNumber } },
    );
    expect(byNumber.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
