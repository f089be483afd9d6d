import type { PersonTagResolvers } from '../generated/resolvers.js';

export const PersonTag: PersonTagResolvers = {
  label: async (tag, _, { loaders }) => (await loaders.tagCatalogue()).labelOf(tag.code),
};
