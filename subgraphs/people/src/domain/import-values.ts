import type { DocumentType, Gender, ResidencyType } from './enums.js';
import { parseLooseDate } from './dates.js';
import { DOCUMENT_TYPE_LABELS, isDocumentType } from './documents.js';
import { isOccupation, OCCUPATION_LABELS, type OccupationCode } from './occupations.js';
import type { Problem } from '../../../kit/src/problems.js';
import type { PersonRecordRequest } from './person-record.js';
import type { PlacementRequest } from './placement.js';
import type { TagCatalogue } from './tags.js';

/** An import row as text, the way a spreadsheet holds it. */
export interface ImportRowText {
  name?: string | null;
  documentType?: string | null;
  idNumber?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  residencyType?: string | null;
  residencySince?: string | null;
  gridId?: string | null;
  gridCode?: string | null;
  buildingId?: string | null;
  room?: string | null;
  tags?: string | null;
  occupation?: string | null;
}

/** Words street offices use for each value, besides the codes themselves. */
const GENDER_WORDS: Record<string, Gender> = {
  男: 'MALE',
  女: 'FEMALE',
  M: 'MALE',
  F: 'FEMALE',
  男性: 'MALE',
  女性: 'FEMALE',
};
const RESIDENCY_WORDS: Record<string, ResidencyType> = {
  户籍: 'REGISTERED',
  户籍人口: 'REGISTERED',
  常住: 'PERMANENT',
  常住人口: 'PERMANENT',
  流动: 'FLOATING',
  流动人口: 'FLOATING',
};
const DOCUMENT_WORDS: Record<string, DocumentType> = {
  ...Object.fromEntries(Object.entries(DOCUMENT_TYPE_LABELS).map(([code, label]) => [label, code as DocumentType])),
  身份证: 'RESIDENT_ID_CARD',
  二代身份证: 'RESIDENT_ID_CARD',
  港澳通行证: 'HK_MACAO_PERMIT',
  回乡证: 'HK_MACAO_PERMIT',
  台胞证: 'TAIWAN_PERMIT',
  永居证: 'FOREIGN_PERMANENT_RESIDENT_CARD',
  外国人永久居留证: 'FOREIGN_PERMANENT_RESIDENT_CARD',
};
const OCCUPATION_WORDS: Record<string, OccupationCode> = {
  ...Object.fromEntries(Object.entries(OCCUPATION_LABELS).map(([code, label]) => [label, code as OccupationCode])),
  外卖员: 'DELIVERY_RIDER',
  骑手: 'DELIVERY_RIDER',
  快递小哥: 'COURIER',
  网约车驾驶员: 'RIDE_HAILING_DRIVER',
  货车司机: 'FREIGHT_DRIVER',
  主播: 'LIVE_STREAMER',
  家政: 'HOUSEKEEPER',
};

/** Tags in one cell: 空巢老人、党员 / PARTY_MEMBER,VETERAN. */
export const TAG_SEPARATORS = /[、,，;；\s]+/;

const text = (value: string | null | undefined): string | null => value?.trim() || null;

function word<T extends string>(
  value: string | null,
  words: Record<string, T>,
  isCode: (code: string) => code is T,
): T | null | undefined {
  if (value === null) return null;
  const upper = value.toUpperCase();
  if (isCode(upper)) return upper;
  return words[value] ?? words[upper];
}

const isGender = (code: string): code is Gender => code === 'MALE' || code === 'FEMALE';
const isResidency = (code: string): code is ResidencyType =>
  code === 'REGISTERED' || code === 'PERMANENT' || code === 'FLOATING';

/**
 * Turns a row's text into a person request and a placement; a value that names nothing
 * (性别 "未知", 人口类型 "暂住") is a problem of its own field, so the row fails with a
 * message that says which cell to fix.
 */
export function readImportRow(
  row: ImportRowText,
  catalogue: TagCatalogue,
): {
  request: PersonRecordRequest;
  placement: PlacementRequest & { gridCode: string | null };
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const documentType = word(text(row.documentType), DOCUMENT_WORDS, isDocumentType);
  if (documentType === undefined)
    problems.push({
      code: 'INVALID_DOCUMENT_TYPE',
      field: 'documentType',
      message: `未知的证件类型：${text(row.documentType)}`,
    });
  const gender = word(text(row.gender), GENDER_WORDS, isGender);
  if (gender === undefined)
    problems.push({ code: 'INVALID_GENDER', field: 'gender', message: `性别应为“男”或“女”：${text(row.gender)}` });
  const residencyType = word(text(row.residencyType), RESIDENCY_WORDS, isResidency);
  if (residencyType === undefined)
    problems.push({
      code: 'INVALID_RESIDENCY_TYPE',
      field: 'residencyType',
      message: `人口类型应为户籍、常住或流动：${text(row.residencyType)}`,
    });
  const occupation = word(text(row.occupation), OCCUPATION_WORDS, isOccupation);
  if (occupation === undefined)
    problems.push({ code: 'INVALID_OCCUPATION', field: 'occupation', message: `未知的职业：${text(row.occupation)}` });

  const dates: Record<'birthDate' | 'residencySince', string | null> = { birthDate: null, residencySince: null };
  for (const field of ['birthDate', 'residencySince'] as const) {
    const value = text(row[field]);
    if (value === null) continue;
    const parsed = parseLooseDate(value);
    if (parsed) dates[field] = parsed;
    else
      problems.push({
        code: field === 'birthDate' ? 'INVALID_BIRTH_DATE' : 'INVALID_DATE',
        field,
        message: `日期无效：${value}（应为 YYYY-MM-DD 等格式的真实日期）`,
      });
  }

  // A tag cell may hold labels; unknown words go on as they are, to be reported as UNKNOWN_TAG.
  const tags =
    row.tags === null || row.tags === undefined
      ? null
      : row.tags
          .split(TAG_SEPARATORS)
          .filter(Boolean)
          .map((tag) => catalogue.find(tag)?.code ?? tag);
  return {
    request: {
      name: text(row.name) ?? '',
      documentType: documentType ?? null,
      idNumber: text(row.idNumber) ?? '',
      gender: gender ?? null,
      birthDate: dates.birthDate,
      phone: text(row.phone),
      residencyType: residencyType ?? null,
      residencySince: dates.residencySince,
      tags,
      occupation: occupation ?? null,
    },
    placement: {
      gridId: text(row.gridId),
      gridCode: text(row.gridCode),
      buildingId: text(row.buildingId),
      room: text(row.room),
    },
    problems,
  };
}
