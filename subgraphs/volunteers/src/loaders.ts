import DataLoader from 'dataloader';
import type { DataSource, EntitySchema, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupPageLoader } from '../../kit/src/connection.js';
import { createGroupLoader, createRowLoader, type Restrict } from '../../kit/src/loaders.js';
import { whereInScope } from '../../kit/src/scope.js';
import { Activity } from './entities/activity.js';
import { CorrectionRequest } from './entities/correction-request.js';
import { Enrolment } from './entities/enrolment.js';
import { PointEntry } from './entities/point-entry.js';
import { PointRate } from './entities/point-rate.js';
import { Project } from './entities/project.js';
import { CareDelivery, CareDrive, CareDriveItem } from './entities/care-drive.js';
import { Redemption } from './entities/redemption.js';
import { Reward } from './entities/reward.js';
import { ServiceRecord } from './entities/service-record.js';
import { ServiceRecordChange } from './entities/service-record-change.js';
import { TeamMembership, type TeamMembershipEntity } from './entities/team-membership.js';
import { VolunteerTeam } from './entities/volunteer-team.js';
import { Volunteer } from './entities/volunteer.js';
import type { VolunteerModel } from './mappers.js';
import { createDriveProgressLoader } from './queries/care-drive-progress.js';
import { createCertificateLoader } from './queries/certificates.js';
import { createStatsLoader } from './queries/volunteer-stats.js';
import { inScopeOf, inScopeOfEither, teamVisibility } from './queries/visibility.js';

/**
 * Volunteers by id or person id, inside the viewer's scope, each with its confirmed
 * minutes from the same statement (a correlated sum on the (volunteer_id, status) index).
 * `Person.volunteer { confirmedHours }`, the most asked volunteer field, is then one
 * statement whether or not any of the people are volunteers.
 */
