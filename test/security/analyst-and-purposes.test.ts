import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskDocumentNumber } from '../../subgraphs/people/src/domain/masking.js';
import { PiiAccessLog } from '../../subgraphs/people/src/entities/pii-access-log.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { ALL_AREAS, SANYIQIAO, ZIDONGGE, demo, residentsUnder, usePeople, world } from '../people/support.js';

/**
 * Issue 14, items 5 and 6, tried against the people subgraph as an attacker would:
 * an analyst listing the members of sensitive groups, an analyst reading small cells of
 * the statistics, and purposes that are not purposes (free text, dots, invisible and
 * control characters, broken escapes) meant to unmask ID numbers. Each attempt counts as
 * tried, and as held when it is refused (or the cell hidden) and nothing is unmasked.
 */
const env = usePeople();
const tally = { tried: 0, held: 0 };
const byKind = new Map<string, { tried: number; held: number }>();
/** Counts one attempt of a kind; returns whether it held. */
function counted(kind: string, held: boolean): boolean {
  const entry = byKind.get(kind) ?? { tried: 0, held: 0 };
  entry.tried += 1;
  tally.tried += 1;
  if (held) {
    entry.held += 1;
    tally.held += 1;
  }
  byKind.set(kind, entry);
  return held;
}
afterAll(() => {
  // The attack count, for the closing note.
  const kinds = [...byKind].map(([kind, { tried, held }]) => `${kind} ${held}/${tried}`).join(', ');
  process.stdout.write(`security/analyst-and-purposes: ${tally.held} of ${tally.tried} attempts held (${kinds})\n`);
});

const SENSITIVE = ['DISABLED', 'LOW_INCOME', 'KEY_CONCERN'];
const CODES = ['VISIT_CARE', 'POLICY_VERIFICATION', 'EMERGENCY_RESPONSE', 'DATA_CORRECTION', 'JUDICIAL_ASSISTANCE'];
const CHINESE = /[\u4e00-\u9fa5]/;

let analyst: string;
let worker: string;
let reader: string;
let auditor: string;

beforeAll(async () => {
  analyst = await tokenFor('ANALYST', ALL_AREAS, { subject: 'analyst' });
  worker = await tokenFor('STREET_ADMIN', ALL_AREAS, { subject: 'worker' });
  reader = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO], { subject: 'reader', permissions: ['pii:read'] });
  auditor = await tokenFor('STREET_ADMIN', ['510116001'], { subject: 'auditor' });
});

