import { forbidden, type Viewer } from '../../../kit/src/auth.js';
import { inScope } from '../../../kit/src/scope.js';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isStreetAdmin } from '../domain/access.js';
import { boundedText, isWholeNumberIn, reasonText } from '../domain/text.js';
import type { PointEntryEntity } from '../entities/point-entry.js';
import { PointRate, type PointRateEntity } from '../entities/point-rate.js';
import { Volunteer } from '../entities/volunteer.js';
import { appendEntry } from '../ledger.js';
import { orRefuse, refuse } from '../refusal.js';
import { changed, currentTime } from '../sql.js';

/** Points are the love supermarket's money: their rates and manual entries are a street admin's. */
function requireStreetAdmin(viewer: Viewer): void {
  if (!isStreetAdmin(viewer)) throw forbidden('只有街道管理员可以设置积分规则或调整积分');
}

/** Sets a category's rate, adding the category when it is new. Records confirmed before keep their rate. */
export async function setPointRate(context: Context, input: { category: string; pointsPerHour: number }): Promise<PointRateEntity> {
  requireStreetAdmin(context.viewer);
  const { value: category } = orRefuse(boundedText(input.category, 2, 16, 'INVALID_CATEGORY', 'category'));
  if (!isWholeNumberIn(input.pointsPerHour, 0, 1000)) refuse('INVALID_RATE', 'pointsPerHour');
  const rate: PointRateEntity = { category, pointsPerHour: input.pointsPerHour, updatedAt: currentTime(), updatedBy: context.viewer.subject };
  const repository = context.db.dataSource.getRepository(PointRate);
  const { category: key, ...values } = rate;
  if (changed(await repository.update({ category: key }, values))) return rate;
  try {
    await repository.insert(rate);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await repository.update({ category: key }, values);
  }
  return rate;
}

/** An ADJUSTMENT with a reason: an opening balance, a goodwill grant, a fix. Never below zero. */
export async function adjustPoints(context: Context, input: { volunteerId: string; points: number; reason: string }): Promise<PointEntryEntity> {
  requireStreetAdmin(context.viewer);
  const volunteer = await context.db.dataSource.getRepository(Volunteer).findOneBy({ id: input.volunteerId });
  if (!volunteer || !inScope(context.viewer, volunteer.areaCode)) refuse('VOLUNTEER_NOT_FOUND', 'volunteerId');
  if (input.points === 0 || !isWholeNumberIn(Math.abs(input.points), 1, 100_000)) refuse('INVALID_POINTS', 'points');
  const { value: reason } = orRefuse(reasonText(input.reason));
  return inTransaction(context.db, (manager) =>
    appendEntry(manager, context.db, { volunteer, type: 'ADJUSTMENT', points: input.points, by: context.viewer.subject, note: reason }),
  );
}
