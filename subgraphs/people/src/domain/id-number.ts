import { checkCharacter } from '../../../kit/src/id-number-check.js';

export { checkCharacter, makeIdNumber } from '../../../kit/src/id-number-check.js';

/**
 * Resident ID numbers (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit
 * sequence (odd for men), and a check character over the first 17 digits.
 */

export type IdNumberProblem = 'FORMAT' | 'LEGACY_FORMAT' | 'ADDRESS_CODE' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

/** What is wrong, in words for the worker who typed it. */
export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  FORMAT: '身份证号格式错误：应为 18 位，前 17 位为数字，最后一位为数字或 X',
  // 15-digit numbers (issued before 1999) are refused, not upgraded: the upgrade guesses
  // the century, and the holder has had an 18-digit card for decades.
  LEGACY_FORMAT: '不支持 15 位旧版身份证号，请填写 18 位身份证号',
  ADDRESS_CODE: '身份证号前 6 位地址码无效',
  BIRTH_DATE: '身份证号第 7 至 14 位不是有效的出生日期',
  CHECK_CHARACTER: '身份证号第 18 位校验码不正确，请核对号码',
};

export interface ParsedIdNumber {
  idNumber: string;
  gender: 'MALE' | 'FEMALE';
  /** YYYY-MM-DD */
  birthDate: string;
  addressCode: string;
}

/**
 * Validates an 18-character ID number and derives gender and birth date from it.
 * `today` bounds the birth date (no one is born in the future).
 */
export function parseIdNumber(raw: string, today: Date = new Date()): ParsedIdNumber | { problem: IdNumberProblem } {
  const idNumber = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(idNumber)) return { problem: 'LEGACY_FORMAT' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { problem: 'FORMAT' };
  const addressCode = idNumber.slice(0, 6);
  // Province codes run 11–82; a county part of 0000 is not an address.
  const province = Number(addressCode.slice(0, 2));
  if (province < 11 || province > 82 || addressCode.endsWith('0000')) return { problem: 'ADDRESS_CODE' };
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day ||
    birth.getTime() > today.getTime()
  ) {
    return { problem: 'BIRTH_DATE' };
  }
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { problem: 'CHECK_CHARACTER' };
  const sequence = Number(idNumber.slice(14, 17));
  return {
    idNumber,
    gender: sequence % 2 === 1 ? 'MALE' : 'FEMALE',
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    addressCode,
  };
}

/** Age in whole years on `today`. */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - year;
  if (today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day)) age -= 1;
  return age;
}

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
