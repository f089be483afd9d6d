import { orRefuse, refuse } from '../../../kit/src/problems.js';
import { changed } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isSelf } from '../domain/access.js';
import { correctionRequest } from '../domain/corrections.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { CorrectionRequest, type CorrectionRequestEntity } from '../entities/correction-request.js';
import { ServiceRecord } from '../entities/service-record.js';
import { requireStanding } from './shared/actors.js';
import { visibleRecord } from './shared/records.js';

/**
 * The volunteer asks for other hours on a confirmed record. The flag set by a conditional
 * UPDATE keeps one request pending per record even when two are sent at once.
 */
export async function requestCorrection(
  context: Context,
  input: { recordId: string; hours: number; reason: string },
): Promise<CorrectionRequestEntity> {
  requireStanding(context);
  const { record, volunteer } = await visibleRecord(context, input.recordId);
  if (!isSelf(context.viewer, volunteer)) refuse(problem('NOT_OWNER', 'recordId'));
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
    requestedAt: storedNow(),
    requestedBy: context.viewer.subject,
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
  };
  await inTransaction(context.db, async (manager) => {
    const flagged = await manager
      .getRepository(ServiceRecord)
      .update({ id: record.id, status: 'CONFIRMED', correctionPending: false }, { correctionPending: true });
    if (!changed(flagged)) refuse(problem('CORRECTION_ALREADY_PENDING', 'recordId'));
    await manager.getRepository(CorrectionRequest).insert(correction);
  });
  return correction;
}
