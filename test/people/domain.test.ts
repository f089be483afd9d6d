import { describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../subgraphs/kit/src/time.js';
import { ageOn, checkCharacter, makeIdNumber, parseIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { maskDocumentNumber, maskName, maskPhone } from '../../subgraphs/people/src/domain/masking.js';
import { isValidName } from '../../subgraphs/people/src/domain/names.js';

const TODAY = new Date(Date.UTC(2026, 10, 29));

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the DESIGN example 11010519491231002X and derives a woman born 1949-12-31', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      idNumber: '11010519491231002X',
      gender: 'FEMALE',
      birthDate: '1949-12-31',
      addressCode: '110105',
    });
  });

  it('accepts a lower-case x and surrounding spaces, and stores the number upper case', () => {
    expect(parseIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ idNumber: '11010519491231002X' });
  });

  it('computes the check character from the weighted sum mod 11', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(makeIdNumber('510116', '1990-05-17', 123)).toBe(`51011619900517123${checkCharacter('51011619900517123')}`);
  });

  it('derives a man from an odd sequence number', () => {
    expect(parseIdNumber(makeIdNumber('510116', '1990-05-17', 123), TODAY)).toMatchObject({
      gender: 'MALE',
      birthDate: '1990-05-17',
    });
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
    expect(maskDocumentNumber('11010519491231002X')).toBe('110************02X');
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
