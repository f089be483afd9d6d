import type { Payload } from '../../../kit/src/problems.js';
import type { Context } from '../context.js';
import type { ServiceBrandEntity } from '../entities/service-brand.js';
import { changeServiceBrandGrids } from './service-brand-rows.js';

/** Attaches grids of the brand's community to it; each listed grid must be new to it. */
export function attachServiceBrandGrids(
  context: Context,
  request: { brandId: string; gridIds: readonly string[] },
): Promise<Payload<'serviceBrand', ServiceBrandEntity>> {
  return changeServiceBrandGrids(context, request, true);
}
