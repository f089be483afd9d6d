import type { Viewer } from '../../kit/src/auth.js';
import type { Database } from '../../kit/src/database.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  viewer: Viewer;
  db: Database;
  loaders: Loaders;
}

export function createContext(db: Database, viewer: Viewer): Context {
  return { viewer, db, loaders: createLoaders(db.dataSource, viewer) };
}
