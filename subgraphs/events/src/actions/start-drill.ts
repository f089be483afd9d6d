import { randomInt, randomUUID } from 'node:crypto';
import { isAreaCode } from '../../../kit/src/area-code.js';
import { refusedPayload, type Payload } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import { loadCatalogue } from '../queries/catalogue.js';
import type { Context } from '../context.js';
import { wholeSeconds } from '../../../kit/src/time.js';
import { deadlineRule, DRILL_CATEGORY, findActiveCategory, unknownCategoryMessage } from '../domain/categories.js';
import { NO_TIMING, timingAfter } from '../domain/deadlines.js';
import type { ChainLink } from '../domain/dispatch.js';
import { MAX_DRILL_WORKERS, pickAtRandom } from '../domain/drill.js';
import type { EventPriority } from '../domain/event-values.js';
import type { Problem } from '../domain/problems.js';
import { COMMUNITY_ROLES } from '../domain/status-flow.js';
import { Drill, DrillParticipant, type DrillEntity, type DrillParticipantEntity } from '../entities/drill.js';
import { EventAction } from '../entities/event-action.js';
import { GridEvent } from '../entities/grid-event.js';
import { newEvent, openingAction } from './new-event.js';
import { microGridsUnder, type MicroGridStaff } from '../graph/lookups.js';

export interface StartDrillInput {
  areaCode: string;
  workers: number;
  seed?: number | null;
  title?: string | null;
  category?: string | null;
  priority?: EventPriority | null;
}

export type StartDrillResult = Payload<'drill', DrillEntity>;

interface Candidate {
  id: string;
  personId: string;
  grid: { id: string; code: string };
}

const failed = (problems: Problem[]): StartDrillResult => refusedPayload('drill', problems);

/** Micro-grid leaders and workers under the area, each once, at the first of their micro-grids by code. */
function candidatesOf(grids: MicroGridStaff[]): Candidate[] {
  const byStaff = new Map<string, Candidate>();
  for (const grid of [...grids].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    for (const staff of grid.staff) {
      if ((staff.role === 'MICRO_GRID_LEADER' || staff.role === 'MICRO_GRID_WORKER') && !byStaff.has(staff.id)) {
        byStaff.set(staff.id, { id: staff.id, personId: staff.person.id, grid: { id: grid.id, code: grid.code } });
      }
    }
  }
  return [...byStaff.values()];
}

function checkInput(input: StartDrillInput, viewer: Context['viewer']): Problem[] {
  const problems: Problem[] = [];
  if (!isAreaCode(input.areaCode) || input.areaCode.length > 15)
    problems.push({ code: 'INVALID_AREA_CODE', message: '区域编码应为 6、9、12 或 15 位数字', field: 'areaCode' });
  else if (!inScope(viewer, input.areaCode))
    problems.push({ code: 'OUT_OF_SCOPE', message: '该区域不在您的管辖范围内', field: 'areaCode' });
  if (!Number.isInteger(input.workers) || input.workers < 1 || input.workers > MAX_DRILL_WORKERS) {
    problems.push({
      code: 'INVALID_WORKER_COUNT',
      message: `抽取人数应为 1 到 ${MAX_DRILL_WORKERS} 人`,
      field: 'workers',
    });
  }
  if (
    input.seed !== null &&
    input.seed !== undefined &&
    (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 2 ** 31 - 1)
  ) {
    problems.push({ code: 'INVALID_SEED', message: '随机种子应为 0 到 2147483647 的整数', field: 'seed' });
  }
  const title = input.title?.trim() ?? '';
  if (title.length > 100) problems.push({ code: 'INVALID_TITLE', message: '标题不能超过 100 个字', field: 'title' });
  return problems;
}

/**
 * Starts a drill (网格赶考): picks micro-grid workers under the area at random (seedable),
 * and sends each a DRILL event, dispatched to them at once, in one transaction. Their
 * times to accept and to submit feedback rank the communities (`drill(id)`).
 */
export async function startDrill(context: Context, input: StartDrillInput): Promise<StartDrillResult> {
  const { viewer } = context;
  if (!viewer.roles.some((role) => COMMUNITY_ROLES.includes(role)))
    return failed([{ code: 'ROLE_NOT_ALLOWED', message: '只有社区或街道可以发起网格赶考' }]);
  const problems = checkInput(input, viewer);
  const categoryName = input.category?.trim() || DRILL_CATEGORY;
  const category = findActiveCategory(await loadCatalogue(context), categoryName);
  if (!category)
    problems.push({ code: 'UNKNOWN_CATEGORY', message: unknownCategoryMessage(categoryName), field: 'category' });
  if (problems.length || !category) return failed(problems);
  const candidates = candidatesOf(await microGridsUnder(context, input.areaCode));
  if (!candidates.length)
    return failed([{ code: 'DRILL_AREA_EMPTY', message: '该区域没有可抽取的微网格工作人员', field: 'areaCode' }]);

  const now = wholeSeconds(context.settings.now());
  const priority = input.priority ?? 'NORMAL';
  const rule = deadlineRule(category, priority);
  const drill: DrillEntity = {
    id: randomUUID(),
    areaCode: input.areaCode,
    title: input.title?.trim() || '网格赶考',
    seed: input.seed ?? randomInt(2 ** 31 - 1),
    requestedWorkers: input.workers,
    category: category.name,
    priority,
    startedAt: now,
    startedBy: viewer.subject,
  };
  const timing = timingAfter({
    step: 'DISPATCH',
    to: 'DISPATCHED',
    current: NO_TIMING,
    now,
    rule,
    calendar: context.settings.calendar,
  });
  const participants: DrillParticipantEntity[] = [];
  const events = pickAtRandom(candidates, input.workers, drill.seed).map((worker) => {
    const link: ChainLink = { level: 'MICRO_GRID', staffId: worker.id, personId: worker.personId };
    const draft = {
      title: `【网格赶考】${drill.title}`,
      description: '这是一次网格赶考演练：请尽快接收，并到现场核实后提交反馈。',
      category,
      priority,
      source: 'DRILL' as const,
      reporterId: null,
      buildingId: null,
      lng: null,
      lat: null,
      photos: [],
    };
    const event = newEvent(
      draft,
      worker.grid,
      now,
      { rule, calendar: context.settings.calendar },
      { drillId: drill.id },
      {
        ...timing,
        status: 'DISPATCHED',
        assigneeId: worker.id,
        assigneePersonId: worker.personId,
        assignedLevel: 'MICRO_GRID',
        escalationChain: [link],
        escalationIndex: 0,
        dispatchedAt: now,
      },
    );
    participants.push({
      drillId: drill.id,
      staffId: worker.id,
      eventId: event.id,
      gridId: worker.grid.id,
      areaCode: worker.grid.code,
      communityCode: worker.grid.code.slice(0, 12),
      acceptSeconds: null,
      feedbackSeconds: null,
    });
    return event;
  });
  await inTransaction(context.db, async (manager) => {
    await manager.insert(Drill, drill);
    await manager.insert(GridEvent, events);
    await manager.insert(
      EventAction,
      events.map((event) => openingAction(event, viewer, 'DISPATCH', '网格赶考：随机抽取并派遣')),
    );
    await manager.insert(DrillParticipant, participants);
  });
  return { drill, userErrors: [] };
}
