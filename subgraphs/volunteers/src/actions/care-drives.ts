import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { inScope } from '../../../kit/src/scope.js';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { checkDrive, checkRestock, matchRestock, MAX_ITEM_STOCK, type DeliveryOutcome, type DriveRequest, type RestockLine } from '../domain/care-drive.js';
import { boundedText } from '../domain/text.js';
import { CareDelivery, CareDrive, CareDriveItem, CareDriveTarget, type CareDeliveryEntity, type CareDriveEntity, type CareDriveTargetEntity } from '../entities/care-drive.js';
import { newId } from '../ids.js';
import { orRefuse, refuse, refuseAll } from '../refusal.js';
import { changed, currentTime, latestRow, lockRow } from '../sql.js';
import { ownVolunteer, requireStanding } from './actors.js';

const TARGETS_QUERY = `query($filter: PeopleFilter, $first: Int, $after: String) {
  people(filter: $filter, first: $first, after: $after) { edges { node { id grid { id code } } } pageInfo { hasNextPage endCursor } } }`;

interface TargetPage {
  people: { edges: { node: { id: string; grid: { id: string; code: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Every person of the community carrying the tag, read page by page through the graph with the caller's token. */
async function readTargets(context: Context, areaCode: string, tag: string) {
  const targets: { personId: string; gridId: string; areaCode: string }[] = [];
  let after: string | null = null;
  do {
    const page: TargetPage = await context.runtime.graph.request<TargetPage>(TARGETS_QUERY, { filter: { areaCode, tags: [tag] }, first: 100, after }, context.runtime.authorization);
    for (const { node } of page.people.edges) targets.push({ personId: node.id, gridId: node.grid.id, areaCode: node.grid.code });
    after = page.people.pageInfo.hasNextPage ? page.people.pageInfo.endCursor : null;
  } while (after);
  return targets;
}

/** A worker of the community starts a drive for its people carrying a tag, with the items of a package. */
export async function createCareDrive(context: Context, input: DriveRequest): Promise<CareDriveEntity> {
  requireStanding(context);
  const checked = checkDrive(input);
  refuseAll(checked.problems);
  const values = checked.drive!;
  if (!isWorkerFor(context.viewer, values.areaCode)) refuse('NOT_DRIVE_MANAGER', 'areaCode');
  // The people subgraph refuses an unknown tag (GRAPH_REQUEST_FAILED); an outage stays an error.
  const targets = await readTargets(context, values.areaCode, values.targetTag).catch((error: unknown) => {
    if (error instanceof GraphQLError && error.extensions.code === 'GRAPH_REQUEST_FAILED') refuse('NO_TARGETS', 'targetTag');
    throw error;
  });
  if (targets.length === 0) refuse('NO_TARGETS', 'targetTag');
  const drive: CareDriveEntity = {
    id: newId(), areaCode: values.areaCode, title: values.title, targetTag: values.targetTag, status: 'OPEN',
    targetCount: targets.length, createdBy: context.viewer.subject, createdAt: currentTime(), closedAt: null, closedBy: null, closeNote: null,
  };
  await inTransaction(context.db, async (manager) => {
    await manager.getRepository(CareDrive).insert(drive);
    await manager.getRepository(CareDriveItem).insert(values.items.map((item) => ({ ...item, id: newId(), driveId: drive.id })));
    const rows: CareDriveTargetEntity[] = targets.map((target) => ({ ...target, driveId: drive.id, lastOutcome: null }));
    for (let start = 0; start < rows.length; start += 200) await manager.getRepository(CareDriveTarget).insert(rows.slice(start, start + 200));
  });
  return drive;
}

export interface RecordDeliveryInput {
  driveId: string;
  personId: string;
  outcome: DeliveryOutcome;
  note?: string | null;
  followUpRequested?: boolean | null;
}

/**
 * A visit with a package, recorded by whoever made it: a volunteer records their own (the
 * token's person), a worker of the target's grid records theirs. A package DELIVERED takes
 * its items from stock in the same transaction; none reaches a person twice.
 */
export async function recordDelivery(context: Context, input: RecordDeliveryInput): Promise<CareDeliveryEntity> {
  requireStanding(context);
  const note = input.note ? orRefuse(boundedText(input.note, 0, 200, 'INVALID_NOTE', 'note')).value || null : null;
  const { db } = context;
  const own = await ownVolunteer(context);
  try {
    return await inTransaction(db, async (manager) => {
      await lockRow(manager, db, CareDrive, input.driveId);
      const drive = await manager.getRepository(CareDrive).findOneBy({ id: input.driveId });
      if (!drive || !inScope(context.viewer, drive.areaCode)) refuse('DRIVE_NOT_FOUND', 'driveId');
      const target = await manager.getRepository(CareDriveTarget).findOneBy({ driveId: drive.id, personId: input.personId });
      if (!target) refuse('NOT_A_TARGET', 'personId');
      const byWorker = isWorkerFor(context.viewer, target.areaCode);
      if (!byWorker && !own) refuse('NOT_A_VOLUNTEER', 'personId');
      if (drive.status !== 'OPEN') refuse('DRIVE_CLOSED', 'driveId');
      if (target.lastOutcome === 'DELIVERED') refuse('ALREADY_DELIVERED', 'personId');
      const delivered = input.outcome === 'DELIVERED';
      if (delivered) {
        for (const item of await manager.getRepository(CareDriveItem).findBy({ driveId: drive.id })) {
          const taken = await manager.getRepository(CareDriveItem).createQueryBuilder().update()
            .set({ stock: () => 'stock - per_package' }).where('id = :id AND stock >= per_package', { id: item.id }).execute();
          if (!changed(taken)) {
            const now = await latestRow(manager, db, CareDriveItem, item.id);
            refuse('PACKAGES_OUT_OF_STOCK', 'driveId', { item: now.name, stock: now.stock, perPackage: now.perPackage });
          }
        }
      }
      const delivery: CareDeliveryEntity = {
        id: newId(), driveId: drive.id, personId: target.personId, gridId: target.gridId, areaCode: target.areaCode, outcome: input.outcome,
        deliveredPersonId: delivered ? target.personId : null,
        // A worker's visit is the worker's; anyone else's is their own volunteer profile's.
        volunteerId: byWorker ? null : own!.id,
        recordedBy: context.viewer.subject, recordedAt: currentTime(), note, followUpRequested: input.followUpRequested ?? false, confirmedAt: null,
      };
      await manager.getRepository(CareDelivery).insert(delivery);
      await manager.getRepository(CareDriveTarget).update({ driveId: drive.id, personId: target.personId }, { lastOutcome: input.outcome });
      return delivery;
    });
  } catch (error) {
    // The unique index is the last word when two requests race past the check.
    if (isUniqueViolation(error)) refuse('ALREADY_DELIVERED', 'personId');
    throw error;
  }
}

/** The resident confirms, with their own token, that the package reached them. */
export async function confirmDelivery(context: Context, input: { deliveryId: string }): Promise<CareDeliveryEntity> {
  requireStanding(context);
  const repository = context.db.dataSource.getRepository(CareDelivery);
  const delivery = await repository.findOneBy({ id: input.deliveryId });
  if (!delivery) refuse('DELIVERY_NOT_FOUND', 'deliveryId');
  if (context.viewer.personId !== delivery.personId) {
    if (!inScope(context.viewer, delivery.areaCode)) refuse('DELIVERY_NOT_FOUND', 'deliveryId');
    refuse('NOT_RECIPIENT', 'deliveryId');
  }
  if (delivery.outcome !== 'DELIVERED') refuse('DELIVERY_NOT_DELIVERED', 'deliveryId');
  const confirmedAt = currentTime();
  const result = await repository.createQueryBuilder().update().set({ confirmedAt }).where('id = :id AND confirmed_at IS NULL', { id: delivery.id }).execute();
  if (!changed(result)) refuse('DELIVERY_ALREADY_CONFIRMED', 'deliveryId');
  return { ...delivery, confirmedAt };
}

/** A drive the viewer manages (a worker of its community), read inside the caller's transaction. */
async function managedDrive(context: Context, manager: EntityManager, driveId: string): Promise<CareDriveEntity> {
  const drive = await manager.getRepository(CareDrive).findOneBy({ id: driveId });
  if (!drive || !inScope(context.viewer, drive.areaCode)) refuse('DRIVE_NOT_FOUND', 'driveId');
  if (!isWorkerFor(context.viewer, drive.areaCode)) refuse('NOT_DRIVE_MANAGER', 'driveId');
  return drive;
}

/**
 * A worker of the community adds stock to items of an open drive. Each line is one
 * `stock = stock + n` UPDATE, so it adds up with deliveries taking stock at the same time;
 * the ceiling sits in the same statement. A refused line rolls every line back.
 */
export async function restockDrive(context: Context, input: { driveId: string; items: readonly RestockLine[] }): Promise<CareDriveEntity> {
  requireStanding(context);
  refuseAll(checkRestock(input.items));
  const { db } = context;
  const drive = await inTransaction(db, async (manager) => {
    // Locked first: a close waits for the restock, or the restock sees the drive closed.
    await lockRow(manager, db, CareDrive, input.driveId);
    const drive = await managedDrive(context, manager, input.driveId);
    if (drive.status !== 'OPEN') refuse('DRIVE_CLOSED', 'driveId');
    const items = await manager.getRepository(CareDriveItem).findBy({ driveId: drive.id });
    const { matched } = orRefuse(matchRestock(input.items, items));
    for (const { item, quantity } of matched) {
      const added = await manager.getRepository(CareDriveItem).createQueryBuilder().update()
        .set({ stock: () => 'stock + :quantity' })
        .where('id = :id AND stock <= :ceiling', { id: item.id, quantity, ceiling: MAX_ITEM_STOCK - quantity }).execute();
      if (!changed(added)) refuse('DRIVE_STOCK_LIMIT', 'items', { item: item.name, limit: MAX_ITEM_STOCK });
    }
    return drive;
  });
  context.loaders.itemsByDrive.clear(drive.id);
  return drive;
}

/**
 * OPEN → CLOSED, by a worker of the community. The transition is the UPDATE's own
 * condition (`WHERE status = 'OPEN'`): of two closes that both read the drive open, the
 * second changes no row and is refused. Deliveries lock the drive's row and check its
 * status, so none is recorded after the close commits. Targets, deliveries and progress stay.
 */
export async function closeDrive(context: Context, input: { driveId: string; note?: string | null }): Promise<CareDriveEntity> {
  requireStanding(context);
  const closeNote = input.note ? orRefuse(boundedText(input.note, 0, 200, 'INVALID_NOTE', 'note')).value || null : null;
  const closed = await inTransaction(context.db, async (manager) => {
    const drive = await managedDrive(context, manager, input.driveId);
    if (drive.status !== 'OPEN') refuse('DRIVE_ALREADY_CLOSED', 'driveId');
    const values = { status: 'CLOSED' as const, closedAt: currentTime(), closedBy: context.viewer.subject, closeNote };
    const result = await manager.getRepository(CareDrive).createQueryBuilder().update()
      .set(values).where('id = :id AND status = :open', { id: drive.id, open: 'OPEN' }).execute();
    if (!changed(result)) refuse('DRIVE_ALREADY_CLOSED', 'driveId');
    return { ...drive, ...values };
  });
  context.loaders.driveById.clear(closed.id);
  return closed;
}
