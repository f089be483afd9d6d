import { beforeAll, describe, expect, it } from 'vitest';
import { maskBirthDate, maskDocumentNumber, maskName, maskPhone } from '../../subgraphs/people/src/domain/masking.js';
import { SELF_ACCESS_PURPOSE } from '../../subgraphs/people/src/domain/privacy.js';
import { PiiAccessLog } from '../../subgraphs/people/src/entities/pii-access-log.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { currentTagCodes, demo, sortedIds, statementsDuring, usePeople, ZIDONGGE } from './support.js';

/**
 * A resident reads their own record with the token that names them (`personId`), though
 * residents hold no `person:read`: every field of it, their own numbers in full (logged as
 * a self-access), and the names of the people they live with, whose numbers stay masked.
 */
const env = usePeople();

type DemoRows = ReturnType<typeof demo>;
let me: DemoRows['people'][number];
let mates: DemoRows['people'];
let household: DemoRows['households'][number];
let MICRO_GRID: string;
let neighbour: DemoRows['people'][number];

beforeAll(() => {
  const householdSize = (householdId: string | null) =>
    demo().people.filter((person) => person.householdId === householdId).length;
  const candidates = demo().people.filter(
    (person) =>
      person.householdId &&
      householdSize(person.householdId) >= 3 &&
      person.phone &&
      currentTagCodes(person.id).length > 0,
  );
  // Someone with an earlier move, when the demo world has one, so that the history is not empty.
  me = candidates.find((person) => demo().moves.some((move) => move.personId === person.id)) ?? candidates[0]!;
  mates = demo().people.filter((person) => person.householdId === me.householdId && person.id !== me.id);
  household = demo().households.find((row) => row.id === me.householdId)!;
  MICRO_GRID = me.areaCode;
  neighbour = demo().people.find((person) => person.areaCode === MICRO_GRID && person.householdId !== me.householdId)!;
});

const OWN_RECORD = `query($id: ID!) { person(id: $id) {
  id name idNumber phone birthDate grid { id code } building { id } room statusReason
  tags { code } tagHistory { code } residenceHistory { kind }
  household { id address members { relation person { id name idNumber phone birthDate } } }
} }`;

let resident: string;
let auditor: string;

beforeAll(async () => {
  resident = await tokenFor('RESIDENT', [MICRO_GRID], { personId: me.id, subject: 'resident-me' });
  auditor = await tokenFor('STREET_ADMIN', [me.areaCode.slice(0, 6)], { subject: 'auditor' });
});

const logRows = () => env.services.people.db.dataSource.getRepository(PiiAccessLog).find();
const clearLog = () => env.services.people.db.dataSource.getRepository(PiiAccessLog).clear();
const ask = (query: string, token: string, variables: Record<string, unknown> = {}) =>
  graphql(env.url, query, { token, variables });
const codes = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.map((error) => error.extensions?.code);

