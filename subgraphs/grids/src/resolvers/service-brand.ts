import { notFound } from '../../../kit/src/errors.js';
import { present } from '../../../kit/src/loaders.js';
import type { ServiceBrandResolvers } from '../generated/resolvers.js';

export const ServiceBrand: ServiceBrandResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.brandById.load(reference.id),
  community: async (brand, _, { loaders }) => {
    const community = await loaders.areaByCode.load(brand.communityCode);
    if (!community) throw notFound('品牌所属社区不存在');
    return community;
  },
  grids: async (brand, _, { loaders }) =>
    present(
      await loaders.gridById.loadMany((await loaders.brandGridsByBrand.load(brand.id)).map((link) => link.gridId)),
    ),
};
