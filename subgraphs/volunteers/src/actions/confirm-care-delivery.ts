import { refuse } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { changed } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { problem } from '../domain/problems.js';
import { CareDelivery, type CareDeliveryEntity } from '../entities/care-drive.js';
import { requireStanding } from './shared/actors.js';

/** The resident confirms, with their own token, that the package reached them. */
export async function confirmCareDelivery(
  context: Context,
  input: { deliveryId: string },
): Promise<CareDeliveryEntity> {
  requireStanding(context);
  const repository = context.db.dataSource.getRepository(CareDelivery);
  const delivery = await repository.findOneBy({ id: input.deliveryId });
  if (!delivery) refuse(problem('DELIVERY_NOT_FOUND', 'deliveryId'));
  if (context.viewer.personId !== delivery.personId) {
    if (!inScope(context.viewer, delivery.areaCode)) refuse(problem('DELIVERY_NOT_FOUND', 'deliveryId'));
    refuse(problem('NOT_RECIPIENT', 'deliveryId'));
  }
  if (delivery.outcome !== 'DELIVERED') refuse(problem('DELIVERY_NOT_DELIVERED', 'deliveryId'));
  const confirmedAt = storedNow();
  const result = await repository
    .createQueryBuilder()
    .update()
    .set({ confirmedAt })
    .where('id = :id AND confirmed_at IS NULL', { id: delivery.id })
    .execute();
  if (!changed(result)) refuse(problem('DELIVERY_ALREADY_CONFIRMED', 'deliveryId'));
  return { ...delivery, confirmedAt };
}
