import { createContextFactory, type RequestContext } from '../../kit/src/service.js';
import { requireVolunteerRead } from './domain/access.js';
import { createLoaders, type Loaders } from './loaders.js';

export type Context = RequestContext<Loaders>;

export const createContext = createContextFactory(createLoaders);

/**
 * The loaders, once the viewer may read volunteer data. Every way into this subgraph's
 * data (a root field, an entity reference, a field added to another subgraph's entity)
 * passes the check; fields below those inherit it.
 */
export function readable({ viewer, loaders }: Context): Loaders {
  requireVolunteerRead(viewer);
  return loaders;
}
