import type { Payload } from '../../../kit/src/problems.js';
import type { Context } from '../context.js';
import type { ServiceBrandEntity } from '../entities/service-brand.js';
import { changeServiceBrandGrids } from './service-brand-rows.js';

/** Detaches grids from a brand; each listed grid must be attached now. */
export function detachServiceBrandGrids(
  context: Context,
  request: { brandId: string; gridIds: readonly string[] },
): Promise<Payload<'serviceBrand', ServiceBrandEntity>> {
  return changeServiceBrandGrids(context, request, false);
}
