import { In, type EntityManager } from 'typeorm';
import { problem, refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { distinctIds, gridSelectionProblems } from '../domain/grid-selection.js';
import { attachmentProblems, brandNotFound, MAX_BRAND_GRIDS } from '../domain/service-brand-rules.js';
import { ServiceBrand, ServiceBrandGrid, type ServiceBrandEntity } from '../entities/service-brand.js';
import { lockVisibleGrids, lockVisibleRow } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';

/** Reads and writes the service-brand actions share. */

export async function brandNameTaken(
  manager: EntityManager,
  communityCode: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  const found = await manager.findOneBy(ServiceBrand, { communityCode, name });
  return found !== null && found.id !== exceptId;
}

/** Grids of the brand's community, visible to the viewer and active, checked by position. */
export async function attachableGrids(
  context: Context,
  manager: EntityManager,
  communityCode: string,
  gridIds: readonly string[],
) {
  const grids = await lockVisibleGrids(context, manager, gridIds);
  refuseIf(gridSelectionProblems(gridIds, grids, communityCode).problems);
  return gridIds.map((gridId) => ({ gridId, gridCode: grids.get(gridId)?.code ?? '' }));
}

/** Attaches grids to a brand (`attach`) or detaches them; each listed grid must change. */
export function changeServiceBrandGrids(
  context: Context,
  request: { brandId: string; gridIds: readonly string[] },
  attach: boolean,
): Promise<Payload<'serviceBrand', ServiceBrandEntity>> {
  return mutate(context, 'serviceBrand', async (manager) => {
    const gridIds = distinctIds(request.gridIds);
    if (!gridIds.length || gridIds.length > MAX_BRAND_GRIDS)
      refuse([problem('GRIDS_REQUIRED', 'gridIds', `请选择 1 至 ${MAX_BRAND_GRIDS} 个网格`)]);
    const brand = await lockVisibleRow(context, manager, ServiceBrand, request.brandId, (brand) => brand.communityCode);
    if (!brand) refuse([brandNotFound('brandId')]);
    const attached = new Set(
      (await manager.findBy(ServiceBrandGrid, { brandId: brand.id, gridId: In(gridIds) })).map((link) => link.gridId),
    );
    if (attach) {
      const links = await attachableGrids(context, manager, brand.communityCode, gridIds);
      refuseIf(attachmentProblems(gridIds, attached, true));
      await manager.insert(
        ServiceBrandGrid,
        links.map((link) => ({ ...link, brandId: brand.id })),
      );
    } else {
      refuseIf(attachmentProblems(gridIds, attached, false));
      await manager.delete(ServiceBrandGrid, { brandId: brand.id, gridId: In(gridIds) });
    }
    const updatedAt = storedNow();
    await manager.update(ServiceBrand, { id: brand.id }, { updatedAt });
    return { ...brand, updatedAt };
  });
}
