import { randomUUID } from 'node:crypto';
import type { Role } from '../../../kit/src/auth.js';
import { refusedPayload, type Payload } from '../../../kit/src/problems.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import { loadCatalogue } from '../queries/catalogue.js';
import type { Context } from '../context.js';
import { wholeSeconds } from '../../../kit/src/time.js';
import { deadlineRule, findActiveCategory, HAZARD_CATEGORY, unknownCategoryMessage } from '../domain/categories.js';
import {
  checkInspection,
  rectificationPriority,
  rectificationTitle,
  type CheckedFinding,
  type InspectionRequest,
} from '../domain/inspection.js';
import { GRID_NOT_FOUND, type Problem } from '../domain/problems.js';
import { EventAction } from '../entities/event-action.js';
import { GridEvent, type GridEventEntity } from '../entities/grid-event.js';
import {
  Inspection,
  InspectionFinding,
  type InspectionEntity,
  type InspectionFindingEntity,
} from '../entities/inspection.js';
import { newEvent, openingAction } from './new-event.js';
import { locate } from '../graph/place.js';

export type RecordInspectionResult = Payload<'inspection', InspectionEntity>;

/** Grid workers patrol; the community and the street inspect too. */
const INSPECTING_ROLES: readonly Role[] = ['GRID_WORKER', 'COMMUNITY_WORKER', 'STREET_ADMIN'];

const failed = (problems: Problem[]): RecordInspectionResult => refusedPayload('inspection', problems);

/**
 * Records an inspection (安全巡查) with its findings. Each finding that needs fixing
 * becomes a rectification event (安全隐患, source INSPECTION) with its deadline, linked
 * both ways; the inspection stays OPEN until all of them are finished. All of it is one
 * transaction: a bad finding leaves nothing written.
 */
export async function recordInspection(context: Context, request: InspectionRequest): Promise<RecordInspectionResult> {
  const { viewer } = context;
  if (!viewer.roles.some((role) => INSPECTING_ROLES.includes(role)))
    return failed([{ code: 'ROLE_NOT_ALLOWED', message: '您的角色不能记录安全巡查' }]);
  const now = wholeSeconds(context.settings.now());
  const checked = checkInspection(request, now);
  const hazard = findActiveCategory(await loadCatalogue(context), HAZARD_CATEGORY);
  const located = await locate(context, request.gridId, { buildingId: checked.inspection?.buildingId ?? null });
  const grid = located.grid;
  const problems = [...checked.problems, ...(request.gridId.trim() ? located.problems : [GRID_NOT_FOUND])];
  if (!hazard) problems.push({ code: 'UNKNOWN_CATEGORY', message: unknownCategoryMessage(HAZARD_CATEGORY) });
  if (problems.length || !checked.inspection || !grid || !hazard) return failed(problems);

  const inspection: InspectionEntity = {
    id: randomUUID(),
    gridId: grid.id,
    areaCode: grid.code,
    buildingId: checked.inspection.buildingId,
    title: checked.inspection.title,
    inspectedAt: wholeSeconds(checked.inspection.inspectedAt),
    inspectorSubject: viewer.subject,
    inspectorPersonId: viewer.personId ?? null,
    status: 'OPEN',
    closedAt: null,
    createdAt: now,
  };
  const findings: InspectionFindingEntity[] = [];
  const events: GridEventEntity[] = [];
  checked.inspection.findings.forEach((finding: CheckedFinding, position) => {
    const row: InspectionFindingEntity = {
      id: randomUUID(),
      inspectionId: inspection.id,
      areaCode: grid.code,
      position,
      description: finding.description,
      hazardLevel: finding.hazardLevel,
      needsRectification: finding.needsRectification,
      rectificationEventId: null,
      photos: finding.photos,
    };
    if (finding.needsRectification) {
      const priority = rectificationPriority(finding.hazardLevel);
      const draft = {
        title: rectificationTitle(finding),
        description: finding.description,
        category: hazard,
        priority,
        source: 'INSPECTION' as const,
        reporterId: null,
        buildingId: inspection.buildingId,
        lng: null,
        lat: null,
        photos: finding.photos,
      };
      const finishBy = finding.rectifyBy ? wholeSeconds(finding.rectifyBy) : null;
      const event = newEvent(
        draft,
        grid,
        now,
        { rule: deadlineRule(hazard, priority), calendar: context.settings.calendar, finishBy },
        { inspectionFindingId: row.id },
      );
      row.rectificationEventId = event.id;
      events.push(event);
    }
    findings.push(row);
  });
  if (!events.length) Object.assign(inspection, { status: 'CLOSED', closedAt: now });
  await inTransaction(context.db, async (manager) => {
    await manager.insert(Inspection, inspection);
    await manager.insert(InspectionFinding, findings);
    if (events.length) {
      await manager.insert(GridEvent, events);
      await manager.insert(
        EventAction,
        events.map((event) =>
          openingAction(event, viewer, 'REPORT', `安全巡查“${inspection.title}”发现隐患，生成整改事件`),
        ),
      );
    }
  });
  return { inspection, userErrors: [] };
}
