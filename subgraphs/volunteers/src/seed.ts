import type { Database } from '../../kit/src/database.js';
import type { Logger } from '../../kit/src/logger.js';
import { seedEmptyDatabase } from '../../kit/src/seeding.js';
import { generateWorld } from '../../../scripts/demo/world.js';
import { parseActivityStatus } from './domain/activity-status.js';
import { hoursToMinutes } from './domain/service-hours.js';
import { Activity } from './entities/activity.js';
import { TeamMembership } from './entities/team-membership.js';
import { Volunteer } from './entities/volunteer.js';
import { VolunteerTeam } from './entities/volunteer-team.js';

export async function seedIfEmpty(db: Database, options: { seed: number; residents: number }, logger: Logger): Promise<void> {
  await seedEmptyDatabase(db, VolunteerTeam, logger, async (insert) => {
    const world = generateWorld(options);
    await insert(VolunteerTeam, world.teams);
    await insert(
      Volunteer,
      world.volunteers.map(({ confirmedHours, ...volunteer }) => ({ ...volunteer, confirmedMinutes: hoursToMinutes(confirmedHours) })),
    );
    await insert(TeamMembership, world.memberships.map((membership) => ({ ...membership, leftAt: null })));
    await insert(Activity, world.activities.map((activity) => ({ ...activity, status: parseActivityStatus(activity.status) })));
  });
}
