import { orRefuse, refuse } from '../../../kit/src/problems.js';
import { changed } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { problem } from '../domain/problems.js';
import { boundedText, isWholeNumberIn } from '../domain/text.js';
import { PointRate, type PointRateEntity } from '../entities/point-rate.js';
import { requireStreetAdmin } from './shared/actors.js';

/** Sets a category's rate, adding the category when it is new. Records confirmed before keep their rate. */
export async function setPointRate(
  context: Context,
  input: { category: string; pointsPerHour: number },
): Promise<PointRateEntity> {
  requireStreetAdmin(context.viewer);
  const { value: category } = orRefuse(boundedText(input.category, 2, 16, 'INVALID_CATEGORY', 'category'));
  if (!isWholeNumberIn(input.pointsPerHour, 0, 1000)) refuse(problem('INVALID_RATE', 'pointsPerHour'));
  const rate: PointRateEntity = {
    category,
    pointsPerHour: input.pointsPerHour,
    updatedAt: storedNow(),
    updatedBy: context.viewer.subject,
  };
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
