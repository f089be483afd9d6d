import type { EntityManager } from 'typeorm';
import type { Database } from '../../../kit/src/database.js';
import { forUpdate } from '../../../kit/src/sql.js';
import type { EventStatus } from '../domain/event-values.js';
import { FINISHED_STATUSES, type EventStep } from '../domain/status-flow.js';
import { DrillParticipant } from '../entities/drill.js';
import type { GridEventEntity } from '../entities/grid-event.js';
import { Inspection, InspectionFinding } from '../entities/inspection.js';

const seconds = (from: Date | null, to: Date) =>
  from ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null;

/**
 * Before a step that finishes a rectification event, its inspection row is locked (MySQL),
 * so that of two rectifications finishing at once the second waits for the first and then
 * sees it finished. The lock comes before any plain read: InnoDB fixes a transaction's
 * snapshot at its first plain read. SQLite runs one write transaction at a time anyway.
 * Returns the inspection to check after the step, or null.
 */
export async function lockForStep(
  db: Database,
  manager: EntityManager,
  event: GridEventEntity,
  to: EventStatus,
): Promise<string | null> {
  if (!event.inspectionFindingId || !FINISHED_STATUSES.includes(to)) return null;
  const lock = forUpdate(db.kind);
  const [finding]: { inspection_id: string }[] = await manager.query(
    `SELECT inspection_id FROM inspection_finding WHERE id = ?${lock}`,
    [event.inspectionFindingId],
  );
  if (!finding) return null;
  await manager.query(`SELECT id FROM inspection WHERE id = ?${lock}`, [finding.inspection_id]);
  return finding.inspection_id;
}

/**
 * What a step changes beyond its event, in the same transaction: a drill participant's
 * response times, and an inspection that closes with its last rectification.
 */
export async function applyStepEffects(
  manager: EntityManager,
  step: EventStep,
  event: GridEventEntity,
  now: Date,
  inspectionId: string | null,
): Promise<void> {
  if (event.drillId && (step === 'ACCEPT' || step === 'SUBMIT_FEEDBACK')) {
    const elapsed = seconds(event.dispatchedAt, now);
    await manager.update(
      DrillParticipant,
      { drillId: event.drillId, eventId: event.id },
      step === 'ACCEPT' ? { acceptSeconds: elapsed } : { feedbackSeconds: elapsed },
    );
  }
  if (inspectionId) await closeInspectionIfDone(manager, inspectionId, now);
}

/** Closes an inspection once none of its rectification events is still open. */
async function closeInspectionIfDone(manager: EntityManager, inspectionId: string, now: Date): Promise<void> {
  const open = await manager
    .createQueryBuilder(InspectionFinding, 'finding')
    .innerJoin('GridEvent', 'event', 'event.id = finding.rectificationEventId')
    .where('finding.inspectionId = :inspectionId', { inspectionId })
    .andWhere('event.status NOT IN (:...finished)', { finished: [...FINISHED_STATUSES] })
    .getCount();
  if (open > 0) return;
  await manager
    .createQueryBuilder()
    .update(Inspection)
    .set({ status: 'CLOSED', closedAt: now })
    .where("id = :id AND status <> 'CLOSED'", { id: inspectionId })
    .execute();
}
