import { orRefuse, refuse } from '../../../kit/src/problems.js';
import { changed } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { DEFAULT_POINTS_PER_HOUR, pointsFor } from '../domain/points.js';
import { problem } from '../domain/problems.js';
import { confirmation } from '../domain/service-records.js';
import { PointRate } from '../entities/point-rate.js';
import { ServiceRecord, type ServiceRecordEntity } from '../entities/service-record.js';
import { requireStanding } from './shared/actors.js';
import { appendEntry } from './shared/ledger.js';
import { recordChange } from './shared/record-history.js';
import { requireCertifier, visibleRecord } from './shared/records.js';

/**
 * Confirms a pending record, as computed or adjusted with a reason, and credits its points
 * at today's rate for the category, all in one transaction. The UPDATE names the PENDING
 * status, so a record is confirmed (and paid) once.
 */
export async function confirmServiceRecord(
  context: Context,
  input: { recordId: string; hours?: number | null; reason?: string | null },
): Promise<ServiceRecordEntity> {
  requireStanding(context);
  const facts = await visibleRecord(context, input.recordId);
  const { record, volunteer, activity } = facts;
  await requireCertifier(context, facts);
  const { confirmation: confirmed } = orRefuse(
    confirmation(record, activity?.status ?? 'FINISHED', input.hours, input.reason),
  );
  const rate = record.category
    ? await context.db.dataSource.getRepository(PointRate).findOneBy({ category: record.category })
    : null;
  const pointsPerHour = rate?.pointsPerHour ?? DEFAULT_POINTS_PER_HOUR;
  const after: ServiceRecordEntity = {
    ...record,
    minutes: confirmed.minutes,
    status: 'CONFIRMED',
    confirmedAt: storedNow(),
    confirmedBy: context.viewer.subject,
    pointsPerHour,
  };
  await inTransaction(context.db, async (manager) => {
    const result = await manager.getRepository(ServiceRecord).update(
      { id: record.id, status: 'PENDING' },
      {
        minutes: after.minutes,
        status: after.status,
        confirmedAt: after.confirmedAt,
        confirmedBy: after.confirmedBy,
        pointsPerHour,
      },
    );
    if (!changed(result)) refuse(problem('RECORD_ALREADY_CONFIRMED', 'recordId'));
    const adjusted = confirmed.adjustmentReason !== null;
    await recordChange(manager, {
      record: after,
      kind: adjusted ? 'ADJUSTED' : 'CONFIRMED',
      by: context.viewer.subject,
      before: { minutes: record.computedMinutes, status: 'PENDING' },
      reason: confirmed.adjustmentReason,
    });
    const points = pointsFor(after.minutes, pointsPerHour);
    if (points > 0) {
      await appendEntry(manager, context.db, {
        volunteer,
        type: 'EARN',
        points,
        by: context.viewer.subject,
        serviceRecordId: record.id,
        note: record.title,
      });
    }
  });
  return after;
}
