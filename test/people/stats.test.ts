import { beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../subgraphs/kit/src/time.js';
import { AGE_BANDS, ageBandOf } from '../../subgraphs/people/src/domain/age-bands.js';
import { ageOn } from '../../subgraphs/people/src/domain/id-number.js';
import { TAG_LABELS } from '../../subgraphs/people/src/domain/tags.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { accessesOf, capturingStatements } from '../support/plans.js';
import { ALL_AREAS, demo, residentsUnder, SANYIQIAO, statementsDuring, usePeople, world } from './support.js';

const env = usePeople();
let reader: string;

beforeAll(async () => {
  // A viewer who reads the register sees exact counts; an analyst's small cells are
  // suppressed (test/security/analyst-and-purposes.test.ts).
  reader = await tokenFor('STREET_ADMIN', ALL_AREAS);
});

const STATS =
  'areaCode complete total byGender { gender count } byResidencyType { residencyType count } byAgeBand { band label minAge maxAge count } byTag { code label count }';
const areaStats = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { code populationStats { ${STATS} } } } }`;
const gridStats = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { code residentStats { ${STATS} } } } }`;

/** The statistics the demo data should give under a prefix, computed from the rows seeded. */
function expectedStats(prefix: string, complete = true) {
  const people = demo().people.filter((person) => person.areaCode.startsWith(prefix) && person.status === 'ACTIVE');
  const count = (keep: (person: (typeof people)[number]) => boolean) => people.filter(keep).length;
  const today = shanghaiToday();
  const current = demo().tags.filter((tag) => tag.until === null && tag.areaCode.startsWith(prefix));
  return {
    areaCode: prefix,
    complete,
    total: people.length,
    byGender: ['MALE', 'FEMALE'].map((gender) => ({ gender, count: count((person) => person.gender === gender) })),
    byResidencyType: ['REGISTERED', 'PERMANENT', 'FLOATING'].map((residencyType) => ({
      residencyType,
      count: count((person) => person.residencyType === residencyType),
    })),
    byAgeBand: AGE_BANDS.map((band) => ({
      ...band,
      count: count((person) => ageBandOf(ageOn(person.birthDate, today)) === band.band),
    })),
    byTag: Object.keys(TAG_LABELS)
      .sort()
      .map((code) => ({ code, label: TAG_LABELS[code], count: current.filter((tag) => tag.code === code).length })),
  };
}

