import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBandBounds, ageBandOf } from '../../subgraphs/people/src/domain/age-bands.js';
import { ageOn, makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { headFirst, joinProblems } from '../../subgraphs/people/src/domain/households.js';
import { decideRow, duplicateRows, type CheckedRow } from '../../subgraphs/people/src/domain/import-plan.js';
import { readImportRow } from '../../subgraphs/people/src/domain/import-values.js';
import { chronological, isSamePlace, moveKind, moveProblems } from '../../subgraphs/people/src/domain/moves.js';
import { checkPersonRecord, type PersonRecord } from '../../subgraphs/people/src/domain/person-record.js';
import { statisticsPrefix, summarisePopulation } from '../../subgraphs/people/src/domain/population.js';
import {
  declaredPurpose,
  SELF_ACCESS_PURPOSE,
  unmasking,
  unmaskingPurpose,
} from '../../subgraphs/people/src/domain/privacy.js';
import { statusChangeProblems } from '../../subgraphs/people/src/domain/status.js';
import { planTagChanges, tagDefinitionProblems } from '../../subgraphs/people/src/domain/tags.js';
import type { PersonEntity } from '../../subgraphs/people/src/entities/person.js';
import { createGraphClient } from '../../subgraphs/kit/src/graph-client.js';
import { headerPurpose } from '../../subgraphs/people/src/resolvers/unmask.js';
import { CATALOGUE, TODAY } from './fixtures.js';

const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('special-group tags', () => {
  const held = [
    { id: 't1', code: 'VETERAN', occupation: null },
    { id: 't2', code: 'NEW_EMPLOYMENT_WORKER', occupation: 'COURIER' as const },
    { id: 't3', code: 'LOW_INCOME', occupation: null },
  ];

  it('keeps tags that stay, closes those dropped or changed, and opens new ones', () => {
    const plan = planTagChanges(held, [
      { code: 'VETERAN', occupation: null, since: null },
      { code: 'NEW_EMPLOYMENT_WORKER', occupation: 'DELIVERY_RIDER', since: null },
      { code: 'PARTY_MEMBER', occupation: null, since: null },
    ]);
    expect(plan.close.map((tag) => tag.id)).toEqual(['t2', 't3']);
    expect(plan.open.map((tag) => tag.code)).toEqual(['NEW_EMPLOYMENT_WORKER', 'PARTY_MEMBER']);
  });

  it('changes nothing when the tags asked for are the tags held', () => {
    expect(
      planTagChanges(
        held,
        held.map((tag) => ({ ...tag, since: null })),
      ),
    ).toEqual({ close: [], open: [] });
  });

  it('finds tags by code or by label, and checks new catalogue rows', () => {
    expect(CATALOGUE.find('空巢老人')?.code).toBe('EMPTY_NEST_ELDER');
    expect(CATALOGUE.find(' party_member ')?.code).toBe('PARTY_MEMBER');
    expect(CATALOGUE.find('火星人')).toBeUndefined();
    expect(tagDefinitionProblems('FLOOD_RISK_HOUSEHOLD', '防汛重点户')).toEqual([]);
    expect(codes(tagDefinitionProblems('flood risk', '防'))).toEqual(['INVALID_TAG_CODE', 'INVALID_TAG_LABEL']);
  });
});

describe('status changes and moves', () => {
  const person = { status: 'ACTIVE' as const, birthDate: '1940-03-01', statusSince: '2020-01-01' };

  it('records a death with date and reason, and a correction back to ACTIVE', () => {
    expect(
      statusChangeProblems(person, { status: 'DECEASED', since: '2026-11-01', reason: '病故' }, '2026-11-29'),
    ).toEqual([]);
    expect(
      statusChangeProblems(
        { ...person, status: 'DECEASED' },
        { status: 'ACTIVE', since: '2026-11-02', reason: '误报更正' },
        '2026-11-29',
      ),
    ).toEqual([]);
  });

  it.each([
    ['the same status', { status: 'ACTIVE', since: '2026-11-01', reason: 'x' }, ['INVALID_STATUS_CHANGE']],
    [
      'a move out, which is a move',
      { status: 'MOVED_OUT', since: '2026-11-01', reason: '迁往重庆' },
      ['USE_MOVE_PERSON'],
    ],
    ['a date after today', { status: 'DECEASED', since: '2026-12-01', reason: '病故' }, ['INVALID_DATE']],
    ['a date before birth', { status: 'DECEASED', since: '1939-01-01', reason: '病故' }, ['INVALID_DATE']],
    ['no reason', { status: 'DECEASED', since: '2026-11-01', reason: ' ' }, ['REASON_REQUIRED']],
  ] as const)('refuses %s', (_, change, expected) => {
    expect(codes(statusChangeProblems(person, change, '2026-11-29'))).toEqual(expected);
  });

  it('tells a move inside the street from one across streets, out of and back into the register', () => {
    const from = { areaCode: '510116001001001001', status: 'ACTIVE' as const };
    expect(moveKind(from, { areaCode: '510116001002001001' })).toBe('WITHIN_STREET');
    expect(moveKind(from, { areaCode: '510116004001001001' })).toBe('ACROSS_STREETS');
    expect(moveKind(from, null)).toBe('OUT_OF_REGISTER');
    expect(moveKind({ ...from, status: 'MOVED_OUT' }, { areaCode: '510116001001001001' })).toBe('INTO_REGISTER');
  });

  it('refuses a move of the dead, one with both or neither destination, a second move out and a future date', () => {
    const move = { hasDestination: true, leftFor: null, movedOn: '2026-11-01' };
    expect(moveProblems(person, move, '2026-11-29')).toEqual([]);
    expect(codes(moveProblems({ ...person, status: 'DECEASED' }, move, '2026-11-29'))).toEqual(['PERSON_DECEASED']);
    expect(codes(moveProblems(person, { ...move, leftFor: '重庆' }, '2026-11-29'))).toEqual(['INVALID_DESTINATION']);
    expect(codes(moveProblems(person, { ...move, hasDestination: false }, '2026-11-29'))).toEqual([
      'INVALID_DESTINATION',
    ]);
    expect(
      codes(
        moveProblems(
          { ...person, status: 'MOVED_OUT' },
          { hasDestination: false, leftFor: '重庆', movedOn: '2026-11-01' },
          '2026-11-29',
        ),
      ),
    ).toEqual(['NOT_MOVED']);
    expect(codes(moveProblems(person, { ...move, movedOn: '2026-11-30' }, '2026-11-29'))).toEqual(['INVALID_DATE']);
  });

  it('lists moves by their day, then by when they were recorded', () => {
    const moves = [
      { id: 'c', movedOn: '2026-11-02', recordedAt: new Date(1) },
      { id: 'b', movedOn: '2026-10-01', recordedAt: new Date(5) },
      { id: 'a', movedOn: '2026-11-02', recordedAt: new Date(0) },
    ];
    expect(chronological(moves).map((move) => move.id)).toEqual(['b', 'a', 'c']);
  });

  it('sees no move in going where one lives', () => {
    const home = { status: 'ACTIVE' as const, gridId: 'g', buildingId: 'b', room: '501' };
    expect(isSamePlace(home, { gridId: 'g', areaCode: 'x', buildingId: 'b', room: '501' })).toBe(true);
    expect(isSamePlace(home, { gridId: 'g', areaCode: 'x', buildingId: 'b', room: '502' })).toBe(false);
  });
});

describe('households', () => {
  it('puts the head first and keeps the others in order', () => {
    const members = [
      { id: 'a', householdRelation: '父母' },
      { id: 'b', householdRelation: '户主' },
      { id: 'c', householdRelation: null },
    ];
    expect(headFirst(members).map((member) => member.id)).toEqual(['b', 'a', 'c']);
  });

  it('allows one head only, and relations the register knows', () => {
    const members = [{ id: 'a', householdRelation: '户主' }];
    expect(codes(joinProblems('户主', members, 'b'))).toEqual(['HOUSEHOLD_HAS_HEAD']);
    expect(joinProblems('户主', members, 'a')).toEqual([]);
    expect(joinProblems('子女', members, 'b')).toEqual([]);
    expect(codes(joinProblems('朋友', members, 'b'))).toEqual(['INVALID_RELATION']);
  });
});

describe('privacy', () => {
  it('unmasks only with person:read, pii:read and a purpose code of the catalogue, with a note of at most 200 characters', () => {
    const both = new Set(['person:read', 'pii:read']);
    const visit = { purpose: 'VISIT_CARE' as const, note: null };
    expect(unmaskingPurpose(both, visit)).toEqual(visit);
    expect(unmaskingPurpose(both, null)).toBeNull();
    expect(declaredPurpose({ argument: 'VISIT_CARE', note: ' 入户走访核对 ' })).toEqual({
      purpose: 'VISIT_CARE',
      note: '入户走访核对',
    });
    expect(declaredPurpose({ argument: '查' })).toHaveProperty('problem');
    expect(declaredPurpose({ argument: 'VISIT_CARE', note: '查'.repeat(201) })).toHaveProperty('problem');
    expect(unmaskingPurpose(new Set(['person:read']), visit)).toBeNull();
    expect(unmaskingPurpose(new Set(['person:count', 'pii:read']), visit)).toBeNull();
    expect(declaredPurpose({ note: '  ' })).toBeNull();
  });

  it('unmasks one’s own record with no permission and no purpose, as a self-access', () => {
    const none = new Set<string>();
    const visit = { purpose: 'VISIT_CARE' as const, note: null };
    expect(unmasking(none, true, null)).toEqual({ purpose: SELF_ACCESS_PURPOSE, note: null, selfAccess: true });
    expect(unmasking(new Set(['person:read', 'pii:read']), true, visit)).toEqual({
      purpose: SELF_ACCESS_PURPOSE,
      note: null,
      selfAccess: true,
    });
    expect(unmasking(none, false, visit)).toBeNull();
    expect(unmasking(new Set(['person:read', 'pii:read']), false, null)).toBeNull();
    expect(unmasking(new Set(['person:read', 'pii:read']), false, visit)).toEqual({
      purpose: 'VISIT_CARE',
      note: null,
      selfAccess: false,
    });
  });
});

describe('population statistics', () => {
  it('bands ages so that every age falls in exactly one band', () => {
    expect([0, 6, 7, 17, 18, 34, 35, 59, 60, 79, 80, 120].map(ageBandOf)).toEqual([
      'AGE_0_6',
      'AGE_0_6',
      'AGE_7_17',
      'AGE_7_17',
      'AGE_18_34',
      'AGE_18_34',
      'AGE_35_59',
      'AGE_35_59',
      'AGE_60_79',
      'AGE_60_79',
      'AGE_80_PLUS',
      'AGE_80_PLUS',
    ]);
  });

  it('sorts birth dates into the same bands as ages by comparing text with the bounds', () => {
    const bounds = ageBandBounds(TODAY);
    const bandOfBirth = (birthDate: string) => {
      const index = bounds.findIndex((bound) => birthDate > bound);
      return AGE_BANDS[index === -1 ? bounds.length : index]?.band;
    };
    for (const birthDate of [
      '2026-11-29',
      '2019-11-30',
      '2019-11-29',
      '1966-11-30',
      '1966-11-29',
      '1946-11-29',
      '1920-01-01',
    ]) {
      expect(bandOfBirth(birthDate)).toBe(ageBandOf(ageOn(birthDate, TODAY)));
    }
  });

  it('counts a city by its districts, and lists every dimension with zeros', () => {
    expect(statisticsPrefix('510100')).toBe('5101');
    expect(statisticsPrefix('510116')).toBe('510116');
    const stats = summarisePopulation(
      '510116',
      true,
      [
        { gender: 'MALE', residencyType: 'FLOATING', band: 2, count: 3 },
        { gender: 'FEMALE', residencyType: 'REGISTERED', band: 5, count: 2 },
      ],
      new Map([['VETERAN', 4]]),
      CATALOGUE,
    );
    expect(stats.total).toBe(5);
    expect(stats.byGender).toEqual([
      { gender: 'MALE', count: 3 },
      { gender: 'FEMALE', count: 2 },
    ]);
    expect(stats.byResidencyType).toEqual([
      { residencyType: 'REGISTERED', count: 2 },
      { residencyType: 'PERMANENT', count: 0 },
      { residencyType: 'FLOATING', count: 3 },
    ]);
    expect(stats.byAgeBand.map((band) => band.count)).toEqual([0, 0, 3, 0, 0, 2]);
    expect(stats.byTag.find((tag) => tag.code === 'VETERAN')).toEqual({ code: 'VETERAN', label: '退役军人', count: 4 });
    expect(stats.byTag).toHaveLength(8);
  });
});

describe('reading import rows', () => {
  it('takes codes or the Chinese words street offices use', () => {
    const read = readImportRow(
      {
        name: '王芳',
        documentType: '护照',
        idNumber: 'e1234567',
        gender: '女',
        birthDate: '1985/3/7',
        residencyType: '流动人口',
        tags: '空巢老人、PARTY_MEMBER, 新就业形态劳动者',
        occupation: '外卖员',
        gridCode: ' 510116001001001001 ',
        room: '',
      },
      CATALOGUE,
    );
    expect(read.problems).toEqual([]);
    expect(read.request).toMatchObject({
      documentType: 'PASSPORT',
      gender: 'FEMALE',
      birthDate: '1985-03-07',
      residencyType: 'FLOATING',
      occupation: 'DELIVERY_RIDER',
      tags: ['EMPTY_NEST_ELDER', 'PARTY_MEMBER', 'NEW_EMPLOYMENT_WORKER'],
    });
    expect(read.placement).toEqual({ gridId: null, gridCode: '510116001001001001', buildingId: null, room: null });
  });

  it('names the cell that names nothing', () => {
    const read = readImportRow(
      {
        name: '王芳',
        idNumber: 'x',
        documentType: '驾照',
        gender: '未知',
        residencyType: '暂住',
        occupation: '宇航员',
        birthDate: '19990231',
        residencySince: '去年',
        tags: '火星人',
      },
      CATALOGUE,
    );
    expect(read.problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['INVALID_DOCUMENT_TYPE', 'documentType'],
      ['INVALID_GENDER', 'gender'],
      ['INVALID_RESIDENCY_TYPE', 'residencyType'],
      ['INVALID_OCCUPATION', 'occupation'],
      ['INVALID_BIRTH_DATE', 'birthDate'],
      ['INVALID_DATE', 'residencySince'],
    ]);
    expect(read.request.tags).toEqual(['火星人']);
  });

  it('tells an empty tag cell (no tags) from a missing column (tags left alone)', () => {
    expect(readImportRow({ tags: '' }, CATALOGUE).request.tags).toEqual([]);
    expect(readImportRow({}, CATALOGUE).request.tags).toBeNull();
  });
});

