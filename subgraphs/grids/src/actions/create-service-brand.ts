import { randomUUID } from 'node:crypto';
import { problem, refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import type { ServiceBrandKind } from '../domain/enums.js';
import { distinctIds } from '../domain/grid-selection.js';
import { outOfScope } from '../domain/problems.js';
import { brandFieldProblems, duplicateBrandName } from '../domain/service-brand-rules.js';
import { Area } from '../entities/area.js';
import { ServiceBrand, ServiceBrandGrid, type ServiceBrandEntity } from '../entities/service-brand.js';
import { mutate } from './mutate.js';
import { attachableGrids, brandNameTaken } from './service-brand-rows.js';

export interface CreateBrandRequest {
  communityCode: string;
  name: string;
  kind: ServiceBrandKind;
  description?: string | null;
  gridIds?: readonly string[] | null;
}

/** Registers a community's service brand or demonstration point, with the grids it covers. */
export function createServiceBrand(
  context: Context,
  request: CreateBrandRequest,
): Promise<Payload<'serviceBrand', ServiceBrandEntity>> {
  const name = request.name.trim();
  return mutate(
    context,
    'serviceBrand',
    async (manager) => {
      const gridIds = distinctIds(request.gridIds ?? []);
      refuseIf(brandFieldProblems({ ...request, gridIds }));
      const communityCode = request.communityCode.trim();
      if (!inScope(context.viewer, communityCode)) refuse([outOfScope('communityCode')]);
      const community = await manager.findOneBy(Area, { code: communityCode });
      if (community?.level !== 'COMMUNITY')
        refuse([problem('COMMUNITY_NOT_FOUND', 'communityCode', `${communityCode} 不是已登记的社区`)]);
      if (await brandNameTaken(manager, communityCode, name, null)) refuse([duplicateBrandName(name)]);
      const links = await attachableGrids(context, manager, communityCode, gridIds);
      const now = storedNow();
      const brand: ServiceBrandEntity = {
        id: randomUUID(),
        communityCode,
        name,
        kind: request.kind,
        description: request.description?.trim() || null,
        createdAt: now,
        updatedAt: now,
      };
      await manager.insert(ServiceBrand, brand);
      if (links.length)
        await manager.insert(
          ServiceBrandGrid,
          links.map((link) => ({ ...link, brandId: brand.id })),
        );
      return brand;
    },
    () => duplicateBrandName(name),
  );
}
