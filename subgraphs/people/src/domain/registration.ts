import { z } from 'zod';
import type { ResidencyType } from '../entities/person.js';
import { shanghaiToday } from '../../../kit/src/time.js';
import { ID_NUMBER_PROBLEM_MESSAGES, MAINLAND_MOBILE, parseIdNumber, type ParsedIdNumber } from './id-number.js';
import { isValidName, MAX_NAME_LENGTH } from './names.js';
import { isKnownTag } from './tags.js';

/** What a client asks to register, as the mutation's input carries it. */
export interface RegistrationRequest {
  name: string;
  idNumber: string;
  gridId: string;
  phone?: string | null;
  residencyType?: ResidencyType | null;
  tags?: string[] | null;
}

export interface Registration {
  name: string;
  identity: ParsedIdNumber;
  gridId: string;
  phone: string | null;
  residencyType: ResidencyType;
  tags: string[];
}

/** One thing wrong with a request: a stable code, the input field, a message for people. */
export interface RegistrationProblem {
  code: string;
  field: keyof RegistrationRequest;
  message: string;
}

/** The error code for a problem with each field. */
const CODE_BY_FIELD: Record<keyof RegistrationRequest, string> = {
  name: 'INVALID_NAME',
  idNumber: 'INVALID_ID_NUMBER',
  gridId: 'GRID_NOT_FOUND',
  phone: 'INVALID_PHONE',
  residencyType: 'INVALID_RESIDENCY_TYPE',
  tags: 'UNKNOWN_TAG',
};

/** Residents not told otherwise live where they are registered as 常住 (permanent). */
export const DEFAULT_RESIDENCY_TYPE: ResidencyType = 'PERMANENT';

function registrationSchema(today: Date) {
  return z.object({
    name: z.string().trim().refine(isValidName, `姓名应为 2 至 ${MAX_NAME_LENGTH} 个汉字或字母，可含间隔号“·”`),
    idNumber: z.string().transform((raw, ctx) => {
      const parsed = parseIdNumber(raw, today);
      if (!('problem' in parsed)) return parsed;
      ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_MESSAGES[parsed.problem] });
      return z.NEVER;
    }),
    gridId: z.string().trim().min(1, '请填写居住网格'),
    phone: z
      .string()
      .trim()
      .nullish()
      .transform((phone) => phone || null)
      .refine((phone) => phone === null || MAINLAND_MOBILE.test(phone), '手机号应为 11 位中国大陆手机号码，如 13812345678'),
    residencyType: z
      .enum(['REGISTERED', 'PERMANENT', 'FLOATING'])
      .nullish()
      .transform((type) => type ?? DEFAULT_RESIDENCY_TYPE),
    tags: z
      .array(z.string().trim())
      .nullish()
      .transform((tags) => [...new Set(tags ?? [])])
      .superRefine((tags, ctx) => {
        for (const tag of tags) if (!isKnownTag(tag)) ctx.addIssue({ code: 'custom', message: `未知的人群标签：${tag}` });
      }),
  });
}

/**
 * Checks everything a request says about the person itself; every problem is reported,
 * not only the first. Gender and birth date come from the ID number, never from input.
 */
export function checkRegistration(
  request: RegistrationRequest,
  today: Date = shanghaiToday(),
): { registration: Registration; problems: [] } | { registration: null; problems: RegistrationProblem[] } {
  const result = registrationSchema(today).safeParse(request);
  if (result.success) {
    const { idNumber, ...rest } = result.data;
    return { registration: { ...rest, identity: idNumber }, problems: [] };
  }
  const problems = result.error.issues.map((issue) => {
    const field = issue.path[0] as keyof RegistrationRequest;
    return { code: CODE_BY_FIELD[field], field, message: issue.message };
  });
  return { registration: null, problems };
}

/** What the grids subgraph says about a grid. */
export interface GridFacts {
  id: string;
  code: string;
  type: 'COMMUNITY_TOTAL' | 'GENERAL' | 'MICRO' | 'DEDICATED';
  status: 'ACTIVE' | 'RETIRED';
}

/**
 * A person lives in an active grid inside the registering viewer's scope. A community
 * total grid is the whole community, not a place: residents go in one of its grids.
 */
export function residenceGridProblem(grid: GridFacts | null, inViewerScope: (areaCode: string) => boolean): RegistrationProblem | null {
  if (!grid || grid.status !== 'ACTIVE') return { code: 'GRID_NOT_FOUND', field: 'gridId', message: '网格不存在或已撤销' };
  if (grid.type === 'COMMUNITY_TOTAL') {
    return { code: 'GRID_NOT_RESIDENTIAL', field: 'gridId', message: '社区总网格不能作为居住网格，请选择一般网格、微网格或专属网格' };
  }
  if (!inViewerScope(grid.code)) return { code: 'OUT_OF_SCOPE', field: 'gridId', message: '该网格不在您的管辖范围内' };
  return null;
}

/** The ID number is registered already; the record is named only to a viewer who may see it. */
export function duplicateProblem(visibleExistingId: string | null): RegistrationProblem {
  const message = visibleExistingId
    ? `该身份证号已登记，已有记录 ${visibleExistingId}`
    : '该身份证号已登记，已有记录不在您的查看范围内';
  return { code: 'DUPLICATE_ID_NUMBER', field: 'idNumber', message };
}