function createVolunteerLoader(dataSource: DataSource, viewer: Viewer, property: 'id' | 'personId') {
  return new DataLoader<string, VolunteerModel | null>(async (keys) => {
    const qb = dataSource
      .getRepository(Volunteer)
      .createQueryBuilder('volunteer')
      .addSelect(
        "(SELECT COALESCE(SUM(r.minutes), 0) FROM service_record r WHERE r.volunteer_id = volunteer.id AND r.status = 'CONFIRMED')",
        'confirmed_minutes',
      )
      .where(`volunteer.${property} IN (:...keys)`, { keys: [...keys] });
    whereInScope(qb, viewer, 'volunteer.areaCode');
    const { entities, raw } = await qb.getRawAndEntities<{
      volunteer_id: string;
      confirmed_minutes: number | string;
    }>();
    const minutes = new Map(raw.map((row) => [row.volunteer_id, Number(row.confirmed_minutes)]));
    const byKey = new Map(
      entities.map((volunteer) => [
        volunteer[property],
        { ...volunteer, confirmedMinutes: minutes.get(volunteer.id) ?? 0 },
      ]),
    );
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

const activeOnly: Restrict<TeamMembershipEntity> = (qb, alias) => {
  qb.andWhere(`${alias}.leftAt IS NULL`);
};

/** A number per key from one grouped statement: sums of minutes, balances. */
function createSumLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntitySchema<T>,
  groupBy: keyof T & string,
  sum: keyof T & string,
  restrict?: Restrict,
) {
  return new DataLoader<string, number>(async (keys) => {
    const qb = dataSource
      .getRepository(entity)
      .createQueryBuilder('row')
      .select(`row.${groupBy}`, 'k')
      .addSelect(`COALESCE(SUM(row.${sum}), 0)`, 'n')
      .where(`row.${groupBy} IN (:...keys)`, { keys: [...keys] })
      .groupBy(`row.${groupBy}`);
    restrict?.(qb as unknown as SelectQueryBuilder<ObjectLiteral>, 'row');
    const rows: { k: string; n: number | string }[] = await qb.getRawMany();
    const byKey = new Map(rows.map((row) => [row.k, Number(row.n)]));
    return keys.map((key) => byKey.get(key) ?? 0);
  });
}

const confirmedOnly: Restrict = (qb, alias) => {
  qb.andWhere(`${alias}.status = 'CONFIRMED'`);
};

/**
 * Confirmed minutes served on each project's activities: one grouped statement over the
 * records and their activities, whatever the number of projects.
 */
function createProjectMinutesLoader(dataSource: DataSource) {
  return new DataLoader<string, number>(async (keys) => {
    const rows: { k: string; n: number | string }[] = await dataSource
      .getRepository(ServiceRecord)
      .createQueryBuilder('record')
      .innerJoin('Activity', 'activity', 'activity.id = record.activityId')
      .select('activity.projectId', 'k')
      .addSelect('COALESCE(SUM(record.minutes), 0)', 'n')
      .where('activity.projectId IN (:...keys)', { keys: [...keys] })
      .andWhere("record.status = 'CONFIRMED'")
      .groupBy('activity.projectId')
      .getRawMany();
    const byKey = new Map(rows.map((row) => [row.k, Number(row.n)]));
    return keys.map((key) => byKey.get(key) ?? 0);
  });
}

export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const page = <T extends ObjectLiteral & { id: string }>(
    entity: EntitySchema<T>,
    groupBy: keyof T & string,
    areaCodeProperty: keyof T & string,
  ) => createGroupPageLoader(dataSource, entity, viewer, { groupBy, match: 'equal', areaCodeProperty });
  return {
    volunteerById: createVolunteerLoader(dataSource, viewer, 'id'),
    volunteerByPerson: createVolunteerLoader(dataSource, viewer, 'personId'),
    teamById: createRowLoader(dataSource, VolunteerTeam, 'id', { restrict: teamVisibility(viewer) }),
    activityById: createRowLoader(dataSource, Activity, 'id', { restrict: inScopeOf(viewer) }),
    activeMembershipsByVolunteer: createGroupLoader(dataSource, TeamMembership, 'volunteerId', {
      restrict: activeOnly,
      orderBy: 'teamId',
    }),
    activeMembershipsByTeam: createGroupLoader(dataSource, TeamMembership, 'teamId', {
      restrict: activeOnly,
      orderBy: 'volunteerId',
    }),
    membershipsByVolunteer: createGroupLoader(dataSource, TeamMembership, 'volunteerId', { orderBy: 'teamId' }),
    membershipsByTeam: createGroupLoader(dataSource, TeamMembership, 'teamId', { orderBy: 'volunteerId' }),
    activitiesUnderCode: createGroupPageLoader(dataSource, Activity, viewer, {
      groupBy: 'areaCode',
      match: 'prefix',
      areaCodeProperty: 'areaCode',
    }),
    confirmedMinutesByVolunteer: createSumLoader(dataSource, ServiceRecord, 'volunteerId', 'minutes', confirmedOnly),
    balanceByVolunteer: createSumLoader(dataSource, PointEntry, 'volunteerId', 'points'),
    rateByCategory: createRowLoader(dataSource, PointRate, 'category'),
    enrolmentById: createRowLoader(dataSource, Enrolment, 'id', {
      restrict: inScopeOfEither(viewer, 'areaCode', 'volunteerAreaCode'),
    }),
    enrolmentsByActivity: page(Enrolment, 'activityId', 'areaCode'),
    enrolmentsByVolunteer: page(Enrolment, 'volunteerId', 'volunteerAreaCode'),
    recordById: createRowLoader(dataSource, ServiceRecord, 'id', {
      restrict: inScopeOfEither(viewer, 'areaCode', 'volunteerAreaCode'),
    }),
    recordByEnrolment: createRowLoader(dataSource, ServiceRecord, 'enrolmentId', {
      restrict: inScopeOfEither(viewer, 'areaCode', 'volunteerAreaCode'),
    }),
    changesByRecord: createGroupLoader(dataSource, ServiceRecordChange, 'recordId', { orderBy: 'id' }),
    correctionsByRecord: createGroupLoader(dataSource, CorrectionRequest, 'recordId', { orderBy: 'id' }),
    correctionById: createRowLoader(dataSource, CorrectionRequest, 'id', {
      restrict: inScopeOfEither(viewer, 'areaCode', 'volunteerAreaCode'),
    }),
    ledgerByVolunteer: page(PointEntry, 'volunteerId', 'areaCode'),
    rewardById: createRowLoader(dataSource, Reward, 'id', { restrict: teamVisibility(viewer) }),
    redemptionById: createRowLoader(dataSource, Redemption, 'id', {
      restrict: inScopeOfEither(viewer, 'areaCode', 'rewardAreaCode'),
    }),
    redemptionsByVolunteer: page(Redemption, 'volunteerId', 'areaCode'),
    redemptionsByReward: page(Redemption, 'rewardId', 'areaCode'),
    certificates: createCertificateLoader(dataSource),
    volunteerStats: createStatsLoader(dataSource, viewer),
    projectById: createRowLoader(dataSource, Project, 'id', { restrict: inScopeOf(viewer) }),
    projectsUnderCode: createGroupPageLoader(dataSource, Project, viewer, {
      groupBy: 'areaCode',
      match: 'prefix',
      areaCodeProperty: 'areaCode',
    }),
    activitiesByProject: createGroupPageLoader(dataSource, Activity, viewer, {
      groupBy: 'projectId',
      match: 'equal',
      areaCodeProperty: 'areaCode',
    }),
    confirmedMinutesByProject: createProjectMinutesLoader(dataSource),
    driveById: createRowLoader(dataSource, CareDrive, 'id', { restrict: inScopeOf(viewer) }),
    itemsByDrive: createGroupLoader(dataSource, CareDriveItem, 'driveId', { orderBy: 'id' }),
    followUpsByDrive: createGroupLoader(dataSource, CareDelivery, 'driveId', {
      orderBy: 'id',
      restrict: (qb, alias) => {
        qb.andWhere(`${alias}.followUpRequested = :followUp`, { followUp: true });
        whereInScope(qb, viewer, `${alias}.areaCode`);
      },
    }),
    deliveriesByDrive: page(CareDelivery, 'driveId', 'areaCode'),
    driveProgress: createDriveProgressLoader(dataSource, viewer),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
