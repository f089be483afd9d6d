import { orRefuse, refuse } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { problem } from '../domain/problems.js';
import { isWholeNumberIn, reasonText } from '../domain/text.js';
import type { PointEntryEntity } from '../entities/point-entry.js';
import { Volunteer } from '../entities/volunteer.js';
import { requireStreetAdmin } from './shared/actors.js';
import { appendEntry } from './shared/ledger.js';

/** An ADJUSTMENT with a reason: an opening balance, a goodwill grant, a fix. Never below zero. */
export async function adjustPoints(
  context: Context,
  input: { volunteerId: string; points: number; reason: string },
): Promise<PointEntryEntity> {
  requireStreetAdmin(context.viewer);
  const volunteer = await context.db.dataSource.getRepository(Volunteer).findOneBy({ id: input.volunteerId });
  if (!volunteer || !inScope(context.viewer, volunteer.areaCode)) refuse(problem('VOLUNTEER_NOT_FOUND', 'volunteerId'));
  if (input.points === 0 || !isWholeNumberIn(Math.abs(input.points), 1, 100_000))
    refuse(problem('INVALID_POINTS', 'points'));
  const { value: reason } = orRefuse(reasonText(input.reason));
  return inTransaction(context.db, (manager) =>
    appendEntry(manager, context.db, {
      volunteer,
      type: 'ADJUSTMENT',
      points: input.points,
      by: context.viewer.subject,
      note: reason,
    }),
  );
}
