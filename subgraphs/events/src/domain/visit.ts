import { z } from 'zod';
import { CARE_CATEGORY, type CategoryDefinition } from './categories.js';
import { categoryProblem, draftFields, issuesToProblems, occurredAt } from './event-report.js';
import type { EventPriority } from './event-values.js';
import type { Problem } from './problems.js';

/** 走访, 爱心敲门: what the visitor found. */
export const VISIT_OUTCOMES = ['WELL', 'NEEDS_HELP', 'NOT_AT_HOME'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const VISITOR_KINDS = ['STAFF', 'VOLUNTEER'] as const;
export type VisitorKind = (typeof VISITOR_KINDS)[number];

export interface VisitRequest {
  personId: string;
  visitorStaffId?: string | null;
  visitorVolunteerId?: string | null;
  visitedAt?: Date | null;
  outcome: VisitOutcome;
  notes?: string | null;
  followUpNeeded: boolean;
  followUp?: {
    title?: string | null;
    description?: string | null;
    category?: string | null;
    priority?: EventPriority | null;
  } | null;
}

export interface CheckedVisit {
  personId: string;
  visitor: { kind: VisitorKind; id: string };
  visitedAt: Date;
  outcome: VisitOutcome;
  notes: string | null;
  followUp: { title: string; description: string | null; category: string; priority: EventPriority } | null;
}

const CODES: Record<string, string> = {
  personId: 'PERSON_NOT_FOUND',
  visitedAt: 'INVALID_TIME',
  notes: 'INVALID_NOTES',
  followUp: 'INVALID_FOLLOW_UP',
};

function visitSchema(now: Date) {
  return z.object({
    personId: z.string().trim().min(1, '请选择走访对象'),
    visitedAt: occurredAt(now, '走访时间不能晚于当前时间'),
    outcome: z.enum(VISIT_OUTCOMES),
    notes: z
      .string()
      .trim()
      .max(1000, '走访记录不能超过 1000 个字')
      .nullish()
      .transform((text) => text || null),
    followUp: z
      .object({
        title: draftFields.title.nullish(),
        description: draftFields.description,
        category: z.string().trim().nullish(),
        priority: draftFields.priority,
      })
      .nullish(),
  });
}

function visitorOf(request: VisitRequest): { visitor: CheckedVisit['visitor'] | null; problem: Problem | null } {
  const staff = request.visitorStaffId?.trim() || null;
  const volunteer = request.visitorVolunteerId?.trim() || null;
  if ((staff === null) === (volunteer === null)) {
    return {
      visitor: null,
      problem: {
        code: 'VISITOR_REQUIRED',
        message: '请填写走访人：网格工作人员或志愿者，二者选其一',
        field: 'visitorStaffId',
      },
    };
  }
  return { visitor: staff ? { kind: 'STAFF', id: staff } : { kind: 'VOLUNTEER', id: volunteer! }, problem: null };
}

/** Checks a visit; a follow-up event takes the care category unless told otherwise. */
export function checkVisit(
  request: VisitRequest,
  catalogue: readonly CategoryDefinition[],
  now: Date,
): { visit: CheckedVisit; problems: [] } | { visit: null; problems: Problem[] } {
  const parsed = visitSchema(now).safeParse(request);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, CODES);
  const { visitor, problem } = visitorOf(request);
  if (problem) problems.push(problem);
  const category = request.followUp?.category?.trim() || CARE_CATEGORY;
  const unknown = request.followUpNeeded ? categoryProblem(catalogue, category, 'followUp.category') : null;
  if (unknown) problems.push(unknown);
  if (problems.length || !parsed.success || !visitor) return { visit: null, problems };
  const { followUp, ...fields } = parsed.data;
  return {
    visit: {
      ...fields,
      visitor,
      followUp: request.followUpNeeded
        ? {
            title: followUp?.title ?? '走访发现需跟进事项',
            description: followUp?.description ?? null,
            category,
            priority: followUp?.priority ?? 'NORMAL',
          }
        : null,
    },
    problems: [],
  };
}

/** A staff member as the graph shows them: their person, role, and the grids they serve now. */
export interface StaffFacts {
  id: string;
  role: string;
  active: boolean;
  person: { id: string };
  grids: { code: string }[];
}

/** How a staff member's visit came to be recorded: by the visitor, or by their micro-grid leader. */
export type VisitRecordedAs = 'SELF' | 'LEADER';

export const VISITOR_NOT_SELF: Problem = {
  code: 'VISITOR_NOT_SELF',
  message: '只能记录本人的走访；微网格长可为本微网格的工作人员记录',
  field: 'visitorStaffId',
};

/**
 * Who may record a staff member's visit: the staff member themselves (the token names their
 * person), or an active leader of a micro-grid the visitor serves in. No one else, whatever
 * their role: a visit counts for the visitor, so naming another's staff id would forge
 * that credit. The visit keeps who recorded it (`recordedBy`) apart from who visited.
 */
export function staffVisitRecorder(
  caller: { personId: string | null; staff: readonly StaffFacts[] },
  visitor: StaffFacts,
): VisitRecordedAs | null {
  if (caller.personId !== null && visitor.person.id === caller.personId) return 'SELF';
  const led = caller.staff
    .filter((staff) => staff.active && staff.role === 'MICRO_GRID_LEADER' && staff.person.id === caller.personId)
    .flatMap((staff) => staff.grids.map((grid) => grid.code));
  const served = visitor.grids.map((grid) => grid.code);
  return led.some((code) => served.some((grid) => grid.startsWith(code))) ? 'LEADER' : null;
}