const ask = (query: string, token: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  graphql(env.url, query, { token, variables, ...(headers ? { headers } : {}) });
const log = () => env.services.people.db.dataSource.getRepository(PiiAccessLog);

/** Current carriers of a tag under a prefix, as seeded. */
const carriers = (code: string, prefix: string) =>
  demo().tags.filter((tag) => tag.until === null && tag.code === code && tag.areaCode.startsWith(prefix)).length;

describe('the tag catalogue marks sensitive groups', () => {
  it('serves `sensitive` on every tag: 残疾人, 低保 and 重点关注 are, the others are not', async () => {
    const { data } = await ask('{ tagDefinitions { code label sensitive } }', worker);
    const sensitive = data?.tagDefinitions.filter((tag: { sensitive: boolean }) => tag.sensitive);
    expect(sensitive.map((tag: { code: string }) => tag.code).sort()).toEqual([...SENSITIVE].sort());
    expect(data?.tagDefinitions).toHaveLength(8);
  });
});

describe('an analyst gets no person-level rows filtered by a sensitive tag', () => {
  const refusedRows = async (query: string, variables: Record<string, unknown> = {}, token = analyst) => {
    const { data, errors } = await ask(query, token, variables);
    const held = counted(
      'sensitive-tag rows',
      errors?.[0]?.extensions?.code === 'FORBIDDEN' && CHINESE.test(errors[0].message) && data?.people == null,
    );
    return { data, errors, held };
  };

  it('is refused with FORBIDDEN and a Chinese message for each sensitive tag, alone, combined, repeated or through variables', async () => {
    for (const code of SENSITIVE) {
      for (const query of [
        `{ people(filter: { tags: ["${code}"] }, first: 100) { totalCount edges { node { id name age birthYear grid { id } } } } }`,
        `{ people(filter: { tags: ["EMPTY_NEST_ELDER", "${code}"], areaCode: "${SANYIQIAO}" }) { totalCount } }`,
        `{ people(filter: { tags: ["${code}", "${code}"], minAge: 0, maxAge: 150 }) { edges { node { id } } } }`,
        `{ people(filter: { tags: ["${code}"], status: ACTIVE, residencyType: PERMANENT }, first: 1) { pageInfo { hasNextPage } } }`,
      ]) {
        const { errors, held } = await refusedRows(query);
        expect(held, query).toBe(true);
        expect(errors?.[0]?.message).toContain('敏感');
      }
      const viaVariables = await refusedRows(
        'query($f: PeopleFilter) { people(filter: $f) { totalCount edges { node { id } } } }',
        { f: { tags: [code], areaCode: '510116' } },
      );
      expect(viaVariables.held).toBe(true);
    }
  });

  it('is refused for a tag defined sensitive later, while a worker lists its carriers', async () => {
    const admin = await tokenFor('STREET_ADMIN', ['510116001'], { permissions: ['tag:write'] });
    const defined = await ask(
      'mutation { defineTag(input: { code: "LEFT_BEHIND_CHILD", label: "留守儿童", sensitive: true }) { tag { code sensitive } userErrors { code } } }',
      admin,
    );
    expect(defined.data?.defineTag).toEqual({ tag: { code: 'LEFT_BEHIND_CHILD', sensitive: true }, userErrors: [] });
    expect((await refusedRows('{ people(filter: { tags: ["LEFT_BEHIND_CHILD"] }) { totalCount } }')).held).toBe(true);
    const listed = await ask('{ people(filter: { tags: ["LEFT_BEHIND_CHILD"] }) { totalCount } }', worker);
    expect(listed.data?.people.totalCount).toBe(0);
  });

  it('is refused to any token without person:read, not only to the ANALYST role', async () => {
    const counter = await tokenFor('VOLUNTEER', ALL_AREAS, { permissions: ['person:count'] });
    expect((await refusedRows('{ people(filter: { tags: ["LOW_INCOME"] }) { totalCount } }', {}, counter)).held).toBe(
      true,
    );
  });

  it('an unknown spelling of a sensitive tag is no way round: BAD_USER_INPUT, no rows', async () => {
    for (const spelled of ['disabled', ' DISABLED', '残疾人', 'DISABLED\u200b']) {
      const { data, errors } = await ask(
        'query($t: [String!]) { people(filter: { tags: $t }) { totalCount } }',
        analyst,
        {
          t: [spelled],
        },
      );
      counted('sensitive-tag spellings', errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' && data?.people == null);
      expect(errors?.[0]?.extensions?.code, spelled).toBe('BAD_USER_INPUT');
    }
  });

  it('still lists by non-sensitive tags, and workers list by sensitive ones exactly', async () => {
    const elders = await ask(`{ people(filter: { tags: ["EMPTY_NEST_ELDER"] }) { totalCount } }`, analyst);
    expect(elders.errors).toBeUndefined();
    expect(elders.data?.people.totalCount).toBe(carriers('EMPTY_NEST_ELDER', ''));
    for (const code of SENSITIVE) {
      const { data, errors } = await ask(`{ people(filter: { tags: ["${code}"] }) { totalCount } }`, worker);
      expect(errors).toBeUndefined();
      expect(data?.people.totalCount).toBe(carriers(code, ''));
    }
  });
});

const STATS =
  'total totalSuppressed totalSuppressedReason minimumCellSize byGender { gender count suppressed suppressedReason } byResidencyType { residencyType count suppressed suppressedReason } byAgeBand { band count suppressed suppressedReason } byTag { code count suppressed suppressedReason }';

interface Cell {
  count: number | null;
  suppressed: boolean;
  suppressedReason: string | null;
}
interface Stats {
  total: number | null;
  totalSuppressed: boolean;
  totalSuppressedReason: string | null;
  minimumCellSize: number | null;
  byGender: Cell[];
  byResidencyType: Cell[];
  byAgeBand: Cell[];
  byTag: (Cell & { code: string })[];
}

async function statsOf(token: string, grids: { id: string; code: string }[], areas: string[]): Promise<Stats[]> {
  const { data, errors } = await ask(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { populationStats { ${STATS} } } ... on Grid { residentStats { ${STATS} } } } }`,
    token,
    {
      r: [
        ...areas.map((code) => ({ __typename: 'Area', code })),
        ...grids.map((grid) => ({ __typename: 'Grid', id: grid.id, code: grid.code })),
      ],
    },
  );
  expect(errors).toBeUndefined();
  return data?._entities.map((entity: { populationStats?: Stats; residentStats?: Stats }) =>
    'populationStats' in entity ? entity.populationStats : entity.residentStats,
  );
}

describe('an analyst sees cells below 5 people suppressed in every statistic', () => {
  it('hides each small cell (null, suppressed, a Chinese reason), protects it from the total, and shows every other count exactly as a worker sees it', async () => {
    const micros = world()
      .grids.filter((grid) => grid.type === 'MICRO')
      .slice(0, 40);
    const areas = ['510116', '510116001', SANYIQIAO, ZIDONGGE, '510100'];
    const exact = await statsOf(worker, micros, areas);
    const shown = await statsOf(analyst, micros, areas);
    let small = 0;
    let visible = 0;
    exact.forEach((truth, index) => {
      const seen = shown[index]!;
      // Workers: every count, nothing suppressed.
      expect(truth.minimumCellSize).toBeNull();
      expect(truth.totalSuppressed).toBe(false);
      expect(seen.minimumCellSize).toBe(5);
      const cellPairs: [number | null, Cell][] = [
        [
          truth.total,
          { count: seen.total, suppressed: seen.totalSuppressed, suppressedReason: seen.totalSuppressedReason },
        ],
      ];
      const partitions = ['byGender', 'byResidencyType', 'byAgeBand', 'byTag'] as const;
      for (const dimension of partitions) {
        truth[dimension].forEach((cell, at) => {
          expect(cell.suppressed).toBe(false);
          cellPairs.push([cell.count, seen[dimension][at]!]);
        });
        // No breakdown adding up to a shown total leaves exactly one cell to subtract.
        if (dimension !== 'byTag' && !seen.totalSuppressed)
          expect(seen[dimension].filter((cell) => cell.suppressed).length).not.toBe(1);
      }
      for (const [count, cell] of cellPairs) {
        if (count !== null && count < 5) {
          small += 1;
          const held = counted(
            'small cells',
            cell.count === null && cell.suppressed && CHINESE.test(cell.suppressedReason ?? ''),
          );
          expect(held).toBe(true);
        } else if (cell.suppressed) {
          // Hidden to protect a small cell of the same breakdown.
          expect(cell.count).toBeNull();
          expect(cell.suppressedReason).toMatch(CHINESE);
        } else {
          visible += 1;
          expect(cell.count).toBe(count);
          expect(cell.suppressedReason).toBeNull();
        }
      }
    });
    // The sample has both: small cells to hide and large ones to show.
    expect(small).toBeGreaterThan(40);
    expect(visible).toBeGreaterThan(40);
  });

  it('keeps counting sensitive groups for analysts: population statistics by tag', async () => {
    const [street] = await statsOf(analyst, [], ['510116001']);
    for (const code of SENSITIVE) {
      const expected = carriers(code, '510116001');
      const cell = street!.byTag.find((tag) => tag.code === code)!;
      expect(cell.count).toBe(expected >= 5 ? expected : null);
    }
    expect(street!.total).toBe(residentsUnder('510116001').length);
  });
});

describe('purposes come from a catalogue', () => {
  const person = () => residentsUnder(SANYIQIAO)[0]!;
  const ID_NUMBER = 'query($id: ID!) { person(id: $id) { id idNumber phone birthDate } }';

  it('lists the codes with Chinese labels and their legal basis', async () => {
    const { data } = await ask('{ accessPurposes { code label legalBasis description } }', analyst);
    expect(data?.accessPurposes.map((purpose: { code: string }) => purpose.code)).toEqual(CODES);
    expect(data?.accessPurposes.map((purpose: { label: string }) => purpose.label)).toEqual([
      '走访慰问',
      '政策核验',
      '应急处置',
      '数据订正',
      '司法协查',
    ]);
    for (const purpose of data?.accessPurposes ?? []) expect(purpose.legalBasis).toMatch(/个人信息保护法.*第.+条/);
  });

  it('refuses every malformed purpose header with BAD_USER_INPUT: nothing unmasked, nothing logged', async () => {
    const before = await log().count();
    const target = person();
    for (const header of [
      'ab',
      '..',
      '%E2%80%8B%E2%80%8B',
      '%00%00',
      '%ZZ%ZZ',
      encodeURIComponent('核实低保资格'),
      encodeURIComponent('走访慰问'),
      'visit_care',
      'VISIT_CARE,DATA_CORRECTION',
      'VISIT_CARE%00',
      'VISIT_CARE%E2%80%8B',
      'SELF_ACCESS',
      '%',
    ]) {
      const response = await ask(ID_NUMBER, reader, { id: target.id }, { 'x-access-purpose': header });
      const text = JSON.stringify(response);
      const held = counted(
        'purpose headers',
        response.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' &&
          CHINESE.test(response.errors[0].message) &&
          !text.includes(target.idNumber) &&
          (!target.phone || !text.includes(target.phone)),
      );
      expect(held, header).toBe(true);
      expect(response.errors?.[0]?.message).toContain('VISIT_CARE');
    }
    expect(await log().count()).toBe(before);
  });

  it('refuses free text and unreadable notes in the arguments: nothing unmasked, nothing logged', async () => {
    const before = await log().count();
    const target = person();
    const attempts: [string, Record<string, unknown>][] = [
      ['query($id: ID!) { person(id: $id) { idNumber(purpose: "ab") } }', {}],
      ['query($id: ID!, $p: String) { person(id: $id) { idNumber(purpose: $p) } }', { p: 'VISIT_CARE' }],
      ['query($id: ID!, $p: AccessPurposeCode) { person(id: $id) { idNumber(purpose: $p) } }', { p: '..' }],
      ['query($id: ID!, $p: AccessPurposeCode) { person(id: $id) { idNumber(purpose: $p) } }', { p: '\u200b\u200b' }],
      ['query($id: ID!, $p: AccessPurposeCode) { person(id: $id) { idNumber(purpose: $p) } }', { p: '\u0000\u0000' }],
      ['query($id: ID!, $p: AccessPurposeCode) { person(id: $id) { idNumber(purpose: $p) } }', { p: '%ZZ%ZZ' }],
      ['query($id: ID!, $n: String) { person(id: $id) { idNumber(note: $n) } }', { n: '入户走访核实' }],
      [
        'query($id: ID!, $n: String) { person(id: $id) { idNumber(purpose: VISIT_CARE, note: $n) } }',
        { n: '\u200b\u200b' },
      ],
      [
        'query($id: ID!, $n: String) { person(id: $id) { idNumber(purpose: VISIT_CARE, note: $n) } }',
        { n: '\u0000\u0000' },
      ],
      [
        'query($id: ID!, $n: String) { person(id: $id) { phone(purpose: VISIT_CARE, note: $n) } }',
        { n: '查'.repeat(201) },
      ],
      [
        'query($id: ID!, $n: String) { person(id: $id) { birthDate(purpose: VISIT_CARE, note: $n) } }',
        { n: 'a\u202eb' },
      ],
      ['query($n: String!) { personByIdNumber(idNumber: $n, purpose: "ab") { id } }', {}],
      [
        'query($n: String!, $note: String) { personByIdNumber(idNumber: $n, purpose: VISIT_CARE, note: $note) { id } }',
        { note: '\u0000' },
      ],
    ];
    for (const [query, variables] of attempts) {
      const response = await ask(query, reader, { id: target.id, n: target.idNumber, ...variables });
      const text = JSON.stringify(response.data ?? null);
      const code = response.errors?.[0]?.extensions?.code;
      const held = counted(
        'purpose arguments',
        (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') &&
          !text.includes(target.idNumber) &&
          !text.includes(target.birthDate) &&
          !text.includes(target.id),
      );
      expect(held, `${query} ${JSON.stringify(variables)}`).toBe(true);
    }
    expect(await log().count()).toBe(before);
  });

  it('accepts each catalogue code, as argument with a note or as header, unmasks, and logs the code and the note', async () => {
    await log().clear();
    const target = person();
    for (const code of CODES) {
      const byArgument = await ask(
        'query($id: ID!, $p: AccessPurposeCode, $n: String) { person(id: $id) { idNumber(purpose: $p, note: $n) } }',
        reader,
        { id: target.id, p: code, n: `案卷 ${code}` },
      );
      expect(byArgument.data?.person.idNumber).toBe(target.idNumber);
      const byHeader = await ask(ID_NUMBER, reader, { id: target.id }, { 'x-access-purpose': code });
      expect(byHeader.errors).toBeUndefined();
      expect(byHeader.data?.person).toMatchObject({ idNumber: target.idNumber, birthDate: target.birthDate });
    }
    const rows = await log().find();
    expect(rows).toHaveLength(CODES.length * 2);
    for (const code of CODES) {
      expect(
        rows
          .filter((row) => row.purpose === code)
          .map((row) => row.note ?? null)
          .sort(),
      ).toEqual([null, `案卷 ${code}`]);
    }
    const filtered = await ask(
      'query($p: AccessPurposeCode) { piiAccessLog(filter: { purpose: $p, viewer: "reader" }) { totalCount edges { node { purpose purposeLabel note fields } } } }',
      auditor,
      { p: 'EMERGENCY_RESPONSE' },
    );
    expect(filtered.data?.piiAccessLog.totalCount).toBe(2);
    expect(
      filtered.data?.piiAccessLog.edges.map((edge: { node: { note: string | null } }) => edge.node),
    ).toContainEqual({
      purpose: 'EMERGENCY_RESPONSE',
      purposeLabel: '应急处置',
      note: '案卷 EMERGENCY_RESPONSE',
      fields: ['idNumber'],
    });
    const nobody = await ask('{ piiAccessLog(filter: { viewer: "someone-else" }) { totalCount } }', auditor);
    expect(nobody.data?.piiAccessLog.totalCount).toBe(0);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const later = await ask(
      'query($from: DateTime) { piiAccessLog(filter: { from: $from }) { totalCount } }',
      auditor,
      {
        from: tomorrow,
      },
    );
    expect(later.data?.piiAccessLog.totalCount).toBe(0);
  });

  it('a viewer without pii:read still reads masked whatever the header says', async () => {
    const target = person();
    const plain = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO]);
    const response = await ask(ID_NUMBER, plain, { id: target.id }, { 'x-access-purpose': 'VISIT_CARE' });
    expect(response.data?.person.idNumber).toBe(maskDocumentNumber(target.idNumber));
  });
});

describe('piiAccessSummary counts unmasked reads by actor and purpose per day', () => {
  const SUMMARY =
    'query($f: PiiAccessSummaryFilter!) { piiAccessSummary(filter: $f) { day viewer purpose purposeLabel reads people } }';

  it('counts exactly, by the Shanghai calendar day, filtered by actor and purpose, inside the auditor’s scope', async () => {
    await log().clear();
    const here = residentsUnder(SANYIQIAO).slice(0, 4);
    const there = residentsUnder(ZIDONGGE)[0]!;
    const entry = (
      viewer: string,
      person: { id: string; areaCode: string },
      purpose: string,
      accessedAt: string,
      fields = 'idNumber',
    ) => ({
      id: randomUUID(),
      viewerSubject: viewer,
      viewerRoles: 'COMMUNITY_WORKER',
      personId: person.id,
      areaCode: person.areaCode,
      fields,
      purpose,
      note: null,
      selfAccess: false,
      accessedAt: new Date(accessedAt),
    });
    await log().insert([
      // 2026-03-01 in Shanghai: until 16:00 UTC.
      entry('alice', here[0]!, 'VISIT_CARE', '2026-03-01T01:00:00Z'),
      entry('alice', here[1]!, 'VISIT_CARE', '2026-03-01T15:59:59Z', 'idNumber,phone'),
      entry('alice', here[1]!, 'VISIT_CARE', '2026-03-01T10:00:00Z'),
      entry('alice', here[2]!, 'POLICY_VERIFICATION', '2026-03-01T02:00:00Z'),
      entry('bob', here[3]!, 'VISIT_CARE', '2026-03-01T03:00:00Z'),
      // 2026-03-02 in Shanghai.
      entry('alice', here[0]!, 'VISIT_CARE', '2026-03-01T16:00:00Z'),
      entry('bob', here[2]!, 'JUDICIAL_ASSISTANCE', '2026-03-02T08:00:00Z'),
      // Outside the auditor's community scope, and outside the days asked.
      entry('alice', there, 'VISIT_CARE', '2026-03-01T05:00:00Z'),
      entry('alice', here[0]!, 'VISIT_CARE', '2026-03-02T16:00:00Z'),
    ]);
    const community = await tokenFor('STREET_ADMIN', [SANYIQIAO], { subject: 'community-auditor' });
    const all = await ask(SUMMARY, community, { f: { from: '2026-03-01', to: '2026-03-02' } });
    expect(all.errors).toBeUndefined();
    expect(all.data?.piiAccessSummary).toEqual([
      {
        day: '2026-03-01',
        viewer: 'alice',
        purpose: 'POLICY_VERIFICATION',
        purposeLabel: '政策核验',
        reads: 1,
        people: 1,
      },
      { day: '2026-03-01', viewer: 'alice', purpose: 'VISIT_CARE', purposeLabel: '走访慰问', reads: 3, people: 2 },
      { day: '2026-03-01', viewer: 'bob', purpose: 'VISIT_CARE', purposeLabel: '走访慰问', reads: 1, people: 1 },
      { day: '2026-03-02', viewer: 'alice', purpose: 'VISIT_CARE', purposeLabel: '走访慰问', reads: 1, people: 1 },
      {
        day: '2026-03-02',
        viewer: 'bob',
        purpose: 'JUDICIAL_ASSISTANCE',
        purposeLabel: '司法协查',
        reads: 1,
        people: 1,
      },
    ]);
    const street = await ask(SUMMARY, auditor, { f: { from: '2026-03-01', to: '2026-03-01', viewer: 'alice' } });
    expect(street.data?.piiAccessSummary).toEqual([
      {
        day: '2026-03-01',
        viewer: 'alice',
        purpose: 'POLICY_VERIFICATION',
        purposeLabel: '政策核验',
        reads: 1,
        people: 1,
      },
      { day: '2026-03-01', viewer: 'alice', purpose: 'VISIT_CARE', purposeLabel: '走访慰问', reads: 4, people: 3 },
    ]);
    const judicial = await ask(SUMMARY, community, {
      f: { from: '2026-03-01', to: '2026-03-03', purpose: 'JUDICIAL_ASSISTANCE' },
    });
    expect(judicial.data?.piiAccessSummary).toEqual([
      {
        day: '2026-03-02',
        viewer: 'bob',
        purpose: 'JUDICIAL_ASSISTANCE',
        purposeLabel: '司法协查',
        reads: 1,
        people: 1,
      },
    ]);
    const neighbour = await tokenFor('STREET_ADMIN', [ZIDONGGE]);
    const theirs = await ask(SUMMARY, neighbour, { f: { from: '2026-03-01', to: '2026-03-02' } });
    expect(theirs.data?.piiAccessSummary).toEqual([
      { day: '2026-03-01', viewer: 'alice', purpose: 'VISIT_CARE', purposeLabel: '走访慰问', reads: 1, people: 1 },
    ]);
  });

  it('counts the reads the subgraph itself logged today', async () => {
    await log().clear();
    const target = residentsUnder(SANYIQIAO)[1]!;
    await ask(
      'query($id: ID!) { person(id: $id) { idNumber(purpose: DATA_CORRECTION) phone(purpose: DATA_CORRECTION) } }',
      reader,
      {
        id: target.id,
      },
    );
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const { data } = await ask(SUMMARY, auditor, { f: { from: today, to: today } });
    expect(data?.piiAccessSummary).toEqual([
      { day: today, viewer: 'reader', purpose: 'DATA_CORRECTION', purposeLabel: '数据订正', reads: 1, people: 1 },
    ]);
  });

  it('is for auditors, and bounded', async () => {
    const refused = await ask(SUMMARY, reader, { f: { from: '2026-03-01', to: '2026-03-02' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const backwards = await ask(SUMMARY, auditor, { f: { from: '2026-03-02', to: '2026-03-01' } });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const long = await ask(SUMMARY, auditor, { f: { from: '2024-01-01', to: '2026-03-01' } });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toMatch(CHINESE);
  });
});

describe('the attack count', () => {
  it('every attempt held', () => {
    expect(tally.tried).toBeGreaterThan(0);
    expect(tally.held).toBe(tally.tried);
  });
});