describe('a resident reads their own record', () => {
  it('in full: name, numbers, home, tags, histories and household, with the members’ names', async () => {
    expect(mates.length).toBeGreaterThanOrEqual(2);
    const { data, errors } = await ask(OWN_RECORD, resident, { id: me.id });
    expect(errors).toBeUndefined();
    const person = data?.person;
    expect({ ...person, household: undefined }).toEqual({
      id: me.id,
      name: me.name,
      idNumber: me.idNumber,
      phone: me.phone,
      birthDate: me.birthDate,
      grid: { id: me.gridId, code: me.areaCode },
      building: { id: me.buildingId },
      room: me.room,
      statusReason: null,
      tags: currentTagCodes(me.id)
        .sort()
        .map((code) => ({ code })),
      tagHistory: expect.any(Array),
      residenceHistory: expect.any(Array),
      household: undefined,
    });
    expect(person.tagHistory).toHaveLength(demo().tags.filter((tag) => tag.personId === me.id).length);
    expect(person.residenceHistory).toHaveLength(demo().moves.filter((move) => move.personId === me.id).length);
    expect(person.household.id).toBe(household.id);
    expect(person.household.address).toBe(household.address);
    expect(sortedIds(person.household.members.map((member: { person: { id: string } }) => member.person))).toEqual(
      sortedIds([me, ...mates]),
    );
    const self = person.household.members.find((member: { person: { id: string } }) => member.person.id === me.id);
    expect(self).toEqual({
      relation: me.householdRelation,
      person: { id: me.id, name: me.name, idNumber: me.idNumber, phone: me.phone, birthDate: me.birthDate },
    });
  });

  it('sees the people they live with by name, with their numbers, phones and birth dates masked', async () => {
    const { data } = await ask(OWN_RECORD, resident, { id: me.id });
    const others = data?.person.household.members.filter(
      (member: { person: { id: string } }) => member.person.id !== me.id,
    );
    const byId = (a: { person: { id: string } }, b: { person: { id: string } }) => (a.person.id < b.person.id ? -1 : 1);
    expect(others.sort(byId)).toEqual(
      [...mates]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((mate) => ({
          relation: mate.householdRelation,
          person: {
            id: mate.id,
            name: mate.name,
            idNumber: maskDocumentNumber(mate.idNumber),
            phone: mate.phone ? maskPhone(mate.phone) : null,
            birthDate: maskBirthDate(mate.birthDate),
          },
        })),
    );
    // Their full numbers are not theirs to ask for, with a purpose or without.
    const asked = await ask(
      'query($id: ID!) { person(id: $id) { household { members { person { id idNumber(purpose: DATA_CORRECTION) } } } } }',
      resident,
      { id: me.id },
    );
    const mate = asked.data?.person.household.members.find(
      (member: { person: { id: string } }) => member.person.id === mates[0]!.id,
    );
    expect(mate.person.idNumber).toBe(maskDocumentNumber(mates[0]!.idNumber));
  });

  it('may not read the members’ tags, rooms or households', async () => {
    for (const field of ['tags { code }', 'room', 'household { id }', 'residenceHistory { kind }']) {
      const response = await ask(
        `query($id: ID!) { person(id: $id) { household { members { person { id ${field} } } } } }`,
        resident,
        { id: me.id },
      );
      expect(codes(response), field).toContain('FORBIDDEN');
    }
  });

  it('logs the own numbers read as one self-access, with no purpose asked, and nothing for the masked members', async () => {
    await clearLog();
    await ask(OWN_RECORD, resident, { id: me.id });
    const rows = await logRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      viewerSubject: 'resident-me',
      viewerRoles: 'RESIDENT',
      personId: me.id,
      areaCode: me.areaCode,
      purpose: SELF_ACCESS_PURPOSE,
      selfAccess: true,
    });
    expect(rows[0]!.fields.split(',').sort()).toEqual(['birthDate', 'idNumber', 'phone']);
  });

  it('a record without numbers asked for writes no log row', async () => {
    await clearLog();
    const { data } = await ask('query($id: ID!) { person(id: $id) { name grid { code } } }', resident, { id: me.id });
    expect(data?.person).toEqual({ name: me.name, grid: { code: me.areaCode } });
    expect(await logRows()).toEqual([]);
  });

  it('auditors tell self-access apart from a worker’s read, and may filter on it', async () => {
    await clearLog();
    await ask(OWN_RECORD, resident, { id: me.id });
    const reader = await tokenFor('COMMUNITY_WORKER', [MICRO_GRID.slice(0, 12)], {
      subject: 'reader',
      permissions: ['pii:read'],
    });
    await ask('query($id: ID!) { person(id: $id) { idNumber(purpose: VISIT_CARE) } }', reader, { id: neighbour.id });
    const LOG =
      'query($self: Boolean) { piiAccessLog(filter: { selfAccess: $self }) { totalCount edges { node { viewer viewerRoles purpose selfAccess person { id } } } } }';
    const all = await ask(LOG, auditor);
    expect(all.data?.piiAccessLog.totalCount).toBe(2);
    const own = await ask(LOG, auditor, { self: true });
    expect(own.data?.piiAccessLog.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        viewer: 'resident-me',
        viewerRoles: ['RESIDENT'],
        purpose: SELF_ACCESS_PURPOSE,
        selfAccess: true,
        person: { id: me.id },
      },
    ]);
    const workers = await ask(LOG, auditor, { self: false });
    expect(workers.data?.piiAccessLog.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        viewer: 'reader',
        viewerRoles: ['COMMUNITY_WORKER'],
        purpose: 'VISIT_CARE',
        selfAccess: false,
        person: { id: neighbour.id },
      },
    ]);
  });

  it('in a fixed number of statements: the person, the household, its members and one log row', async () => {
    let response: Awaited<ReturnType<typeof ask>> | undefined;
    const statements = await statementsDuring(env.services.people, async () => {
      response = await ask(
        'query($id: ID!) { person(id: $id) { idNumber household { members { person { name idNumber } } } } }',
        resident,
        { id: me.id },
      );
    });
    expect(response?.errors).toBeUndefined();
    expect(statements).toBe(4);
  });

  it('wherever their token is scoped: the record says where they live', async () => {
    expect(me.areaCode.startsWith(ZIDONGGE)).toBe(false);
    const stale = await tokenFor('RESIDENT', [ZIDONGGE], { personId: me.id });
    const { data, errors } = await ask(
      'query($id: ID!) { person(id: $id) { name grid { code } tags { code } household { members { person { id name } } } } }',
      stale,
      { id: me.id },
    );
    expect(errors).toBeUndefined();
    expect(data?.person.name).toBe(me.name);
    expect(data?.person.grid.code).toBe(me.areaCode);
    expect(data?.person.tags).toHaveLength(currentTagCodes(me.id).length);
    expect(
      sortedIds(data?.person.household.members.map((member: { person: { id: string } }) => member.person)),
    ).toEqual(sortedIds([me, ...mates]));
  });

  it('a volunteer reads their own record the same way, and their token reaches it as an entity reference too', async () => {
    const volunteer = await tokenFor('VOLUNTEER', [MICRO_GRID], { personId: me.id });
    const { data } = await ask('query($id: ID!) { person(id: $id) { name idNumber } }', volunteer, { id: me.id });
    expect(data?.person).toEqual({ name: me.name, idNumber: me.idNumber });
    const ENTITIES = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { id name } } }';
    const own = await ask(ENTITIES, volunteer, { reps: [{ __typename: 'Person', id: me.id }] });
    expect(own.data?._entities).toEqual([{ id: me.id, name: me.name }]);
    const other = await ask(ENTITIES, volunteer, { reps: [{ __typename: 'Person', id: neighbour.id }] });
    expect(other.data?._entities?.[0] ?? null).toBeNull();
    expect(codes(other)).toEqual(['FORBIDDEN']);
  });
});

