import type { Database } from '../../kit/src/database.js';
import type { Logger } from '../../kit/src/logger.js';
import { seedEmptyDatabase, type DemoDataOptions } from '../../kit/src/seeding.js';
import { generateVolunteerExtras } from './demo/extras.js';
import { generateWorld } from '../../kit/src/demo/world.js';
import { parseActivityStatus } from './domain/activity-status.js';
import { Activity } from './entities/activity.js';
import { CareDelivery, CareDrive, CareDriveItem, CareDriveTarget } from './entities/care-drive.js';
import { CorrectionRequest } from './entities/correction-request.js';
import { Enrolment } from './entities/enrolment.js';
import { PointEntry } from './entities/point-entry.js';
import { Project } from './entities/project.js';
import { Redemption } from './entities/redemption.js';
import { Reward } from './entities/reward.js';
import { ServiceRecord } from './entities/service-record.js';
import { ServiceRecordChange } from './entities/service-record-change.js';
import { TeamMembership } from './entities/team-membership.js';
import { Volunteer } from './entities/volunteer.js';
import { VolunteerTeam } from './entities/volunteer-team.js';

/**
 * The world's teams, volunteers, memberships and activities, and the volunteer domain's
 * own demo rows derived from them (demo/extras.ts). The world's
 * confirmed hours arrive as OPENING records, as the migration makes of existing ones.
 */
export async function seedIfEmpty(db: Database, options: DemoDataOptions, logger: Logger): Promise<void> {
  await seedEmptyDatabase(db, VolunteerTeam, logger, async (insert) => {
    const world = generateWorld(options);
    const extras = generateVolunteerExtras(world, options.seed);
    await insert(VolunteerTeam, world.teams);
    await insert(
      Volunteer,
      world.volunteers.map(({ confirmedHours: _hours, ...volunteer }) => ({
        ...volunteer,
        skills: [],
        availability: [],
      })),
    );
    await insert(
      TeamMembership,
      world.memberships.map((membership) => ({ ...membership, leftAt: null })),
    );
    await insert(
      Activity,
      world.activities.map((activity) => ({
        ...activity,
        status: parseActivityStatus(activity.status),
        place: `${activity.title.replace(activity.category, '')}党群服务站`,
        description: null,
        enrolledCount: extras.enrolledCounts.get(activity.id) ?? 0,
        cancelReason: activity.status === 'CANCELLED' ? '天气原因取消' : null,
        createdBy: null,
        projectId: extras.projectOfActivity.get(activity.id) ?? null,
      })),
    );
    await insert(Reward, extras.rewards);
    await insert(Enrolment, extras.enrolments);
    await insert(ServiceRecord, extras.records);
    await insert(ServiceRecordChange, extras.changes);
    await insert(CorrectionRequest, extras.corrections);
    await insert(PointEntry, extras.entries);
    await insert(Redemption, extras.redemptions);
    await insert(Project, extras.projects);
    await insert(CareDrive, extras.drives.drives);
    await insert(CareDriveItem, extras.drives.items);
    await insert(CareDriveTarget, extras.drives.targets);
    await insert(CareDelivery, extras.drives.deliveries);
  });
}
