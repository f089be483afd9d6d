import type { Problem } from '../../../kit/src/problems.js';

/** The ID number is registered already; the record is named only to a viewer who may see it. */
export function duplicateProblem(visibleExistingId: string | null): Problem {
  const message = visibleExistingId
    ? `该身份证号已登记，已有记录 ${visibleExistingId}`
    : '该身份证号已登记，已有记录不在您的查看范围内';
  return { code: 'DUPLICATE_ID_NUMBER', field: 'idNumber', message };
}
