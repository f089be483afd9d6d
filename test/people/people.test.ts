import { beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../subgraphs/kit/src/time.js';
import { ageOn } from '../../subgraphs/people/src/domain/id-number.js';
import { maskDocumentNumber, maskName, maskPhone } from '../../subgraphs/people/src/domain/masking.js';
import { TAG_LABELS } from '../../subgraphs/people/src/domain/tags.js';
import { graphql, tokenFor } from '../support/graphql.js';
import {
  ALL_AREAS,
  demo,
  residentsUnder,
  SANYIQIAO,
  sortedIds,
  statementsDuring as countStatements,
  usePeople,
  world,
  ZIDONGGE,
} from './support.js';

const env = usePeople();
let admin: string;
let sanyiqiaoWorker: string;

beforeAll(async () => {
  admin = await tokenFor('STREET_ADMIN', ALL_AREAS);
  sanyiqiaoWorker = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO]);
});

/** How many SQL statements the people database ran while `work` ran. */
const statementsDuring = (work: () => Promise<void>) => countStatements(env.services.people, work);

const tagsOf = (personId: string) =>
  world()
    .tags.filter((tag) => tag.personId === personId)
    .map((tag) => tag.code);
const someoneWith = (predicate: (person: ReturnType<typeof world>['people'][number]) => boolean) => {
  const person = world().people.find(predicate);
  if (!person) throw new Error('the demo world has no such person');
  return person;
};

