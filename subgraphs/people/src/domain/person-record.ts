import type { DocumentType, Gender, ResidencyType } from './enums.js';
import { isCalendarDate, isoDate } from './dates.js';
import { parseDocumentNumber } from './documents.js';
import { MAINLAND_MOBILE } from './id-number.js';
import { isValidName, MAX_NAME_LENGTH } from './names.js';
import type { OccupationCode } from './occupations.js';
import { tagProblems, type TagCatalogue } from './tags.js';
import type { Problem } from '../../../kit/src/problems.js';

/** What a client says about a person, whichever way it arrives (a mutation, an import row). */
export interface PersonRecordRequest {
  name: string;
  documentType?: DocumentType | null;
  idNumber: string;
  gender?: Gender | null;
  birthDate?: string | null;
  phone?: string | null;
  residencyType?: ResidencyType | null;
  residencySince?: string | null;
  residencyUntil?: string | null;
  /** Tag codes; null says nothing about tags (an update leaves them as they are). */
  tags?: readonly string[] | null;
  occupation?: OccupationCode | null;
}

/** A checked record, normalised: trimmed, upper-case numbers, defaults filled in. */
export interface PersonRecord {
  name: string;
  documentType: DocumentType;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  phone: string | null;
  /** Null when not given: a new record is PERMANENT (常住), an update keeps the stored one. */
  residencyType: ResidencyType | null;
  /** Null when not given: a new record dates it today, an update keeps the stored one. */
  residencySince: string | null;
  residencyUntil: string | null;
  tags: { code: string; occupation: OccupationCode | null }[] | null;
}

/** Residents not told otherwise live where they are registered as 常住 (permanent). */
export const DEFAULT_RESIDENCY_TYPE: ResidencyType = 'PERMANENT';

const GENDER_LABELS: Record<Gender, string> = { MALE: '男', FEMALE: '女' };

/** Gender and birth date: from an ID card (and then what is given must agree), else as given. */
function identityProblems(
  request: PersonRecordRequest,
  derived: { gender: Gender; birthDate: string } | null,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  const { gender, birthDate } = request;
  if (birthDate && (!isCalendarDate(birthDate) || birthDate > today || birthDate < '1900-01-01')) {
    problems.push({
      code: 'INVALID_BIRTH_DATE',
      field: 'birthDate',
      message: '出生日期无效：应为 1900 年以后、不晚于今天的真实日期',
    });
  }
  if (derived) {
    if (gender && gender !== derived.gender) {
      problems.push({
        code: 'IDENTITY_MISMATCH',
        field: 'gender',
        message: `性别与身份证号不符：身份证号显示为${GENDER_LABELS[derived.gender]}`,
      });
    }
    if (birthDate && isCalendarDate(birthDate) && birthDate !== derived.birthDate) {
      problems.push({
        code: 'IDENTITY_MISMATCH',
        field: 'birthDate',
        message: `出生日期与身份证号不符：身份证号显示为 ${derived.birthDate}`,
      });
    }
    return problems;
  }
  if (!gender) problems.push({ code: 'INVALID_GENDER', field: 'gender', message: '非居民身份证登记时须填写性别' });
  if (!birthDate)
    problems.push({ code: 'INVALID_BIRTH_DATE', field: 'birthDate', message: '非居民身份证登记时须填写出生日期' });
  return problems;
}

function residencyProblems(
  since: string | null,
  until: string | null,
  birthDate: string | null | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of [
    ['residencySince', since],
    ['residencyUntil', until],
  ] as const) {
    if (value !== null && !isCalendarDate(value))
      problems.push({ code: 'INVALID_DATE', field, message: '日期应为 YYYY-MM-DD 格式的真实日期' });
  }
  if (since && until && isCalendarDate(since) && isCalendarDate(until) && until < since) {
    problems.push({ code: 'INVALID_DATE', field: 'residencyUntil', message: '居住截止日期不能早于起始日期' });
  }
  if (since && birthDate && isCalendarDate(since) && since < birthDate) {
    problems.push({ code: 'INVALID_DATE', field: 'residencySince', message: '居住起始日期不能早于出生日期' });
  }
  return problems;
}

/**
 * Checks everything a request says about the person itself, reporting every problem,
 * not only the first. Where the person lives is checked apart (it needs the grids).
 */
export function checkPersonRecord(
  request: PersonRecordRequest,
  catalogue: TagCatalogue,
  today: Date,
): { record: PersonRecord; problems: [] } | { record: null; problems: Problem[] } {
  const problems: Problem[] = [];
  const todayText = isoDate(today);
  const name = request.name.trim();
  if (!isValidName(name))
    problems.push({
      code: 'INVALID_NAME',
      field: 'name',
      message: `姓名应为 2 至 ${MAX_NAME_LENGTH} 个汉字或字母，可含间隔号“·”`,
    });

  const documentType = request.documentType ?? 'RESIDENT_ID_CARD';
  const document = parseDocumentNumber(documentType, request.idNumber, today);
  if ('message' in document) problems.push({ code: 'INVALID_ID_NUMBER', field: 'idNumber', message: document.message });
  const derived = 'message' in document ? null : document.derived;
  // A broken ID card number derives nothing, but still needs no gender or birth date typed.
  if (documentType !== 'RESIDENT_ID_CARD' || derived) problems.push(...identityProblems(request, derived, todayText));

  const phone = request.phone?.trim() || null;
  if (phone !== null && !MAINLAND_MOBILE.test(phone)) {
    problems.push({
      code: 'INVALID_PHONE',
      field: 'phone',
      message: '手机号应为 11 位中国大陆手机号码，如 13812345678',
    });
  }
  const residencySince = request.residencySince?.trim() || null;
  const residencyUntil = request.residencyUntil?.trim() || null;
  const birthDate = derived?.birthDate ?? request.birthDate ?? null;
  problems.push(...residencyProblems(residencySince, residencyUntil, birthDate));

  const codes = request.tags ? [...new Set(request.tags.map((tag) => tag.trim()))] : null;
  const occupation = request.occupation ?? null;
  problems.push(...tagProblems(codes ?? [], occupation, catalogue));

  if (problems.length || 'message' in document) return { record: null, problems };
  return {
    record: {
      name,
      documentType,
      idNumber: document.idNumber,
      gender: derived?.gender ?? (request.gender as Gender),
      birthDate: birthDate as string,
      phone,
      residencyType: request.residencyType ?? null,
      residencySince,
      residencyUntil,
      tags:
        codes?.map((code) => ({ code, occupation: catalogue.get(code)?.needsOccupation ? occupation : null })) ?? null,
    },
    problems: [],
  };
}
