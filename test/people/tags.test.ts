import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../subgraphs/kit/src/demo/world.js';
import { PersonTag } from '../../subgraphs/people/src/entities/person-tag.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { currentTagCodes, demo, residentsUnder, SANYIQIAO, usePeople, ZIDONGGE } from './support.js';

const env = usePeople();
let worker: string;

beforeAll(async () => {
  worker = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO]);
});

const SET_TAGS = `mutation($input: SetTagsInput!) {
  setTags(input: $input) {
    person { id tags { code label occupation since until } tagHistory { code occupation since until } }
    userErrors { code field message }
  }
}`;
const setTags = (personId: string, tags: Record<string, unknown>[], token = worker) =>
  graphql(env.url, SET_TAGS, { token, variables: { input: { personId, tags } } });
const tagRows = () => env.services.people.db.dataSource.getRepository(PersonTag).count();

describe('setting tags', () => {
  let person: DemoPerson;
  beforeAll(() => {
    person = residentsUnder(SANYIQIAO).find((candidate) => currentTagCodes(candidate.id).length === 0)!;
  });

  it('opens new tags, closes dropped ones and keeps every period in the history', async () => {
    const first = await setTags(person.id, [
      { code: 'VETERAN' },
      { code: 'NEW_EMPLOYMENT_WORKER', occupation: 'COURIER', since: '2024-03-01' },
    ]);
    expect(first.data?.setTags.userErrors).toEqual([]);
    expect(first.data?.setTags.person.tags).toMatchObject([
      {
        code: 'NEW_EMPLOYMENT_WORKER',
        label: '新就业形态劳动者',
        occupation: 'COURIER',
        since: '2024-02-29T16:00:00.000Z',
        until: null,
      },
      { code: 'VETERAN', label: '退役军人', occupation: null, until: null },
    ]);

    const second = await setTags(person.id, [{ code: 'NEW_EMPLOYMENT_WORKER', occupation: 'DELIVERY_RIDER' }]);
    const { tags, tagHistory } = second.data!.setTags.person;
    expect(tags).toMatchObject([{ code: 'NEW_EMPLOYMENT_WORKER', occupation: 'DELIVERY_RIDER', until: null }]);
    expect(tagHistory).toHaveLength(3);
    const closed = tagHistory.filter((tag: { until: string | null }) => tag.until !== null);
    expect(closed.map((tag: { code: string; occupation: string | null }) => [tag.code, tag.occupation]).sort()).toEqual(
      [
        ['NEW_EMPLOYMENT_WORKER', 'COURIER'],
        ['VETERAN', null],
      ],
    );
  });

  it('changes nothing when the tags are the same, and clears them with an empty list', async () => {
    const before = await tagRows();
    await setTags(person.id, [{ code: 'NEW_EMPLOYMENT_WORKER', occupation: 'DELIVERY_RIDER' }]);
    expect(await tagRows()).toBe(before);
    const cleared = await setTags(person.id, []);
    expect(cleared.data?.setTags.person.tags).toEqual([]);
    expect(cleared.data?.setTags.person.tagHistory.every((tag: { until: string | null }) => tag.until !== null)).toBe(
      true,
    );
  });

  it.each([
    ['an unknown tag', [{ code: 'MARTIAN' }], 'UNKNOWN_TAG', ['input', 'tags', '0', 'code']],
    [
      'a 新就业形态劳动者 without occupation',
      [{ code: 'NEW_EMPLOYMENT_WORKER' }],
      'OCCUPATION_REQUIRED',
      ['input', 'tags', '0', 'occupation'],
    ],
    [
      'an occupation on a tag that takes none',
      [{ code: 'VETERAN', occupation: 'COURIER' }],
      'OCCUPATION_NOT_ALLOWED',
      ['input', 'tags', '0', 'occupation'],
    ],
    ['the same tag twice', [{ code: 'VETERAN' }, { code: 'VETERAN' }], 'DUPLICATE_TAG', ['input', 'tags']],
    [
      'a start in the future',
      [{ code: 'VETERAN', since: '2999-01-01' }],
      'INVALID_DATE',
      ['input', 'tags', '0', 'since'],
    ],
  ])('refuses %s and writes nothing', async (_, tags, code, field) => {
    const before = await tagRows();
    const { data } = await setTags(person.id, tags);
    expect(data?.setTags.userErrors[0]).toMatchObject({ code, field });
    expect(await tagRows()).toBe(before);
  });

  it('refuses a person of another community as not found', async () => {
    const { data } = await setTags(residentsUnder(ZIDONGGE)[0]!.id, [{ code: 'VETERAN' }]);
    expect(data?.setTags.userErrors).toEqual([
      { code: 'PERSON_NOT_FOUND', field: ['input', 'personId'], message: '人员不存在或不在您的管辖范围内' },
    ]);
  });

  it('serves the demo data’s ended tags as history and occupations of new-employment workers', async () => {
    const admin = await tokenFor('STREET_ADMIN', ['510115', '510116']);
    const ended = demo().tags.find((tag) => tag.until !== null)!;
    const { data } = await graphql(
      env.url,
      `{ person(id: "${ended.personId}") { tags { code } tagHistory { code until } } }`,
      { token: admin },
    );
    expect(data?.person.tagHistory).toContainEqual({ code: ended.code, until: ended.until?.toISOString() });
    expect(data?.person.tags.map((tag: { code: string }) => tag.code).sort()).toEqual(
      currentTagCodes(ended.personId).sort(),
    );
    const rider = demo().tags.find((tag) => tag.code === 'NEW_EMPLOYMENT_WORKER')!;
    const riderRead = await graphql(env.url, `{ person(id: "${rider.personId}") { tags { code occupation } } }`, {
      token: admin,
    });
    expect(riderRead.data?.person.tags).toContainEqual({ code: 'NEW_EMPLOYMENT_WORKER', occupation: rider.occupation });
  });
});

