import { inScope } from '../../../kit/src/scope.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isSelf } from '../domain/access.js';
import { correctionRequest, decisionProblem, type CorrectionDecision } from '../domain/corrections.js';
import { pointsFor } from '../domain/points.js';
import { CorrectionRequest, type CorrectionRequestEntity } from '../entities/correction-request.js';
import { ServiceRecord } from '../entities/service-record.js';
import { newId } from '../ids.js';
import { appendEntry } from '../ledger.js';
import { orRefuse, refuse } from '../refusal.js';
import { changed, currentTime } from '../sql.js';
import { requireStanding } from './actors.js';
import { recordChange } from './record-history.js';
import { requireCertifier, visibleRecord } from './records.js';

/**
 * The volunteer asks for other hours on a confirmed record. The flag set by a conditional
 * UPDATE keeps one request pending per record even when two are sent at once.
 */
export async function requestCorrection(context: Context, input: { recordId: string; hours: number; reason: string }): Promise<CorrectionRequestEntity> {
  requireStanding(context);
  const { record, volunteer } = await visibleRecord(context, input.recordId);
  if (!isSelf(context.viewer, volunteer)) refuse('NOT_OWNER', 'recordId');
  const asked = orRefuse(correctionRequest(record, input.hours, input.reason));
  const correction: CorrectionRequestEntity = {
    id: newId(),
    recordId: record.id,
    volunteerId: volunteer.id,
    areaCode: record.areaCode,
    volunteerAreaCode: record.volunteerAreaCode,
    minutesBefore: record.minutes,
    requestedMinutes: asked.minutes,
    reason: asked.reason,
    status: 'PENDING',
    requestedAt: currentTime(),
    requestedBy: context.viewer.subject,
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
  };
  await inTransaction(context.db, async (manager) => {
    const flagged = await manager.getRepository(ServiceRecord).update({ id: record.id, status: 'CONFIRMED', correctionPending: false }, { correctionPending: true });
    if (!changed(flagged)) refuse('CORRECTION_ALREADY_PENDING', 'recordId');
    await manager.getRepository(CorrectionRequest).insert(correction);
  });
  return correction;
}

async function visibleCorrection(context: Context, correctionId: string): Promise<CorrectionRequestEntity> {
  const correction = await context.db.dataSource.getRepository(CorrectionRequest).findOneBy({ id: correctionId });
  if (!correction || (!inScope(context.viewer, correction.areaCode) && !inScope(context.viewer, correction.volunteerAreaCode))) refuse('CORRECTION_NOT_FOUND', 'correctionId');
  return correction;
}

/**
 * The organiser approves or rejects, with a reason. Approval changes the record's hours,
 * keeps the change in its history and moves the points by the difference (ADJUSTMENT), in
 * one transaction: if the points to take back were already spent, nothing changes.
 */
export async function decideCorrection(context: Context, input: { correctionId: string; decision: CorrectionDecision; reason: string }): Promise<CorrectionRequestEntity> {
  requireStanding(context);
  const correction = await visibleCorrection(context, input.correctionId);
  const facts = await visibleRecord(context, correction.recordId, 'correctionId');
  await requireCertifier(context, facts);
  const { reason } = orRefuse(decisionProblem(correction, input.reason));
  const approved = input.decision === 'APPROVE';
  const decided: CorrectionRequestEntity = { ...correction, status: approved ? 'APPROVED' : 'REJECTED', decidedAt: currentTime(), decidedBy: context.viewer.subject, decisionReason: reason };
  const { record, volunteer } = facts;
  await inTransaction(context.db, async (manager) => {
    const result = await manager.getRepository(CorrectionRequest).update(
      { id: correction.id, status: 'PENDING' },
      { status: decided.status, decidedAt: decided.decidedAt, decidedBy: decided.decidedBy, decisionReason: reason },
    );
    if (!changed(result)) refuse('CORRECTION_ALREADY_DECIDED', 'correctionId');
    const minutes = approved ? correction.requestedMinutes : record.minutes;
    await manager.getRepository(ServiceRecord).update({ id: record.id }, { minutes, correctionPending: false });
    if (!approved) return;
    await recordChange(manager, {
      record: { id: record.id, minutes, status: record.status },
      kind: 'CORRECTED',
      by: context.viewer.subject,
      before: { minutes: record.minutes, status: record.status },
      reason,
      correctionId: correction.id,
    });
    const rate = record.pointsPerHour ?? 0;
    const delta = pointsFor(minutes, rate) - pointsFor(record.minutes, rate);
    if (delta !== 0) {
      await appendEntry(manager, context.db, {
        volunteer, type: 'ADJUSTMENT', points: delta, by: context.viewer.subject,
        serviceRecordId: record.id, correctionId: correction.id, note: `更正：${correction.reason}`, whenShort: 'POINTS_ALREADY_SPENT',
      });
    }
  });
  return decided;
}
