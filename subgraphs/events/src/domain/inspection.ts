import { z } from 'zod';
import type { EventPriority, EventStatus } from './event-values.js';
import { draftFields, issuesToProblems, occurredAt } from './event-report.js';
import type { Problem } from './problems.js';
import { FINISHED_STATUSES } from './status-flow.js';

/** 安全巡查整改: hazard levels of a finding, lowest first. A major hazard is rectified as an urgent event. */
export const HAZARD_LEVELS = ['MINOR', 'GENERAL', 'MAJOR'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

export const INSPECTION_STATUSES = ['OPEN', 'CLOSED'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const MAX_FINDINGS = 50;

export interface FindingRequest {
  description: string;
  hazardLevel: HazardLevel;
  needsRectification: boolean;
  rectifyBy?: Date | null;
  photos?: string[] | null;
}

export interface InspectionRequest {
  gridId: string;
  buildingId?: string | null;
  title: string;
  inspectedAt?: Date | null;
  findings: FindingRequest[];
}

export interface CheckedFinding {
  description: string;
  hazardLevel: HazardLevel;
  needsRectification: boolean;
  rectifyBy: Date | null;
  photos: string[];
}

export interface CheckedInspection {
  title: string;
  buildingId: string | null;
  inspectedAt: Date;
  findings: CheckedFinding[];
}

const CODES: Record<string, string> = {
  title: 'INVALID_TITLE',
  buildingId: 'INVALID_BUILDING',
  inspectedAt: 'INVALID_TIME',
  findings: 'INVALID_FINDING',
};

function inspectionSchema(now: Date) {
  const finding = z.object({
    description: z.string().trim().min(2, '隐患描述至少 2 个字').max(500, '隐患描述不能超过 500 个字'),
    hazardLevel: z.enum(HAZARD_LEVELS),
    needsRectification: z.boolean(),
    rectifyBy: z
      .date()
      .nullish()
      .transform((date) => date ?? null)
      .refine((date) => date === null || date.getTime() > now.getTime(), '整改期限必须晚于当前时间'),
    photos: draftFields.photos,
  });
  return z.object({
    title: draftFields.title,
    buildingId: draftFields.buildingId,
    inspectedAt: occurredAt(now, '巡查时间不能晚于当前时间'),
    findings: z
      .array(finding)
      .min(1, '巡查至少记录一项发现')
      .max(MAX_FINDINGS, `一次巡查最多记录 ${MAX_FINDINGS} 项发现`),
  });
}

/** Checks an inspection and its findings; a finding's problem names its index (`findings.1.description`). */
export function checkInspection(
  request: InspectionRequest,
  now: Date,
): { inspection: CheckedInspection; problems: [] } | { inspection: null; problems: Problem[] } {
  const parsed = inspectionSchema(now).safeParse(request);
  if (parsed.success) return { inspection: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => {
    const [head, ...rest] = issue.path.map(String);
    return { ...issuesToProblems([issue], CODES)[0]!, field: [head, ...rest].join('.') };
  });
  return { inspection: null, problems };
}

export function rectificationPriority(level: HazardLevel): EventPriority {
  return level === 'MAJOR' ? 'URGENT' : 'NORMAL';
}

/** The rectification event's title: the hazard level and the start of the finding. */
export function rectificationTitle(finding: CheckedFinding): string {
  const level = { MINOR: '轻微', GENERAL: '一般', MAJOR: '重大' }[finding.hazardLevel];
  return `隐患整改（${level}）：${finding.description}`.slice(0, 200);
}

/** An inspection is closed when every rectification is finished (closed, evaluated, or cancelled as unfounded). */
export function inspectionStatus(rectificationStatuses: readonly EventStatus[]): InspectionStatus {
  return rectificationStatuses.every((status) => FINISHED_STATUSES.includes(status)) ? 'CLOSED' : 'OPEN';
}
