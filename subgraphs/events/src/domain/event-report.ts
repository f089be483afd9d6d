import { z } from 'zod';
import type { Actor } from './status-flow.js';
import { findActiveCategory, unknownCategoryMessage, type CategoryDefinition } from './categories.js';
import { EVENT_PRIORITIES, type EventPriority, type EventSource } from './event-values.js';
import type { Problem } from './problems.js';

export const MAX_PHOTOS = 9;

/** What a client sends to report an event. */
export interface ReportRequest {
  gridId: string;
  title: string;
  description?: string | null;
  category: string;
  priority?: EventPriority | null;
  source?: EventSource | null;
  reporterId?: string | null;
  buildingId?: string | null;
  location?: { lng: number; lat: number } | null;
  photos?: string[] | null;
}

/** The checked facts of an event, whatever created it (a report, an inspection, a visit, a drill). */
export interface EventDraft {
  title: string;
  description: string | null;
  category: CategoryDefinition;
  priority: EventPriority;
  source: EventSource;
  reporterId: string | null;
  buildingId: string | null;
  lng: number | null;
  lat: number | null;
  photos: string[];
}

/** Sources a client may name; INSPECTION, VISIT, DRILL and DELIBERATION events come from their own flows. */
const REPORTABLE_SOURCES = ['PATROL', 'RESIDENT', 'HOTLINE_12345'] as const;

const photoUrl = z
  .string()
  .trim()
  .max(500, '照片地址不能超过 500 个字符')
  .refine((url) => /^https?:\/\/[^\s]+$/i.test(url), '照片地址必须是 http 或 https 网址');

export const draftFields = {
  title: z.string().trim().min(2, '标题至少 2 个字').max(200, '标题不能超过 200 个字'),
  description: z
    .string()
    .trim()
    .max(2000, '描述不能超过 2000 个字')
    .nullish()
    .transform((text) => text || null),
  priority: z
    .enum(EVENT_PRIORITIES)
    .nullish()
    .transform((priority) => priority ?? 'NORMAL'),
  photos: z
    .array(photoUrl)
    .max(MAX_PHOTOS, `照片最多 ${MAX_PHOTOS} 张`)
    .nullish()
    .transform((photos) => photos ?? []),
  location: z
    .object({
      lng: z.number().min(73, '经度超出中国范围').max(136, '经度超出中国范围'),
      lat: z.number().min(3, '纬度超出中国范围').max(54, '纬度超出中国范围'),
    })
    .nullish()
    .transform((point) => point ?? null),
  buildingId: z
    .string()
    .trim()
    .nullish()
    .transform((id) => id || null),
};

/** When something happened: now when not given, never in the future. */
export function occurredAt(now: Date, message: string) {
  return z
    .date()
    .nullish()
    .transform((date) => date ?? now)
    .refine((date) => date.getTime() <= now.getTime(), message);
}

const CODE_BY_FIELD: Record<string, string> = {
  title: 'INVALID_TITLE',
  description: 'INVALID_DESCRIPTION',
  priority: 'INVALID_PRIORITY',
  photos: 'INVALID_PHOTO',
  location: 'INVALID_LOCATION',
  buildingId: 'INVALID_BUILDING',
  gridId: 'GRID_NOT_FOUND',
};

/** Zod issues as problems: the first path element names the field and so the code. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  codes: Record<string, string> = CODE_BY_FIELD,
  prefix = '',
): Problem[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return { code: codes[field] ?? 'INVALID_INPUT', message: issue.message, field: `${prefix}${field}` };
  });
}

export function categoryProblem(
  catalogue: readonly CategoryDefinition[],
  name: string,
  field = 'category',
): Problem | null {
  return findActiveCategory(catalogue, name)
    ? null
    : { code: 'UNKNOWN_CATEGORY', message: unknownCategoryMessage(name), field };
}

/** Who the report names as its reporter, and from which source: a resident always reports as themselves. */
function reporterAndSource(
  request: ReportRequest,
  actor: Actor,
): { reporterId: string | null; source: EventSource; problems: Problem[] } {
  const reporterId = request.reporterId?.trim() || null;
  if (actor.roles.includes('RESIDENT') && actor.roles.length === 1) {
    const problems: Problem[] = [];
    if (!actor.personId) problems.push({ code: 'ROLE_NOT_ALLOWED', message: '令牌未标明您的居民身份，不能上报' });
    else if (reporterId && reporterId !== actor.personId)
      problems.push({ code: 'INVALID_REPORTER', message: '居民只能以本人名义上报', field: 'reporterId' });
    if (request.source && request.source !== 'RESIDENT')
      problems.push({ code: 'INVALID_SOURCE', message: '居民上报的事件来源只能是“居民上报”', field: 'source' });
    return { reporterId: actor.personId, source: 'RESIDENT', problems };
  }
  const source = request.source ?? (reporterId ? 'RESIDENT' : 'PATROL');
  const reportable = (REPORTABLE_SOURCES as readonly string[]).includes(source);
  return {
    reporterId,
    source,
    problems: reportable
      ? []
      : [
          {
            code: 'INVALID_SOURCE',
            message: '巡查整改、走访、网格赶考和议事决议事件由各自的流程生成，不能直接上报',
            field: 'source',
          },
        ],
  };
}

/** Checks a report against the catalogue; every problem is reported, not only the first. */
export function checkReport(
  request: ReportRequest,
  catalogue: readonly CategoryDefinition[],
  actor: Actor,
): { draft: EventDraft; problems: [] } | { draft: null; problems: Problem[] } {
  const parsed = z.object(draftFields).safeParse(request);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues);
  const category = categoryProblem(catalogue, request.category);
  if (category) problems.push(category);
  if (!request.gridId.trim()) problems.push({ code: 'GRID_NOT_FOUND', message: '请选择事件所在网格', field: 'gridId' });
  const who = reporterAndSource(request, actor);
  problems.push(...who.problems);
  if (problems.length || !parsed.success) return { draft: null, problems };
  const { location, ...fields } = parsed.data;
  return {
    draft: {
      ...fields,
      category: findActiveCategory(catalogue, request.category)!,
      source: who.source,
      reporterId: who.reporterId,
      lng: location?.lng ?? null,
      lat: location?.lat ?? null,
    },
    problems: [],
  };
}