describe('anyone else stays out of reach', () => {
  it('another person, even one of the same household or micro-grid, is FORBIDDEN as before', async () => {
    for (const other of [neighbour, mates[0]!]) {
      const response = await ask('query($id: ID!) { person(id: $id) { id name } }', resident, { id: other.id });
      expect(response.data?.person ?? null).toBeNull();
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors?.[0]?.message).toBe('无权执行此操作');
    }
  });

  it('asking for oneself and another at once answers oneself and refuses the other', async () => {
    const response = await ask(
      'query($me: ID!, $other: ID!) { mine: person(id: $me) { id } other: person(id: $other) { id } }',
      resident,
      { me: me.id, other: neighbour.id },
    );
    expect(response.data).toEqual({ mine: { id: me.id }, other: null });
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });

  it('lists, statistics, the household query and lookups stay FORBIDDEN', async () => {
    const queries = [
      '{ people(first: 10) { totalCount } }',
      `{ people(filter: { areaCode: "${MICRO_GRID}" }) { edges { node { id } } } }`,
      `{ household(id: "${household.id}") { id } }`,
      `{ _entities(representations: [{ __typename: "Grid", id: "${me.gridId}", code: "${me.areaCode}" }]) { ... on Grid { residents { totalCount } } } }`,
      `{ personByIdNumber(idNumber: "${me.idNumber}", purpose: DATA_CORRECTION) { id } }`,
    ];
    for (const query of queries) expect(codes(await ask(query, resident)), query).toEqual(['FORBIDDEN']);
  });

  it('a resident token without personId reads no one, not even by a guessed id', async () => {
    const anonymous = await tokenFor('RESIDENT', [MICRO_GRID]);
    const response = await ask('query($id: ID!) { person(id: $id) { id } }', anonymous, { id: me.id });
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });

  it('a token naming a person who is not in the register reads null', async () => {
    const ghost = await tokenFor('RESIDENT', [MICRO_GRID], { personId: 'no-such-person' });
    const response = await ask('{ person(id: "no-such-person") { id } }', ghost);
    expect(response.errors).toBeUndefined();
    expect(response.data?.person).toBeNull();
  });

  it('an analyst who is also a resident sees their own name in full and everyone else’s masked', async () => {
    const analyst = await tokenFor('ANALYST', [MICRO_GRID], { personId: me.id });
    const { data } = await ask(
      `{ people(filter: { areaCode: "${MICRO_GRID}" }, first: 100) { edges { node { id name } } } }`,
      analyst,
    );
    const names = new Map(
      data?.people.edges.map((edge: { node: { id: string; name: string } }) => [edge.node.id, edge.node.name]),
    );
    expect(names.get(me.id)).toBe(me.name);
    expect(names.get(neighbour.id)).toBe(maskName(neighbour.name));
  });
});
