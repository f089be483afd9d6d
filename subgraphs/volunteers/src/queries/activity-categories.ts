import type { Context } from '../context.js';
import { requireVolunteerRead } from '../domain/access.js';
import { PointRate } from '../entities/point-rate.js';

/** `Query.activityCategories`: the categories volunteers serve in, each with its point rate, by name. */
export function activityCategories({ viewer, db }: Context) {
  requireVolunteerRead(viewer);
  return db.dataSource.getRepository(PointRate).find({ order: { category: 'ASC' } });
}
