import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { inScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { distinctIds, gridSelectionProblems } from '../domain/grid-selection.js';
import { outOfScope, problem } from '../domain/problems.js';
import { attachmentProblems, brandFieldProblems, brandNotFound, duplicateBrandName, MAX_BRAND_GRIDS } from '../domain/service-brand-rules.js';
import { Area } from '../entities/area.js';
import { ServiceBrand, ServiceBrandGrid, type ServiceBrandEntity, type ServiceBrandKind } from '../entities/service-brand.js';
import { lockVisibleGrids, lockVisibleRow } from './grid-facts.js';
import { mutate, refuse, refuseIf, wholeSeconds, type Outcome } from './mutate.js';

export interface CreateBrandRequest {
  communityCode: string;
  name: string;
  kind: ServiceBrandKind;
  description?: string | null;
  gridIds?: readonly string[] | null;
}

export interface UpdateBrandRequest {
  id: string;
  name?: string | null;
  kind?: ServiceBrandKind | null;
  description?: string | null;
}

async function nameTaken(manager: EntityManager, communityCode: string, name: string, exceptId: string | null): Promise<boolean> {
  const found = await manager.findOneBy(ServiceBrand, { communityCode, name });
  return found !== null && found.id !== exceptId;
}

/** Grids of the brand's community, visible to the viewer and active, checked by position. */
async function attachableGrids(context: Context, manager: EntityManager, communityCode: string, gridIds: readonly string[]) {
  const grids = await lockVisibleGrids(context, manager, gridIds);
  refuseIf(gridSelectionProblems(gridIds, grids, communityCode).problems);
  return gridIds.map((gridId) => ({ gridId, gridCode: grids.get(gridId)?.code ?? '' }));
}

/** Registers a community's service brand or demonstration point, with the grids it covers. */
export function createServiceBrand(context: Context, request: CreateBrandRequest): Promise<Outcome<ServiceBrandEntity>> {
  const name = request.name.trim();
  return mutate(
    context,
    async (manager) => {
      const gridIds = distinctIds(request.gridIds ?? []);
      refuseIf(brandFieldProblems({ ...request, gridIds }));
      const communityCode = request.communityCode.trim();
      if (!inScope(context.viewer, communityCode)) refuse([outOfScope('communityCode')]);
      const community = await manager.findOneBy(Area, { code: communityCode });
      if (community?.level !== 'COMMUNITY') refuse([problem('COMMUNITY_NOT_FOUND', 'communityCode', `${communityCode} 不是已登记的社区`)]);
      if (await nameTaken(manager, communityCode, name, null)) refuse([duplicateBrandName(name)]);
      const links = await attachableGrids(context, manager, communityCode, gridIds);
      const now = wholeSeconds();
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
      if (links.length) await manager.insert(ServiceBrandGrid, links.map((link) => ({ ...link, brandId: brand.id })));
      return brand;
    },
    () => duplicateBrandName(name),
  );
}

/** Renames a brand or changes its kind or description. */
export function updateServiceBrand(context: Context, request: UpdateBrandRequest): Promise<Outcome<ServiceBrandEntity>> {
  const name = request.name?.trim();
  return mutate(
    context,
    async (manager) => {
      refuseIf(brandFieldProblems(request));
      const brand = await lockVisibleRow(context, manager, ServiceBrand, request.id, (brand) => brand.communityCode);
      if (!brand) refuse([brandNotFound()]);
      if (name && name !== brand.name && (await nameTaken(manager, brand.communityCode, name, brand.id))) refuse([duplicateBrandName(name)]);
      const changes: Partial<ServiceBrandEntity> = { updatedAt: wholeSeconds() };
      if (name) changes.name = name;
      if (request.kind) changes.kind = request.kind;
      if (request.description != null) changes.description = request.description.trim() || null;
      await manager.update(ServiceBrand, { id: brand.id }, changes);
      return { ...brand, ...changes };
    },
    () => duplicateBrandName(name ?? ''),
  );
}

/** Attaches grids to a brand (`attach`) or detaches them; each listed grid must change. */
export function changeServiceBrandGrids(context: Context, request: { brandId: string; gridIds: readonly string[] }, attach: boolean): Promise<Outcome<ServiceBrandEntity>> {
  return mutate(context, async (manager) => {
    const gridIds = distinctIds(request.gridIds);
    if (!gridIds.length || gridIds.length > MAX_BRAND_GRIDS) refuse([problem('GRIDS_REQUIRED', 'gridIds', `请选择 1 至 ${MAX_BRAND_GRIDS} 个网格`)]);
    const brand = await lockVisibleRow(context, manager, ServiceBrand, request.brandId, (brand) => brand.communityCode);
    if (!brand) refuse([brandNotFound('brandId')]);
    const attached = new Set((await manager.findBy(ServiceBrandGrid, { brandId: brand.id, gridId: In(gridIds) })).map((link) => link.gridId));
    if (attach) {
      const links = await attachableGrids(context, manager, brand.communityCode, gridIds);
      refuseIf(attachmentProblems(gridIds, attached, true));
      await manager.insert(ServiceBrandGrid, links.map((link) => ({ ...link, brandId: brand.id })));
    } else {
      refuseIf(attachmentProblems(gridIds, attached, false));
      await manager.delete(ServiceBrandGrid, { brandId: brand.id, gridId: In(gridIds) });
    }
    const updatedAt = wholeSeconds();
    await manager.update(ServiceBrand, { id: brand.id }, { updatedAt });
    return { ...brand, updatedAt };
  });
}
