import { createContextFactory, type RequestContext } from '../../kit/src/service.js';
import { createLoaders, type Loaders } from './loaders.js';

export type Context = RequestContext<Loaders>;

export const createContext = createContextFactory(createLoaders);
