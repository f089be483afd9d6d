import { orRefuse, refuse } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { changed } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { type CorrectionDecision, decisionProblem } from '../domain/corrections.js';
import { pointsFor } from '../domain/points.js';
import { problem } from '../domain/problems.js';
import { CorrectionRequest, type CorrectionRequestEntity } from '../entities/correction-request.js';
import { ServiceRecord } from '../entities/service-record.js';
import { requireStanding } from './shared/actors.js';
import { appendEntry } from './shared/ledger.js';
import { recordChange } from './shared/record-history.js';
import { requireCertifier, visibleRecord } from './shared/records.js';

async function visibleCorrection(context: Context, correctionId: string): Promise<CorrectionRequestEntity> {
  const correction = await context.db.dataSource.getRepository(CorrectionRequest).findOneBy({ id: correctionId });
  if (
    !correction ||
    (!inScope(context.viewer, correction.areaCode) && !inScope(context.viewer, correction.volunteerAreaCode))
  )
    refuse(problem('CORRECTION_NOT_FOUND', 'correctionId'));
  return correction;
}

/**
 * The organiser approves or rejects, with a reason. Approval changes the record's hours,
 * keeps the change in its history and moves the points by the difference (ADJUSTMENT), in
 * one transaction: if the points to take back were already spent, nothing changes.
 */
export async function decideCorrection(
  context: Context,
  input: { correctionId: string; decision: CorrectionDecision; reason: string },
): Promise<CorrectionRequestEntity> {
  requireStanding(context);
  const correction = await visibleCorrection(context, input.correctionId);
  const facts = await visibleRecord(context, correction.recordId, 'correctionId');
  await requireCertifier(context, facts);
  const { reason } = orRefuse(decisionProblem(correction, input.reason));
  const approved = input.decision === 'APPROVE';
  const decided: CorrectionRequestEntity = {
    ...correction,
    status: approved ? 'APPROVED' : 'REJECTED',
    decidedAt: storedNow(),
    decidedBy: context.viewer.subject,
    decisionReason: reason,
  };
  const { record, volunteer } = facts;
  await inTransaction(context.db, async (manager) => {
    const result = await manager
      .getRepository(CorrectionRequest)
      .update(
        { id: correction.id, status: 'PENDING' },
        { status: decided.status, decidedAt: decided.decidedAt, decidedBy: decided.decidedBy, decisionReason: reason },
      );
    if (!changed(result)) refuse(problem('CORRECTION_ALREADY_DECIDED', 'correctionId'));
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
        volunteer,
        type: 'ADJUSTMENT',
        points: delta,
        by: context.viewer.subject,
        serviceRecordId: record.id,
        correctionId: correction.id,
        note: `更正：${correction.reason}`,
        whenShort: 'POINTS_ALREADY_SPENT',
      });
    }
  });
  return decided;
}
