import { randomUUID } from 'node:crypto';
import type { Role } from '../../../kit/src/auth.js';
import { refusedPayload, type Payload } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import { loadCatalogue } from '../queries/catalogue.js';
import type { Context } from '../context.js';
import { wholeSeconds } from '../../../kit/src/time.js';
import { deadlineRule, findActiveCategory } from '../domain/categories.js';
import type { Problem } from '../domain/problems.js';
import {
  checkVisit,
  staffVisitRecorder,
  VISITOR_NOT_SELF,
  type CheckedVisit,
  type VisitRequest,
} from '../domain/visit.js';
import { EventAction } from '../entities/event-action.js';
import { GridEvent, type GridEventEntity } from '../entities/grid-event.js';
import { Visit, type VisitEntity } from '../entities/visit.js';
import { newEvent, openingAction } from './new-event.js';
import { visitFacts, type VisitFacts } from '../graph/lookups.js';

export type RecordVisitResult = Payload<'visit', VisitEntity>;

const VISITING_ROLES: readonly Role[] = ['GRID_WORKER', 'COMMUNITY_WORKER', 'STREET_ADMIN'];

const failed = (problems: Problem[]): RecordVisitResult => refusedPayload('visit', problems);

/** The visited person and the visitor as the graph shows them to the caller, or the problems. */
function checkFacts(facts: VisitFacts, visit: CheckedVisit, viewer: Context['viewer']): Problem[] {
  const problems: Problem[] = [];
  if (!facts.person || !inScope(viewer, facts.person.grid.code)) {
    problems.push({ code: 'PERSON_NOT_FOUND', message: '走访对象不存在或不在您的管辖范围内', field: 'personId' });
  }
  const visitor = visit.visitor.kind === 'STAFF' ? (facts.gridStaff?.active ? facts.gridStaff : null) : facts.volunteer;
  if (!visitor) {
    const field = visit.visitor.kind === 'STAFF' ? 'visitorStaffId' : 'visitorVolunteerId';
    problems.push({ code: 'VISITOR_NOT_FOUND', message: '走访人不是在岗的网格工作人员或已登记的志愿者', field });
  } else if (facts.gridStaff && visit.visitor.kind === 'STAFF') {
    const caller = { personId: viewer.personId ?? null, staff: facts.caller?.staffRoles ?? [] };
    if (!staffVisitRecorder(caller, facts.gridStaff)) problems.push(VISITOR_NOT_SELF);
  }
  return problems;
}

/**
 * Records a home visit (走访, 爱心敲门) by a staff member or a volunteer. The person and
 * the visitor are asked of the graph with the caller's token. A staff member's visit is
 * recorded by that staff member, or by the leader of a micro-grid they serve in; the row
 * keeps the recorder (`recordedBy`) apart from the visitor. A visit that needs
 * follow-up creates an event (source VISIT) in the person's grid, in the same transaction.
 */
export async function recordVisit(context: Context, request: VisitRequest): Promise<RecordVisitResult> {
  const { viewer } = context;
  if (!viewer.roles.some((role) => VISITING_ROLES.includes(role)))
    return failed([{ code: 'ROLE_NOT_ALLOWED', message: '您的角色不能记录走访' }]);
  const now = wholeSeconds(context.settings.now());
  const catalogue = await loadCatalogue(context);
  const checked = checkVisit(request, catalogue, now);
  if (!checked.visit) return failed(checked.problems);
  const visit = checked.visit;
  const facts = await visitFacts(context, visit.personId, visit.visitor);
  const problems = checkFacts(facts, visit, viewer);
  if (problems.length || !facts.person) return failed(problems);

  const grid = facts.person.grid;
  const row: VisitEntity = {
    id: randomUUID(),
    personId: visit.personId,
    gridId: grid.id,
    areaCode: grid.code,
    visitorKind: visit.visitor.kind,
    visitorId: visit.visitor.id,
    visitorPersonId: (visit.visitor.kind === 'STAFF' ? facts.gridStaff?.person.id : facts.volunteer?.person.id) ?? null,
    visitedAt: wholeSeconds(visit.visitedAt),
    outcome: visit.outcome,
    notes: visit.notes,
    followUpNeeded: visit.followUp !== null,
    followUpEventId: null,
    recordedBy: viewer.subject,
    createdAt: now,
  };
  let event: GridEventEntity | null = null;
  if (visit.followUp) {
    const category = findActiveCategory(catalogue, visit.followUp.category)!;
    const draft = {
      ...visit.followUp,
      category,
      source: 'VISIT' as const,
      reporterId: null,
      buildingId: null,
      lng: null,
      lat: null,
      photos: [],
    };
    event = newEvent(
      draft,
      grid,
      now,
      { rule: deadlineRule(category, draft.priority), calendar: context.settings.calendar },
      { visitId: row.id },
    );
    row.followUpEventId = event.id;
  }
  await inTransaction(context.db, async (manager) => {
    await manager.insert(Visit, row);
    if (event) {
      await manager.insert(GridEvent, event);
      await manager.insert(EventAction, openingAction(event, viewer, 'REPORT', '走访发现需跟进事项'));
    }
  });
  return { visit: row, userErrors: [] };
}
