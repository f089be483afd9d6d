import { describe, expect, it } from 'vitest';
import { isCalendarDate, latestBirthDateForAge, parseLooseDate } from '../../subgraphs/people/src/domain/dates.js';
import { parseDocumentNumber } from '../../subgraphs/people/src/domain/documents.js';
import { checkCharacter, makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { maskBirthDate, maskDocumentNumber } from '../../subgraphs/people/src/domain/masking.js';
import { checkPersonRecord } from '../../subgraphs/people/src/domain/person-record.js';
import { checkPlacement, residenceGridProblem, type GridFacts } from '../../subgraphs/people/src/domain/placement.js';
import { duplicateProblem } from '../../subgraphs/people/src/domain/registration.js';
import { CATALOGUE, TODAY } from './fixtures.js';

const codesOf = (problems: { code: string; field?: string | null }[]) =>
  problems.map(({ code, field }) => [code, field]);

describe('calendar dates', () => {
  it('accepts real dates and refuses 2026-02-29 and 1999-02-31', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('1999-02-31')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
  });

  it.each([
    ['2026-11-29', '2026-11-29'],
    ['2026/1/5', '2026-01-05'],
    ['2026.01.05', '2026-01-05'],
    ['20260105', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['19990231', null],
    ['05/01/2026', null],
    ['', null],
  ])('reads the spreadsheet date "%s" as %s', (text, iso) => {
    expect(parseLooseDate(text)).toBe(iso);
  });

  it('turns an age into the latest birth date of someone that old', () => {
    expect(latestBirthDateForAge(TODAY, 60)).toBe('1966-11-29');
    expect('1966-11-29' <= latestBirthDateForAge(TODAY, 60)).toBe(true);
    expect('1966-11-30' <= latestBirthDateForAge(TODAY, 60)).toBe(false);
  });
});

describe('identity documents', () => {
  it.each([
    ['PASSPORT', ' e1234 5678 ', 'E12345678'],
    ['HK_MACAO_PERMIT', 'H12345678', 'H12345678'],
    ['TAIWAN_PERMIT', '12345678', '12345678'],
    ['FOREIGN_PERMANENT_RESIDENT_CARD', 'USA123456789012', 'USA123456789012'],
  ] as const)('accepts a %s number and keeps it upper case without spaces', (type, raw, number) => {
    expect(parseDocumentNumber(type, raw, TODAY)).toEqual({ idNumber: number, derived: null });
  });

  it('checks the GB 11643 check character of the new 18-character permanent residence card', () => {
    const first17 = '93156019800101123';
    expect(
      parseDocumentNumber('FOREIGN_PERMANENT_RESIDENT_CARD', `${first17}${checkCharacter(first17)}`, TODAY),
    ).toMatchObject({ derived: null });
    expect(
      parseDocumentNumber(
        'FOREIGN_PERMANENT_RESIDENT_CARD',
        `${first17}${checkCharacter(first17) === '0' ? '1' : '0'}`,
        TODAY,
      ),
    ).toEqual({ message: expect.stringContaining('校验码') });
  });

  it.each([
    ['PASSPORT', 'E12', '护照'],
    ['HK_MACAO_PERMIT', 'X12345678', 'H 或 M'],
    ['TAIWAN_PERMIT', '1234567', '8 位'],
    ['FOREIGN_PERMANENT_RESIDENT_CARD', 'US123', '永久居留'],
  ] as const)('refuses a malformed %s number with a message naming the document', (type, raw, says) => {
    expect(parseDocumentNumber(type, raw, TODAY)).toEqual({ message: expect.stringContaining(says) });
  });

  it('derives gender and birth date from an ID card only', () => {
    expect(parseDocumentNumber('RESIDENT_ID_CARD', '11010519491231002X', TODAY)).toEqual({
      idNumber: '11010519491231002X',
      derived: { gender: 'FEMALE', birthDate: '1949-12-31' },
    });
  });

  it('masks at most a sixth of a number at each end, and the day and month of a birth date', () => {
    expect(maskDocumentNumber('11010519491231002X')).toBe('110************02X');
    expect(maskDocumentNumber('E12345678')).toBe('E*******8');
    expect(maskDocumentNumber('12345678')).toBe('1******8');
    expect(maskBirthDate('1949-12-31')).toBe('1949-**-**');
  });
});

describe('checking a person record', () => {
  const idNumber = makeIdNumber('510116', '1990-05-17', 123);
  const request = { name: ' 李建国 ', idNumber };

  it('derives identity from the ID number, trims, de-duplicates tags and leaves residency unset', () => {
    const checked = checkPersonRecord({ ...request, phone: '  ', tags: ['VETERAN', 'VETERAN'] }, CATALOGUE, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.record).toEqual({
      name: '李建国',
      documentType: 'RESIDENT_ID_CARD',
      idNumber,
      gender: 'MALE',
      birthDate: '1990-05-17',
      phone: null,
      residencyType: null,
      residencySince: null,
      residencyUntil: null,
      tags: [{ code: 'VETERAN', occupation: null }],
    });
  });

  it('reports each problem with its code and field', () => {
    const checked = checkPersonRecord(
      { name: 'X', idNumber: '110105194912310021', phone: '12345678901', tags: ['MARTIAN'] },
      CATALOGUE,
      TODAY,
    );
    expect(checked.record).toBeNull();
    expect(codesOf(checked.problems)).toEqual([
      ['INVALID_NAME', 'name'],
      ['INVALID_ID_NUMBER', 'idNumber'],
      ['INVALID_PHONE', 'phone'],
      ['UNKNOWN_TAG', 'tags'],
    ]);
    expect(checked.problems[1]?.message).toContain('校验码');
  });

  it('needs gender and birth date for a passport, and takes them as given', () => {
    expect(
      codesOf(
        checkPersonRecord({ name: 'Anna Müller', documentType: 'PASSPORT', idNumber: 'C01234567' }, CATALOGUE, TODAY)
          .problems,
      ),
    ).toEqual([
      ['INVALID_GENDER', 'gender'],
      ['INVALID_BIRTH_DATE', 'birthDate'],
    ]);
    const checked = checkPersonRecord(
      {
        name: 'Anna Müller',
        documentType: 'PASSPORT',
        idNumber: 'C01234567',
        gender: 'FEMALE',
        birthDate: '1988-02-29',
      },
      CATALOGUE,
      TODAY,
    );
    expect(checked.record).toMatchObject({
      documentType: 'PASSPORT',
      idNumber: 'C01234567',
      gender: 'FEMALE',
      birthDate: '1988-02-29',
    });
  });

  it('refuses a gender or birth date that contradicts the ID card, and an impossible or future birth date', () => {
    expect(
      codesOf(checkPersonRecord({ ...request, gender: 'FEMALE', birthDate: '1990-05-18' }, CATALOGUE, TODAY).problems),
    ).toEqual([
      ['IDENTITY_MISMATCH', 'gender'],
      ['IDENTITY_MISMATCH', 'birthDate'],
    ]);
    expect(
      checkPersonRecord({ ...request, gender: 'MALE', birthDate: '1990-05-17' }, CATALOGUE, TODAY).problems,
    ).toEqual([]);
    expect(
      codesOf(
        checkPersonRecord(
          { name: '李四', documentType: 'PASSPORT', idNumber: 'E12345678', gender: 'MALE', birthDate: '2027-01-01' },
          CATALOGUE,
          TODAY,
        ).problems,
      ),
    ).toEqual([['INVALID_BIRTH_DATE', 'birthDate']]);
  });

  it('needs an occupation with 新就业形态劳动者 and refuses one without it', () => {
    expect(
      codesOf(checkPersonRecord({ ...request, tags: ['NEW_EMPLOYMENT_WORKER'] }, CATALOGUE, TODAY).problems),
    ).toEqual([['OCCUPATION_REQUIRED', 'occupation']]);
    expect(
      codesOf(checkPersonRecord({ ...request, tags: ['VETERAN'], occupation: 'COURIER' }, CATALOGUE, TODAY).problems),
    ).toEqual([['OCCUPATION_NOT_ALLOWED', 'occupation']]);
    expect(
      checkPersonRecord(
        { ...request, tags: ['NEW_EMPLOYMENT_WORKER', 'VETERAN'], occupation: 'COURIER' },
        CATALOGUE,
        TODAY,
      ).record?.tags,
    ).toEqual([
      { code: 'NEW_EMPLOYMENT_WORKER', occupation: 'COURIER' },
      { code: 'VETERAN', occupation: null },
    ]);
  });

  it('checks residency dates: real, in order, not before birth', () => {
    expect(
      codesOf(
        checkPersonRecord({ ...request, residencySince: '2020-01-01', residencyUntil: '2019-12-31' }, CATALOGUE, TODAY)
          .problems,
      ),
    ).toEqual([['INVALID_DATE', 'residencyUntil']]);
    expect(codesOf(checkPersonRecord({ ...request, residencySince: '1980-01-01' }, CATALOGUE, TODAY).problems)).toEqual(
      [['INVALID_DATE', 'residencySince']],
    );
    expect(codesOf(checkPersonRecord({ ...request, residencySince: '2020-02-30' }, CATALOGUE, TODAY).problems)).toEqual(
      [['INVALID_DATE', 'residencySince']],
    );
  });

  it('names an existing record only when the viewer may see it', () => {
    expect(duplicateProblem('p-1').message).toContain('p-1');
    expect(duplicateProblem(null)).toEqual({
      code: 'DUPLICATE_ID_NUMBER',
      field: 'idNumber',
      message: '该身份证号已登记，已有记录不在您的查看范围内',
    });
  });
});

describe('where a person lives', () => {
  const grid = (facts: Partial<GridFacts> = {}): GridFacts => ({
    id: 'g',
    code: '510116001001001001',
    type: 'MICRO',
    status: 'ACTIVE',
    ...facts,
  });
  const inSanyiqiao = (code: string) => code.startsWith('510116001001');

  it('lets a resident live in an active general, micro or dedicated grid in scope', () => {
    expect(residenceGridProblem(grid(), inSanyiqiao)).toBeNull();
    expect(residenceGridProblem(grid({ type: 'DEDICATED', code: '510116001001901' }), inSanyiqiao)).toBeNull();
    expect(residenceGridProblem(null, inSanyiqiao)?.code).toBe('GRID_NOT_FOUND');
    expect(residenceGridProblem(grid({ status: 'RETIRED' }), inSanyiqiao)?.code).toBe('GRID_NOT_FOUND');
    expect(residenceGridProblem(grid({ type: 'COMMUNITY_TOTAL', code: '510116001001000' }), inSanyiqiao)?.code).toBe(
      'GRID_NOT_RESIDENTIAL',
    );
    expect(residenceGridProblem(grid({ code: '510116001002001001' }), inSanyiqiao)?.code).toBe('OUT_OF_SCOPE');
  });

  it('places a person in a building’s grid, with the room', () => {
    expect(
      checkPlacement(
        { buildingId: 'b', room: '2单元501' },
        { grid: null, building: { id: 'b', grid: grid() } },
        inSanyiqiao,
      ),
    ).toEqual({
      placement: { gridId: 'g', areaCode: '510116001001001001', buildingId: 'b', room: '2单元501' },
      problems: [],
    });
    expect(
      checkPlacement({ gridCode: '510116001001001001' }, { grid: grid(), building: null }, inSanyiqiao).placement,
    ).toMatchObject({ gridId: 'g', buildingId: null });
  });

  it.each([
    ['nothing', {}, { grid: null, building: null }, [['GRID_NOT_FOUND', 'gridId']]],
    [
      'an unknown building',
      { buildingId: 'b' },
      { grid: null, building: null },
      [['BUILDING_NOT_FOUND', 'buildingId']],
    ],
    [
      'a building of another grid',
      { gridId: 'other', buildingId: 'b' },
      { grid: null, building: { id: 'b', grid: grid() } },
      [['BUILDING_NOT_IN_GRID', 'buildingId']],
    ],
    [
      'a building whose grid is out of scope',
      { buildingId: 'b' },
      { grid: null, building: { id: 'b', grid: grid({ code: '510116001002001001' }) } },
      [['OUT_OF_SCOPE', 'buildingId']],
    ],
    [
      'a room without a building',
      { gridId: 'g', room: '501' },
      { grid: grid(), building: null },
      [['INVALID_ROOM', 'room']],
    ],
    [
      'a room of 40 characters',
      { buildingId: 'b', room: '5'.repeat(40) },
      { grid: null, building: { id: 'b', grid: grid() } },
      [['INVALID_ROOM', 'room']],
    ],
    [
      'an unknown grid code',
      { gridCode: '510116001001009001' },
      { grid: null, building: null },
      [['GRID_NOT_FOUND', 'gridCode']],
    ],
  ] as const)('refuses %s', (_, request, facts, problems) => {
    expect(codesOf(checkPlacement(request, facts, inSanyiqiao).problems)).toEqual(problems);
  });
});
