import { describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../subgraphs/kit/src/time.js';
import { headFirst } from '../../subgraphs/people/src/domain/households.js';
import { ageOn, checkCharacter, makeIdNumber, maskIdNumber, maskPhone, parseIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { isValidName, maskName } from '../../subgraphs/people/src/domain/names.js';
import { checkRegistration, duplicateProblem, residenceGridProblem, type GridFacts } from '../../subgraphs/people/src/domain/registration.js';

const TODAY = new Date(Date.UTC(2026, 10, 29));

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the DESIGN example 11010519491231002X and derives a woman born 1949-12-31', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({ idNumber: '11010519491231002X', gender: 'FEMALE', birthDate: '1949-12-31', addressCode: '110105' });
  });

  it('accepts a lower-case x and surrounding spaces, and stores the number upper case', () => {
    expect(parseIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ idNumber: '11010519491231002X' });
  });

  it('computes the check character from the weighted sum mod 11', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(makeIdNumber('510116', '1990-05-17', 123)).toBe(`51011619900517123${checkCharacter('51011619900517123')}`);
  });

  it('derives a man from an odd sequence number', () => {
    expect(parseIdNumber(makeIdNumber('510116', '1990-05-17', 123), TODAY)).toMatchObject({ gender: 'MALE', birthDate: '1990-05-17' });
  });

  it.each([
    ['a wrong check character', '110105194912310021', 'CHECK_CHARACTER'],
    ['19990231, a day that does not exist', makeIdNumber('510116', '1999-02-31', 1), 'BIRTH_DATE'],
    ['a thirteenth month', makeIdNumber('510116', '1999-13-01', 1), 'BIRTH_DATE'],
    ['a birth before 1900', makeIdNumber('510116', '1899-12-31', 1), 'BIRTH_DATE'],
    ['a birth after today', makeIdNumber('510116', '2026-11-30', 1), 'BIRTH_DATE'],
    ['province 99', makeIdNumber('990101', '1990-01-01', 1), 'ADDRESS_CODE'],
    ['a county part of 0000', makeIdNumber('510000', '1990-01-01', 1), 'ADDRESS_CODE'],
    ['17 characters', '11010519491231002', 'FORMAT'],
    ['an X before the last place', '1101051949123100X2', 'FORMAT'],
    ['a 15-digit legacy number', '110105491231002', 'LEGACY_FORMAT'],
  ])('refuses %s', (_, idNumber, problem) => {
    expect(parseIdNumber(idNumber, TODAY)).toEqual({ problem });
  });

  it('accepts someone born today', () => {
    expect(parseIdNumber(makeIdNumber('510116', '2026-11-29', 2), TODAY)).toMatchObject({ birthDate: '2026-11-29' });
  });

  it('masks the number as 110************02X and a phone as 138****5678', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110************02X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('counts age in whole years, turning a year older on the birthday', () => {
    expect(ageOn('1949-12-31', TODAY)).toBe(76);
    expect(ageOn('1950-11-29', TODAY)).toBe(76);
    expect(ageOn('1950-11-30', TODAY)).toBe(75);
  });

  it('judges dates by the calendar in Shanghai, eight hours ahead of UTC', () => {
    expect(shanghaiToday(new Date('2026-11-29T16:30:00Z')).toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(shanghaiToday(new Date('2026-11-29T15:30:00Z')).toISOString().slice(0, 10)).toBe('2026-11-29');
  });
});

describe('names', () => {
  it.each([
    ['张三明', '张*明'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['阿卜杜·热合曼', '阿*****曼'],
    ['𠀋一', '𠀋*'],
    ['李', '*'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each(['张三', '欧阳娜娜', '阿卜杜·热合曼', 'Anna Müller'])('accepts the name %s', (name) => {
    expect(isValidName(name)).toBe(true);
  });

  it.each(['李', '张3', '·张三', '张三·', 'Anna  Müller', '', '张'.repeat(41)])('refuses the name "%s"', (name) => {
    expect(isValidName(name)).toBe(false);
  });
});

describe('checking a registration', () => {
  const request = { name: ' 李建国 ', idNumber: makeIdNumber('510116', '1990-05-17', 123), gridId: 'grid-1' };

  it('derives identity from the ID number, trims, de-duplicates tags and defaults to PERMANENT', () => {
    const checked = checkRegistration({ ...request, phone: '  ', tags: ['VETERAN', 'VETERAN'] }, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.registration).toEqual({
      name: '李建国',
      identity: { idNumber: request.idNumber, gender: 'MALE', birthDate: '1990-05-17', addressCode: '510116' },
      gridId: 'grid-1',
      phone: null,
      residencyType: 'PERMANENT',
      tags: ['VETERAN'],
    });
  });

  it('reports each problem with its code and field', () => {
    const checked = checkRegistration({ name: 'X', idNumber: '11010519491231002X'.replace('X', '1'), gridId: ' ', phone: '12345678901', tags: ['MARTIAN'] }, TODAY);
    expect(checked.registration).toBeNull();
    expect(checked.problems.map(({ code, field }) => [code, field])).toEqual([
      ['INVALID_NAME', 'name'],
      ['INVALID_ID_NUMBER', 'idNumber'],
      ['GRID_NOT_FOUND', 'gridId'],
      ['INVALID_PHONE', 'phone'],
      ['UNKNOWN_TAG', 'tags'],
    ]);
    expect(checked.problems[1]?.message).toContain('校验码');
  });

  it('lets a resident live in an active general, micro or dedicated grid in scope', () => {
    const grid = (facts: Partial<GridFacts>): GridFacts => ({ id: 'g', code: '510116001001001001', type: 'MICRO', status: 'ACTIVE', ...facts });
    const inSanyiqiao = (code: string) => code.startsWith('510116001001');
    expect(residenceGridProblem(grid({}), inSanyiqiao)).toBeNull();
    expect(residenceGridProblem(grid({ type: 'DEDICATED', code: '510116001001901' }), inSanyiqiao)).toBeNull();
    expect(residenceGridProblem(null, inSanyiqiao)?.code).toBe('GRID_NOT_FOUND');
    expect(residenceGridProblem(grid({ status: 'RETIRED' }), inSanyiqiao)?.code).toBe('GRID_NOT_FOUND');
    expect(residenceGridProblem(grid({ type: 'COMMUNITY_TOTAL', code: '510116001001000' }), inSanyiqiao)?.code).toBe('GRID_NOT_RESIDENTIAL');
    expect(residenceGridProblem(grid({ code: '510116001002001001' }), inSanyiqiao)?.code).toBe('OUT_OF_SCOPE');
  });

  it('names an existing record only when the viewer may see it', () => {
    expect(duplicateProblem('p-1').message).toContain('p-1');
    expect(duplicateProblem(null)).toEqual({ code: 'DUPLICATE_ID_NUMBER', field: 'idNumber', message: '该身份证号已登记，已有记录不在您的查看范围内' });
  });
});

describe('households', () => {
  it('puts the head first and keeps the others in order', () => {
    const members = [{ id: 'a', householdRelation: '父母' }, { id: 'b', householdRelation: '户主' }, { id: 'c', householdRelation: null }];
    expect(headFirst(members).map((member) => member.id)).toEqual(['b', 'a', 'c']);
  });
});