describe('the tag catalogue', () => {
  const DEFINE =
    'mutation($input: DefineTagInput!) { defineTag(input: $input) { tag { code label needsOccupation } userErrors { code field message } } }';

  it('grows without a schema change: a new tag is usable at once in tags, filters and statistics', async () => {
    const curator = await tokenFor('STREET_ADMIN', [SANYIQIAO], { permissions: ['tag:write'] });
    const defined = await graphql(env.url, DEFINE, {
      token: curator,
      variables: { input: { code: 'FLOOD_RISK_HOUSEHOLD', label: '防汛重点户' } },
    });
    expect(defined.data?.defineTag).toEqual({
      tag: { code: 'FLOOD_RISK_HOUSEHOLD', label: '防汛重点户', needsOccupation: false },
      userErrors: [],
    });
    const person = residentsUnder(SANYIQIAO)[3]!;
    const tagged = await setTags(person.id, [{ code: 'FLOOD_RISK_HOUSEHOLD' }]);
    expect(tagged.data?.setTags.person.tags).toMatchObject([{ code: 'FLOOD_RISK_HOUSEHOLD', label: '防汛重点户' }]);
    const { data } = await graphql(
      env.url,
      `{
      tagDefinitions { code }
      people(filter: { tags: ["FLOOD_RISK_HOUSEHOLD"] }) { totalCount }
      _entities(representations: [{ __typename: "Area", code: "${SANYIQIAO}" }]) { ... on Area { populationStats { byTag { code count } } } }
    }`,
      { token: worker },
    );
    expect(data?.tagDefinitions.map((tag: { code: string }) => tag.code)).toContain('FLOOD_RISK_HOUSEHOLD');
    expect(data?.people.totalCount).toBe(1);
    expect(data?._entities[0].populationStats.byTag).toContainEqual({ code: 'FLOOD_RISK_HOUSEHOLD', count: 1 });
  });

  it('refuses malformed codes and labels, a label taken, and writers without tag:write', async () => {
    const curator = await tokenFor('STREET_ADMIN', [SANYIQIAO], { permissions: ['tag:write'] });
    const malformed = await graphql(env.url, DEFINE, {
      token: curator,
      variables: { input: { code: 'flood', label: '防' } },
    });
    expect(malformed.data?.defineTag.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_TAG_CODE',
      'INVALID_TAG_LABEL',
    ]);
    const taken = await graphql(env.url, DEFINE, {
      token: curator,
      variables: { input: { code: 'ANOTHER_ELDER', label: '空巢老人' } },
    });
    expect(taken.data?.defineTag.userErrors).toMatchObject([
      { code: 'DUPLICATE_TAG_LABEL', field: ['input', 'label'] },
    ]);
    const refused = await graphql(env.url, DEFINE, {
      token: worker,
      variables: { input: { code: 'SOMETHING', label: '某类人群' } },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
