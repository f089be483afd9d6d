import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { whereInScope } from '../../kit/src/scope.js';
import { Volunteer } from './entities/volunteer.js';
import type { VolunteerModel } from './mappers.js';

/**
 * Volunteers by id or person id, inside the viewer's scope, each with its confirmed
 * minutes from the same statement (a correlated sum on the (volunteer_id, status) index).
 * `Person.volunteer { confirmedHours }`, the most asked volunteer field, is then one
 * statement whether or not any of the people are volunteers.
 */
export function createVolunteerLoader(dataSource: DataSource, viewer: Viewer, property: 'id' | 'personId') {
  return new DataLoader<string, VolunteerModel | null>(async (keys) => {
    const qb = dataSource.getRepository(Volunteer).createQueryBuilder('volunteer')
      .addSelect("(SELECT COALESCE(SUM(r.minutes), 0) FROM service_record r WHERE r.volunteer_id = volunteer.id AND r.status = 'CONFIRMED')", 'confirmed_minutes')
      .where(`volunteer.${property} IN (:...keys)`, { keys: [...keys] });
    whereInScope(qb, viewer, 'volunteer.areaCode');
    const { entities, raw } = await qb.getRawAndEntities<{ volunteer_id: string; confirmed_minutes: number | string }>();
    const minutes = new Map(raw.map((row) => [row.volunteer_id, Number(row.confirmed_minutes)]));
    const byKey = new Map(entities.map((volunteer) => [volunteer[property], { ...volunteer, confirmedMinutes: minutes.get(volunteer.id) ?? 0 }]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}