describe('population statistics', () => {
  it('counts a district, a street, a community and a city exactly, in SQL', async () => {
    const codes = ['510116', '510116001', SANYIQIAO, '510100'];
    const { data } = await graphql(env.url, areaStats, {
      token: reader,
      variables: { r: codes.map((code) => ({ __typename: 'Area', code })) },
    });
    expect(data?._entities.map((entity: { populationStats: unknown }) => entity.populationStats)).toEqual([
      expectedStats('510116'),
      expectedStats('510116001'),
      expectedStats(SANYIQIAO),
      // The reader sees two districts of the city, not all of it.
      expectedStats('5101', false),
    ]);
    expect(data?._entities[3].populationStats.total).toBe(world().people.length);
    expect(
      data?._entities[1].populationStats.byTag.find((tag: { code: string }) => tag.code === 'EMPTY_NEST_ELDER').count,
    ).toBeGreaterThan(0);
  });

  it('counts grids: a micro-grid, a general grid and a community total grid', async () => {
    const grids = ['MICRO', 'GENERAL', 'COMMUNITY_TOTAL'].map(
      (type) => world().grids.find((grid) => grid.type === type && grid.communityCode === SANYIQIAO)!,
    );
    const { data } = await graphql(env.url, gridStats, {
      token: reader,
      variables: { r: grids.map((grid) => ({ __typename: 'Grid', id: grid.id, code: grid.code })) },
    });
    expect(data?._entities.map((entity: { residentStats: unknown }) => entity.residentStats)).toEqual([
      expectedStats(grids[0]!.code),
      expectedStats(grids[1]!.code),
      expectedStats(SANYIQIAO),
    ]);
  });

  it('takes a bounded number of statements: one street or fifty micro-grids alike', async () => {
    const street = await statementsDuring(env.services.people, async () => {
      const { data } = await graphql(env.url, areaStats, {
        token: reader,
        variables: { r: [{ __typename: 'Area', code: '510116001' }] },
      });
      expect(data?._entities[0].populationStats.total).toBe(residentsUnder('510116001').length);
    });
    const micros = world()
      .grids.filter((grid) => grid.type === 'MICRO')
      .slice(0, 50);
    const fifty = await statementsDuring(env.services.people, async () => {
      const { data } = await graphql(env.url, gridStats, {
        token: reader,
        variables: { r: micros.map((grid) => ({ __typename: 'Grid', id: grid.id, code: grid.code })) },
      });
      expect(data?._entities).toHaveLength(50);
    });
    // Residents grouped, current tags counted, the tag catalogue.
    expect(street).toBe(3);
    expect(fifty).toBe(3);
  });

  it('counts residents and tags from indexes alone, looking up only each tag holder’s status', async () => {
    const micros = world()
      .grids.filter((grid) => grid.type === 'MICRO')
      .slice(0, 5);
    const { people } = env.services;
    const sent = await capturingStatements(people.db, () =>
      graphql(env.url, gridStats, {
        token: reader,
        variables: { r: micros.map((grid) => ({ __typename: 'Grid', id: grid.id, code: grid.code })) },
      }),
    );
    const groups = sent.find(([sql]) => sql.includes('FROM person WHERE'));
    const tags = sent.find(([sql]) => sql.includes('FROM person_tag t'));
    expect(new Set(await accessesOf(people.db, groups!, 'person'))).toEqual(new Set(['index-only idx_person_stats']));
    expect(new Set(await accessesOf(people.db, tags!, 't'))).toEqual(new Set(['index-only idx_person_tag_counts']));
    // The holder's status: one primary-key lookup per tag, never a scan.
    expect(
      (await accessesOf(people.db, tags!, 'p')).every((access) =>
        /^index(-only)? (PRIMARY|sqlite_autoindex_person_1)$/.test(access),
      ),
    ).toBe(true);
  });

  it('counts only what the viewer may see, and says so', async () => {
    const worker = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO]);
    const { data } = await graphql(env.url, areaStats, {
      token: worker,
      variables: { r: [{ __typename: 'Area', code: '510116001' }] },
    });
    expect(data?._entities[0].populationStats).toEqual({
      ...expectedStats(SANYIQIAO),
      areaCode: '510116001',
      complete: false,
    });
  });

  it('leaves out residents who moved out or died', async () => {
    const person = residentsUnder(SANYIQIAO)[0]!;
    const admin = await tokenFor('STREET_ADMIN', ['510116001']);
    const before = (
      await graphql(env.url, areaStats, { token: admin, variables: { r: [{ __typename: 'Area', code: SANYIQIAO }] } })
    ).data?._entities[0].populationStats.total;
    const moved = await graphql(
      env.url,
      'mutation($id: ID!) { movePerson(input: { personId: $id, leftFor: "重庆市渝中区", movedOn: "2026-01-05" }) { userErrors { code } } }',
      { token: admin, variables: { id: person.id } },
    );
    expect(moved.data?.movePerson.userErrors).toEqual([]);
    const after = (
      await graphql(env.url, areaStats, { token: admin, variables: { r: [{ __typename: 'Area', code: SANYIQIAO }] } })
    ).data?._entities[0].populationStats.total;
    expect(after).toBe(before - 1);
  });

  it('is refused to viewers who may not count residents', async () => {
    const volunteer = await tokenFor('VOLUNTEER', [SANYIQIAO]);
    const { errors } = await graphql(env.url, areaStats, {
      token: volunteer,
      variables: { r: [{ __typename: 'Area', code: SANYIQIAO }] },
    });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