describe('reading the register', () => {
  it('refuses a request without a token and returns no data', async () => {
    const response = await graphql(env.url, '{ people { totalCount } }');
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves a resident with ID number and phone masked and gender, age and birth year derived', async () => {
    const person = someoneWith((candidate) => candidate.phone !== null && tagsOf(candidate.id).length > 0);
    const { data } = await graphql(
      env.url,
      `{ person(id: "${person.id}") { id name idNumber phone gender birthYear age residencyType status registeredAt tags { code label } grid { id code } } }`,
      { token: admin },
    );
    expect(data?.person).toMatchObject({
      id: person.id,
      name: person.name,
      idNumber: maskDocumentNumber(person.idNumber),
      phone: maskPhone(person.phone ?? ''),
      gender: person.gender,
      birthYear: Number(person.birthDate.slice(0, 4)),
      residencyType: person.residencyType,
      status: 'ACTIVE',
      registeredAt: person.registeredAt.toISOString(),
      grid: { id: person.gridId, code: person.areaCode },
    });
    expect(data?.person.idNumber).toMatch(/^510\*{12}[\dX]{3}$/);
    expect(data?.person.age).toBeGreaterThanOrEqual(0);
    expect(data?.person.tags).toEqual([...tagsOf(person.id)].sort().map((code) => ({ code, label: TAG_LABELS[code] })));
  });

  it('serves a household with its grid and its members, the head first', async () => {
    const household = world().households.find(
      (candidate) => world().people.filter((person) => person.householdId === candidate.id).length >= 3,
    );
    const members = world().people.filter((person) => person.householdId === household?.id);
    const { data } = await graphql(
      env.url,
      `{ household(id: "${household?.id}") { address grid { id code } members { relation person { id household { id } } } } }`,
      { token: admin },
    );
    expect(data?.household.address).toBe(household?.address);
    expect(data?.household.grid).toEqual({ id: household?.gridId, code: household?.areaCode });
    expect(data?.household.members).toHaveLength(members.length);
    expect(data?.household.members[0].relation).toBe('户主');
    expect(sortedIds(data?.household.members.map((member: { person: { id: string } }) => member.person))).toEqual(
      sortedIds(members),
    );
    expect(data?.household.members[1].person.household.id).toBe(household?.id);
  });

  it('an analyst lists people with names masked as 张*明 and cannot search by name or read households', async () => {
    const analyst = await tokenFor('ANALYST', [SANYIQIAO]);
    const { data } = await graphql(env.url, '{ people(first: 100) { totalCount edges { node { id name } } } }', {
      token: analyst,
    });
    const expected = residentsUnder(SANYIQIAO).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(data?.people.totalCount).toBe(expected.length);
    expect(data?.people.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      expected.map((person) => ({ id: person.id, name: maskName(person.name) })),
    );
    expect(data?.people.edges[0].node.name).toMatch(/^.\*+.?$/u);

    const byName = await graphql(env.url, '{ people(filter: { namePrefix: "张" }) { totalCount } }', {
      token: analyst,
    });
    expect(byName.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const household = await graphql(env.url, `{ household(id: "${expected[0]?.householdId}") { address } }`, {
      token: analyst,
    });
    expect(household.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a volunteer cannot read the register', async () => {
    const volunteer = await tokenFor('VOLUNTEER', [SANYIQIAO]);
    const response = await graphql(env.url, '{ people { totalCount } }', { token: volunteer });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a community worker cannot read residents of another community', async () => {
    const neighbour = residentsUnder(ZIDONGGE)[0];
    const own = residentsUnder(SANYIQIAO);
    const { data } = await graphql(
      env.url,
      `{ other: person(id: "${neighbour?.id}") { id } mine: person(id: "${own[0]?.id}") { id } all: people(first: 100) { totalCount edges { node { id grid { code } } } } asked: people(filter: { areaCode: "${ZIDONGGE}" }) { totalCount } household(id: "${neighbour?.householdId}") { id } }`,
      { token: sanyiqiaoWorker },
    );
    expect(data?.other).toBeNull();
    expect(data?.mine).toEqual({ id: own[0]?.id });
    expect(data?.household).toBeNull();
    expect(data?.asked.totalCount).toBe(0);
    expect(data?.all.totalCount).toBe(own.length);
    expect(sortedIds(data?.all.edges.map((edge: { node: { id: string } }) => edge.node))).toEqual(sortedIds(own));
  });
});

describe('filtering people', () => {
  it('filters by area, residency type, status, tags and name prefix with exact counts', async () => {
    const street = '510116001';
    // The most common first character, so the prefix matches several people whatever the seed.
    const firstCharacters = world().people.map((person) => person.name[0] ?? '');
    const surname =
      [...new Set(firstCharacters)].sort(
        (a, b) => firstCharacters.filter((c) => c === b).length - firstCharacters.filter((c) => c === a).length,
      )[0] ?? '';
    const inStreet = residentsUnder(street);
    const carries = (personId: string, ...codes: string[]) => codes.every((code) => tagsOf(personId).includes(code));
    const expected = {
      street: inStreet.length,
      community: residentsUnder(SANYIQIAO).length,
      floating: inStreet.filter((person) => person.residencyType === 'FLOATING').length,
      active: inStreet.length,
      movedOut: 0,
      party: inStreet.filter((person) => carries(person.id, 'PARTY_MEMBER')).length,
      partyVeterans: world().people.filter((person) => carries(person.id, 'PARTY_MEMBER', 'VETERAN')).length,
      elderParty: world().people.filter((person) => carries(person.id, 'LIVING_ALONE_ELDER', 'PARTY_MEMBER')).length,
      surname: world().people.filter((person) => person.name.startsWith(surname)).length,
      surnameFloating: world().people.filter(
        (person) => person.name.startsWith(surname) && person.residencyType === 'FLOATING',
      ).length,
    };
    expect(expected.partyVeterans).toBeGreaterThan(0);
    expect(expected.elderParty).toBeGreaterThan(0);
    expect(expected.surname).toBeGreaterThan(1);
    const { data } = await graphql(
      env.url,
      `query($surname: String!) {
      street: people(filter: { areaCode: "${street}" }) { totalCount }
      community: people(filter: { areaCode: "${SANYIQIAO}" }) { totalCount }
      floating: people(filter: { areaCode: "${street}", residencyType: FLOATING }) { totalCount }
      active: people(filter: { areaCode: "${street}", status: ACTIVE }) { totalCount }
      movedOut: people(filter: { areaCode: "${street}", status: MOVED_OUT }) { totalCount }
      party: people(filter: { areaCode: "${street}", tags: ["PARTY_MEMBER"] }) { totalCount }
      partyVeterans: people(filter: { tags: ["PARTY_MEMBER", "VETERAN", "VETERAN"] }) { totalCount }
      elderParty: people(filter: { tags: ["LIVING_ALONE_ELDER", "PARTY_MEMBER"] }) { totalCount }
      surname: people(filter: { namePrefix: $surname }) { totalCount }
      surnameFloating: people(filter: { namePrefix: $surname, residencyType: FLOATING }) { totalCount }
      wildcard: people(filter: { namePrefix: "%" }) { totalCount }
    }`,
      { token: admin, variables: { surname } },
    );
    const counts = Object.fromEntries(
      Object.entries(data ?? {}).map(([key, value]) => [key, (value as { totalCount: number }).totalCount]),
    );
    expect(counts).toEqual({ ...expected, wildcard: 0 });
  });

  it('lists people carrying every tag asked for, each with those tags', async () => {
    const { data } = await graphql(
      env.url,
      '{ people(filter: { tags: ["PARTY_MEMBER", "VETERAN"] }) { edges { node { id tags { code } } } } }',
      { token: admin },
    );
    const expected = world().people.filter((person) =>
      ['PARTY_MEMBER', 'VETERAN'].every((code) => tagsOf(person.id).includes(code)),
    );
    expect(sortedIds(data?.people.edges.map((edge: { node: { id: string } }) => edge.node))).toEqual(
      sortedIds(expected),
    );
    for (const edge of data?.people.edges ?? [])
      expect(edge.node.tags.map((tag: { code: string }) => tag.code)).toEqual(
        expect.arrayContaining(['PARTY_MEMBER', 'VETERAN']),
      );
  });

  it('refuses an unknown tag and a malformed area code in a filter', async () => {
    const tag = await graphql(env.url, '{ people(filter: { tags: ["PARTY_MEMBER", "MARTIAN"] }) { totalCount } }', {
      token: admin,
    });
    expect(tag.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter' });
    expect(tag.errors?.[0]?.message).toContain('MARTIAN');
    const code = await graphql(env.url, '{ people(filter: { areaCode: "5101" }) { totalCount } }', { token: admin });
    expect(code.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.areaCode' });
  });

  it('pages people by id with opaque cursors', async () => {
    const query =
      'query($after: String) { people(filter: { areaCode: "510116001" }, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }';
    const first = await graphql(env.url, query, { token: admin });
    const second = await graphql(env.url, query, {
      token: admin,
      variables: { after: first.data?.people.pageInfo.endCursor },
    });
    const ids = [...first.data!.people.edges, ...second.data!.people.edges].map(
      (edge: { node: { id: string } }) => edge.node.id,
    );
    expect(ids).toEqual(sortedIds(residentsUnder('510116001')).slice(0, 14));
    expect(second.data?.people.pageInfo.hasNextPage).toBe(true);
  });
});

describe('residents of grids', () => {
  const entities =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { code residents(first: 3) { totalCount edges { node { id name tags { label } } } } } } }';
  const reference = (grid: ReturnType<typeof world>['grids'][number]) => ({
    __typename: 'Grid',
    id: grid.id,
    code: grid.code,
  });

  it('counts the residents of a micro-grid, a general grid and a community total grid exactly', async () => {
    const micro = world().grids.find((grid) => grid.type === 'MICRO' && grid.communityCode === SANYIQIAO);
    const general = world().grids.find((grid) => grid.type === 'GENERAL' && grid.communityCode === SANYIQIAO);
    const total = world().grids.find((grid) => grid.type === 'COMMUNITY_TOTAL' && grid.communityCode === SANYIQIAO);
    const outside = world().grids.find((grid) => grid.type === 'COMMUNITY_TOTAL' && grid.communityCode === ZIDONGGE);
    const grids = [micro, general, total, outside].map((grid) => grid ?? world().grids[0]!);
    const { data } = await graphql(env.url, entities, {
      token: sanyiqiaoWorker,
      variables: { r: grids.map(reference) },
    });
    const totals = data?._entities.map((entity: { residents: { totalCount: number } }) => entity.residents.totalCount);
    expect(totals).toEqual([
      world().people.filter((person) => person.areaCode === micro?.code).length,
      residentsUnder(general?.code ?? '').length,
      residentsUnder(SANYIQIAO).length,
      0,
    ]);
    expect(totals[0]).toBeGreaterThan(0);
    const firstIds = data?._entities[2].residents.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(firstIds).toEqual(sortedIds(residentsUnder(SANYIQIAO)).slice(0, 3));
  });

  it('answers residents of 5 grids and of 50 grids with the same number of SQL statements', async () => {
    const grids = world()
      .grids.filter((grid) => grid.type === 'MICRO')
      .slice(0, 50);
    expect(grids).toHaveLength(50);
    const statements = (count: number) =>
      statementsDuring(async () => {
        const { data } = await graphql(env.url, entities, {
          token: admin,
          variables: { r: grids.slice(0, count).map(reference) },
        });
        expect(data?._entities).toHaveLength(count);
        expect(data?._entities[count - 1].residents.totalCount).toBe(
          world().people.filter((person) => person.gridId === grids[count - 1]?.id).length,
        );
      });
    const five = await statements(5);
    expect(await statements(50)).toBe(five);
    // One each for the pages' ids, their rows, the counts, the tags and the tag catalogue.
    expect(five).toBe(5);
  });

  it('resolves person references in one statement however many are asked', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }';
    const statements = (count: number) =>
      statementsDuring(async () => {
        const { data } = await graphql(env.url, query, {
          token: admin,
          variables: {
            r: world()
              .people.slice(0, count)
              .map((person) => ({ __typename: 'Person', id: person.id })),
          },
        });
        expect(data?._entities.map((entity: { name: string }) => entity.name)).toEqual(
          world()
            .people.slice(0, count)
            .map((person) => person.name),
        );
      });
    expect(await statements(5)).toBe(1);
    expect(await statements(100)).toBe(1);
  });
});

