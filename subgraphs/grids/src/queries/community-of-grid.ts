import { present } from '../../../kit/src/loaders.js';
import type { Context } from '../context.js';
import { holdingCodes } from '../domain/grid-rules.js';
import type { GridEntity } from '../entities/grid.js';
import type { PartyBranchEntity } from '../entities/party-branch.js';
import type { ServiceBrandEntity } from '../entities/service-brand.js';

/** The branch of a general grid, or of the general grid a micro-grid sits in: two batched statements. */
export async function partyBranchOfGrid(context: Context, grid: GridEntity): Promise<PartyBranchEntity | null> {
  const code = grid.code.slice(0, 15);
  const [link] = await context.loaders.branchGridsByGridCode.load(code);
  return link ? context.loaders.branchById.load(link.branchId) : null;
}

/** Brands attached to the grid or to a grid holding it, by name. */
export async function serviceBrandsOfGrid(context: Context, grid: GridEntity): Promise<ServiceBrandEntity[]> {
  const links = present(await context.loaders.brandGridsByGridCode.loadMany(holdingCodes(grid.code))).flat();
  const brands = present(await context.loaders.brandById.loadMany([...new Set(links.map((link) => link.brandId))]));
  return brands.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || (a.id < b.id ? -1 : 1));
}
