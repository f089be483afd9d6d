import type { DocumentType, Gender } from './enums.js';
import { checkCharacter, ID_NUMBER_PROBLEM_MESSAGES, parseIdNumber } from './id-number.js';

/** Identity documents a record may be keyed on, with the labels street offices use. */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  RESIDENT_ID_CARD: '居民身份证',
  PASSPORT: '护照',
  HK_MACAO_PERMIT: '港澳居民来往内地通行证',
  TAIWAN_PERMIT: '台湾居民来往大陆通行证',
  FOREIGN_PERMANENT_RESIDENT_CARD: '外国人永久居留身份证',
};

export function isDocumentType(value: string): value is DocumentType {
  return value in DOCUMENT_TYPE_LABELS;
}

/** Number formats of documents other than the ID card, and what to tell a worker who mistypes one. */
const FORMATS: Record<Exclude<DocumentType, 'RESIDENT_ID_CARD'>, { pattern: RegExp; message: string }> = {
  PASSPORT: { pattern: /^[A-Z0-9]{5,17}$/, message: '护照号码应为 5 至 17 位字母或数字' },
  HK_MACAO_PERMIT: {
    pattern: /^[HM]\d{8}(\d{2})?$/,
    message: '港澳居民来往内地通行证号码应为 H 或 M 加 8 位或 10 位数字',
  },
  TAIWAN_PERMIT: {
    pattern: /^(\d{8}|\d{10}[A-Z]?)$/,
    message: '台湾居民来往大陆通行证号码应为 8 位数字（旧版 10 位数字，可带 1 个字母）',
  },
  // Cards before 2023: three letters and twelve digits; since then 18 characters starting
  // with 9 and ending with a GB 11643 check character.
  FOREIGN_PERMANENT_RESIDENT_CARD: {
    pattern: /^([A-Z]{3}\d{12}|9\d{16}[\dX])$/,
    message: '外国人永久居留身份证号码应为 3 位字母加 12 位数字，或以 9 开头的 18 位号码',
  },
};

export interface ParsedDocument {
  idNumber: string;
  /** Gender and birth date the number itself carries (ID cards only). */
  derived: { gender: Gender; birthDate: string } | null;
}

/** Checks a document number of its type; for an ID card every GB 11643 rule. */
export function parseDocumentNumber(
  type: DocumentType,
  raw: string,
  today: Date,
): ParsedDocument | { message: string } {
  if (type === 'RESIDENT_ID_CARD') {
    const parsed = parseIdNumber(raw, today);
    if ('problem' in parsed) return { message: ID_NUMBER_PROBLEM_MESSAGES[parsed.problem] };
    return { idNumber: parsed.idNumber, derived: { gender: parsed.gender, birthDate: parsed.birthDate } };
  }
  const idNumber = raw.replace(/\s+/g, '').toUpperCase();
  const format = FORMATS[type];
  if (!format.pattern.test(idNumber)) return { message: format.message };
  if (
    type === 'FOREIGN_PERMANENT_RESIDENT_CARD' &&
    idNumber.length === 18 &&
    checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]
  ) {
    return { message: ID_NUMBER_PROBLEM_MESSAGES.CHECK_CHARACTER.replace('身份证号', '永久居留身份证号码') };
  }
  return { idNumber, derived: null };
}
