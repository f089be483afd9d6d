import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import type { ServiceBrandKind } from '../domain/enums.js';
import { brandFieldProblems, brandNotFound, duplicateBrandName } from '../domain/service-brand-rules.js';
import { ServiceBrand, type ServiceBrandEntity } from '../entities/service-brand.js';
import { lockVisibleRow } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';
import { brandNameTaken } from './service-brand-rows.js';

export interface UpdateBrandRequest {
  id: string;
  name?: string | null;
  kind?: ServiceBrandKind | null;
  description?: string | null;
}

/** Renames a brand or changes its kind or description. */
export function updateServiceBrand(
  context: Context,
  request: UpdateBrandRequest,
): Promise<Payload<'serviceBrand', ServiceBrandEntity>> {
  const name = request.name?.trim();
  return mutate(
    context,
    'serviceBrand',
    async (manager) => {
      refuseIf(brandFieldProblems(request));
      const brand = await lockVisibleRow(context, manager, ServiceBrand, request.id, (brand) => brand.communityCode);
      if (!brand) refuse([brandNotFound()]);
      if (name && name !== brand.name && (await brandNameTaken(manager, brand.communityCode, name, brand.id)))
        refuse([duplicateBrandName(name)]);
      const changes: Partial<ServiceBrandEntity> = { updatedAt: storedNow() };
      if (name) changes.name = name;
      if (request.kind) changes.kind = request.kind;
      if (request.description != null) changes.description = request.description.trim() || null;
      await manager.update(ServiceBrand, { id: brand.id }, changes);
      return { ...brand, ...changes };
    },
    () => duplicateBrandName(name ?? ''),
  );
}