describe('the work’s queries', () => {
  it('filters by age range with exact counts', async () => {
    const today = shanghaiToday();
    const aged = (min: number, max: number) =>
      world().people.filter((person) => ageOn(person.birthDate, today) >= min && ageOn(person.birthDate, today) <= max)
        .length;
    const { data } = await graphql(
      env.url,
      `{
      elders: people(filter: { minAge: 60 }) { totalCount }
      children: people(filter: { maxAge: 17 }) { totalCount }
      band: people(filter: { minAge: 35, maxAge: 59, areaCode: "510116" }) { totalCount }
      exact: people(filter: { minAge: 80, maxAge: 80 }) { totalCount }
    }`,
      { token: admin },
    );
    expect(data).toEqual({
      elders: { totalCount: aged(60, 200) },
      children: { totalCount: aged(0, 17) },
      band: {
        totalCount: world().people.filter(
          (person) =>
            person.areaCode.startsWith('510116') &&
            ageOn(person.birthDate, today) >= 35 &&
            ageOn(person.birthDate, today) <= 59,
        ).length,
      },
      exact: { totalCount: aged(80, 80) },
    });
    expect(data?.elders.totalCount).toBeGreaterThan(0);
  });

  it('refuses an age range that cannot hold anyone', async () => {
    const reversed = await graphql(env.url, '{ people(filter: { minAge: 60, maxAge: 30 }) { totalCount } }', {
      token: admin,
    });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.minAge' });
    const negative = await graphql(env.url, '{ people(filter: { maxAge: -1 }) { totalCount } }', { token: admin });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.maxAge' });
  });

  it('serves the document, residency dates, building, room and status date of a resident', async () => {
    const person = demo().people.find((candidate) => candidate.residencyType === 'FLOATING')!;
    const { data } = await graphql(
      env.url,
      `{ person(id: "${person.id}") { documentType residencySince residencyUntil building { id } room status statusSince statusReason } }`,
      { token: admin },
    );
    expect(data?.person).toEqual({
      documentType: 'RESIDENT_ID_CARD',
      residencySince: person.residencySince,
      residencyUntil: person.residencyUntil,
      building: { id: person.buildingId },
      room: person.room,
      status: 'ACTIVE',
      statusSince: person.statusSince,
      statusReason: null,
    });
    expect(person.residencyUntil).not.toBeNull();
  });

  it('lists the residents of buildings, many buildings in the same number of statements as one', async () => {
    const query =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Building { id residents(first: 50) { totalCount edges { node { id } } } } } }';
    const buildings = world().buildings.slice(0, 20);
    const statements = (count: number) =>
      statementsDuring(async () => {
        const { data } = await graphql(env.url, query, {
          token: admin,
          variables: { r: buildings.slice(0, count).map((building) => ({ __typename: 'Building', id: building.id })) },
        });
        for (const [index, building] of buildings.slice(0, count).entries()) {
          const living = world().people.filter((person) => person.buildingId === building.id);
          expect(data?._entities[index].residents.totalCount).toBe(living.length);
          expect(data?._entities[index].residents.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
            sortedIds(living),
          );
        }
      });
    expect(await statements(1)).toBe(await statements(20));
  });

  it('pages through every resident of a district by keyset, without gaps or repeats', async () => {
    const query =
      'query($after: String) { people(filter: { areaCode: "510116" }, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }';
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const { data }: { data?: Record<string, any> | null } = await graphql(env.url, query, {
        token: admin,
        variables: { after },
      });
      ids.push(...data!.people.edges.map((edge: { node: { id: string } }) => edge.node.id));
      after = data?.people.pageInfo.hasNextPage ? data.people.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toEqual(sortedIds(residentsUnder('510116')));
  });
});