describe('deciding an import row', () => {
  const idNumber = makeIdNumber('510116', '1960-01-02', 11);
  const placement = { gridId: 'g1', areaCode: '510116001001001001', buildingId: null, room: null };
  const record = (changes: Partial<PersonRecord> = {}): PersonRecord => ({
    ...checkPersonRecord({ name: '张三明', idNumber }, CATALOGUE, TODAY).record!,
    ...changes,
  });
  const row = (changes: Partial<CheckedRow> = {}): CheckedRow => ({
    rowNumber: 2,
    record: record(),
    placement,
    placementGiven: true,
    problems: [],
    ...changes,
  });
  const stored: PersonEntity = {
    id: 'p1',
    name: '张三明',
    documentType: 'RESIDENT_ID_CARD',
    idNumber,
    gender: 'MALE',
    birthDate: '1960-01-02',
    phone: '13812345678',
    residencyType: 'REGISTERED',
    residencySince: '1960-01-02',
    residencyUntil: null,
    gridId: 'g1',
    areaCode: '510116001001001001',
    buildingId: null,
    room: null,
    householdId: null,
    householdRelation: null,
    status: 'ACTIVE',
    statusSince: '2020-01-01',
    statusReason: null,
    registeredAt: new Date(0),
  };
  const existing = { person: stored, tags: [{ id: 't1', code: 'VETERAN', occupation: null }] };

  it('creates a new person, and needs a place for one', () => {
    expect(decideRow(row(), undefined, 'CREATE_ONLY', false).kind).toBe('CREATE');
    expect(decideRow(row({ placement: null, placementGiven: false }), undefined, 'UPSERT', false)).toMatchObject({
      kind: 'FAILED',
      problems: [{ code: 'GRID_NOT_FOUND' }],
    });
  });

  it('finds nothing to do when a row says what is stored, in both modes', () => {
    for (const mode of ['CREATE_ONLY', 'UPSERT'] as const)
      expect(
        decideRow(row({ record: record({ tags: [{ code: 'VETERAN', occupation: null }] }) }), existing, mode, true)
          .kind,
      ).toBe('UNCHANGED');
    expect(decideRow(row({ placement: null, placementGiven: false }), existing, 'UPSERT', true).kind).toBe('UNCHANGED');
  });

  it('updates what differs in UPSERT, and refuses it in CREATE_ONLY naming the record', () => {
    const changed = row({
      record: record({
        phone: '13912345678',
        residencyType: 'FLOATING',
        tags: [{ code: 'PARTY_MEMBER', occupation: null }],
      }),
      placement: { ...placement, gridId: 'g2', areaCode: '510116001001001002' },
    });
    const update = decideRow(changed, existing, 'UPSERT', true);
    expect(update).toMatchObject({
      kind: 'UPDATE',
      changes: { phone: '13912345678', residencyType: 'FLOATING' },
      moveTo: { gridId: 'g2' },
    });
    expect(update.kind === 'UPDATE' && update.tags).toEqual({
      close: [existing.tags[0]],
      open: [{ code: 'PARTY_MEMBER', occupation: null, since: null }],
    });
    expect(decideRow(changed, existing, 'CREATE_ONLY', true)).toMatchObject({
      kind: 'FAILED',
      problems: [{ code: 'DUPLICATE_ID_NUMBER', message: expect.stringContaining('p1') }],
    });
  });

  it('refuses a record outside the viewer’s scope without naming it, a contradicting identity, and a departed person', () => {
    expect(decideRow(row(), existing, 'UPSERT', false)).toMatchObject({
      kind: 'FAILED',
      problems: [{ code: 'DUPLICATE_ID_NUMBER' }],
    });
    expect(JSON.stringify(decideRow(row(), existing, 'UPSERT', false))).not.toContain('p1');
    expect(decideRow(row(), { ...existing, person: { ...stored, gender: 'FEMALE' } }, 'UPSERT', true)).toMatchObject({
      kind: 'FAILED',
      problems: [{ code: 'IDENTITY_MISMATCH' }],
    });
    expect(
      decideRow(
        row({ record: record({ phone: '13912345678' }) }),
        { ...existing, person: { ...stored, status: 'MOVED_OUT' } },
        'UPSERT',
        true,
      ),
    ).toMatchObject({ kind: 'FAILED', problems: [{ code: 'PERSON_NOT_ACTIVE' }] });
  });

  it('refuses a row whose number an earlier row of the batch has, naming that row', () => {
    expect([
      ...duplicateRows([
        { rowNumber: 2, idNumber: 'A' },
        { rowNumber: 3, idNumber: 'B' },
        { rowNumber: 7, idNumber: 'A' },
        { rowNumber: 8, idNumber: null },
      ]),
    ]).toEqual([[2, 2]]);
  });
});

describe('the declared purpose header', () => {
  it('is read from the runtime once the kit passes it on, and must be a catalogue code, percent-decoded', () => {
    // A real client; reading the purpose never calls it.
    const runtime = { authorization: '', graph: createGraphClient('http://127.0.0.1:9/graphql') };
    expect(headerPurpose(runtime)).toBeNull();
    const header = headerPurpose({ ...runtime, accessPurpose: encodeURIComponent('VISIT_CARE') } as typeof runtime);
    expect(declaredPurpose({ header })).toEqual({ purpose: 'VISIT_CARE', note: null });
    expect(declaredPurpose({ header: '100%' })).toHaveProperty('problem');
    expect(declaredPurpose({ header: encodeURIComponent('入户走访') })).toHaveProperty('problem');
  });
});
