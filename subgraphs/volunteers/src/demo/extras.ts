/**
 * The volunteer domain's demo rows, derived from the demo world with a seeded Faker of
 * their own (the world's generator is left untouched): love-supermarket rewards, OPENING
 * records for the hours the world's volunteers bring, enrolments and attendance in the
 * world's activities, confirmed (some adjusted) and pending service records with their
 * history, a pending and an approved correction, the points ledger and redemptions. The
 * same world and seed always give the same rows, so tests can compute exact figures.
 */
import { base, Faker, zh_CN } from '@faker-js/faker';
import { pointsFor, STARTING_POINT_RATES, DEFAULT_POINTS_PER_HOUR } from '../domain/points.js';
import { OPENING_TITLE } from '../domain/service-records.js';
import { hoursToMinutes, serviceMinutes, windowMinutes } from '../domain/service-hours.js';
import type {
  CareDeliveryEntity,
  CareDriveEntity,
  CareDriveItemEntity,
  CareDriveTargetEntity,
} from '../entities/care-drive.js';
import type { ProjectEntity } from '../entities/project.js';
import type { CorrectionRequestEntity } from '../entities/correction-request.js';
import type { EnrolmentEntity } from '../entities/enrolment.js';
import type { PointEntryEntity } from '../entities/point-entry.js';
import type { RedemptionEntity } from '../entities/redemption.js';
import type { RewardEntity } from '../entities/reward.js';
import type { ServiceRecordChangeEntity } from '../entities/service-record-change.js';
import type { ServiceRecordEntity } from '../entities/service-record.js';
import { formatUuidV7 } from '../domain/ids.js';
import { groupBy } from '../../../kit/src/demo/group-by.js';
import type { DemoWorld } from '../../../kit/src/demo/world.js';

export interface VolunteerExtras {
  rewards: RewardEntity[];
  enrolments: EnrolmentEntity[];
  records: ServiceRecordEntity[];
  changes: ServiceRecordChangeEntity[];
  corrections: CorrectionRequestEntity[];
  entries: PointEntryEntity[];
  redemptions: RedemptionEntity[];
  /** Enrolments not cancelled, per activity id. */
  enrolledCounts: Map<string, number>;
  /** 家园共筑 projects: one closed (carried out by a finished activity of the world), one approved, one proposed. */
  projects: ProjectEntity[];
  /** The project a world activity carried out, by activity id. */
  projectOfActivity: Map<string, string>;
  /** One 安全爱心包 drive for a community's 空巢老人, partly delivered. */
  drives: {
    drives: CareDriveEntity[];
    items: CareDriveItemEntity[];
    targets: CareDriveTargetEntity[];
    deliveries: CareDeliveryEntity[];
  };
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const ORGANIZER = 'demo-organizer';
const STREET = '510116001';
const STREET_REWARDS: [string, number, number][] = [
  ['大米 5kg', 300, 20],
  ['食用油 5L', 260, 15],
  ['洗衣液', 120, 30],
  ['理发券', 80, 40],
];
const COMMUNITY_REWARDS: [string, number, number][] = [
  ['抽纸一提', 50, 30],
  ['牙膏', 40, 25],
  ['毛巾', 30, 40],
  ['鸡蛋 30 枚', 150, 10],
];

type Event = {
  at: number;
  points: number;
  type: PointEntryEntity['type'];
  serviceRecordId?: string;
  correctionId?: string;
  redemptionId?: string;
  note: string;
};

export function generateVolunteerExtras(world: DemoWorld, seed: number): VolunteerExtras {
  const faker = new Faker({ locale: [zh_CN, base], seed });
  let counter = 0;
  const id = (at: number) => {
    counter += 1;
    return formatUuidV7(at, counter & 0xfff, Buffer.from(faker.string.hexadecimal({ length: 16, prefix: '' }), 'hex'));
  };
  const extras: VolunteerExtras = {
    rewards: [],
    enrolments: [],
    records: [],
    changes: [],
    corrections: [],
    entries: [],
    redemptions: [],
    enrolledCounts: new Map(),
    projects: [],
    projectOfActivity: new Map(),
    drives: { drives: [], items: [], targets: [], deliveries: [] },
  };
  const events = new Map<string, Event[]>();
  const earn = (volunteerId: string, event: Event) => {
    const earned = events.get(volunteerId);
    if (earned) earned.push(event);
    else events.set(volunteerId, [event]);
  };
  const rate = (category: string) => STARTING_POINT_RATES[category] ?? DEFAULT_POINTS_PER_HOUR;
  const anchor = Math.max(...world.activities.map((activity) => activity.startsAt.getTime())) - 30 * DAY;

  // Rewards: the street's love supermarket and each community's own shelf.
  const communities = [...new Set(world.volunteers.map((volunteer) => volunteer.areaCode.slice(0, 12)))].sort();
  const reward = (areaCode: string, [name, pointsCost, stock]: [string, number, number], active = true) => {
    const createdAt = new Date(anchor - 90 * DAY);
    extras.rewards.push({
      id: id(createdAt.getTime()),
      name,
      description: null,
      areaCode,
      pointsCost,
      stock,
      active,
      createdAt,
    });
  };
  STREET_REWARDS.forEach((item, index) => {
    reward(STREET, item, index < STREET_REWARDS.length - 1);
  });
  for (const community of communities)
    reward(community, COMMUNITY_REWARDS[faker.number.int({ min: 0, max: COMMUNITY_REWARDS.length - 1 })]!);

  // OPENING records: the confirmed hours each volunteer of the world brings.
  for (const volunteer of world.volunteers) {
    const minutes = hoursToMinutes(volunteer.confirmedHours);
    if (minutes <= 0) continue;
    const at = volunteer.registeredAt;
    const record: ServiceRecordEntity = {
      id: id(at.getTime()),
      volunteerId: volunteer.id,
      volunteerAreaCode: volunteer.areaCode,
      activityId: null,
      enrolmentId: null,
      source: 'OPENING',
      title: OPENING_TITLE,
      category: null,
      areaCode: volunteer.areaCode,
      servedAt: at,
      checkedInAt: null,
      checkedOutAt: null,
      computedMinutes: minutes,
      minutes,
      windowMinutes: null,
      status: 'CONFIRMED',
      confirmedAt: at,
      confirmedBy: 'migration',
      pointsPerHour: null,
      correctionPending: false,
    };
    extras.records.push(record);
    extras.changes.push(
      change(id(at.getTime()), record, 'MIGRATED', at, 'migration', null, '系统上线前已确认的服务时长，迁移为开账记录'),
    );
  }

  // Enrolments: finished activities have attendance and records; published ones have sign-ups.
  const volunteersOf = groupBy(world.volunteers, (volunteer) => volunteer.areaCode.slice(0, 12));
  for (const activity of world.activities) {
    if (activity.status !== 'FINISHED' && activity.status !== 'PUBLISHED') continue;
    const community = activity.areaCode.slice(0, 12);
    const neighbours = volunteersOf.get(community) ?? [];
    const count = faker.number.int({ min: 0, max: Math.min(activity.capacity, neighbours.length) });
    const chosen = faker.helpers.arrayElements(neighbours, count);
    extras.enrolledCounts.set(activity.id, chosen.length);
    for (const volunteer of chosen) {
      const enrolledAt = new Date(activity.startsAt.getTime() - faker.number.int({ min: 1, max: 10 }) * DAY);
      const enrolment: EnrolmentEntity = {
        id: id(enrolledAt.getTime()),
        activityId: activity.id,
        volunteerId: volunteer.id,
        areaCode: activity.areaCode,
        volunteerAreaCode: volunteer.areaCode,
        status: 'ENROLLED',
        enrolledAt,
        cancelledAt: null,
        checkedInAt: null,
        checkedOutAt: null,
      };
      extras.enrolments.push(enrolment);
      if (activity.status !== 'FINISHED') continue;
      const checkedInAt = new Date(activity.startsAt.getTime() + faker.number.int({ min: -20, max: 30 }) * MINUTE);
      const checkedOutAt = new Date(activity.endsAt.getTime() + faker.number.int({ min: -60, max: 20 }) * MINUTE);
      Object.assign(enrolment, { status: 'CHECKED_OUT', checkedInAt, checkedOutAt });
      const computed = serviceMinutes(checkedInAt, checkedOutAt, activity.startsAt, activity.endsAt);
      const record: ServiceRecordEntity = {
        id: id(checkedOutAt.getTime()),
        volunteerId: volunteer.id,
        volunteerAreaCode: volunteer.areaCode,
        activityId: activity.id,
        enrolmentId: enrolment.id,
        source: 'ACTIVITY',
        title: activity.title,
        category: activity.category,
        areaCode: activity.areaCode,
        servedAt: checkedInAt,
        checkedInAt,
        checkedOutAt,
        computedMinutes: computed,
        minutes: computed,
        windowMinutes: windowMinutes(activity.startsAt, activity.endsAt),
        status: 'PENDING',
        confirmedAt: null,
        confirmedBy: null,
        pointsPerHour: null,
        correctionPending: false,
      };
      extras.records.push(record);
      extras.changes.push(
        change(id(checkedOutAt.getTime()), record, 'CREATED', checkedOutAt, volunteer.id, null, null),
      );
      if (faker.number.int(9) === 0) continue; // waits for the organiser
      const confirmedAt = new Date(activity.endsAt.getTime() + DAY);
      const adjusted = faker.number.int(7) === 0 && computed > 30;
      Object.assign(record, {
        status: 'CONFIRMED',
        confirmedAt,
        confirmedBy: ORGANIZER,
        pointsPerHour: rate(activity.category),
        minutes: adjusted ? computed - 30 : computed,
      });
      extras.changes.push(
        change(
          id(confirmedAt.getTime()),
          record,
          adjusted ? 'ADJUSTED' : 'CONFIRMED',
          confirmedAt,
          ORGANIZER,
          { minutes: computed, status: 'PENDING' },
          adjusted ? '中途离开半小时，按实际服务时长核减' : null,
        ),
      );
      const points = pointsFor(record.minutes, record.pointsPerHour!);
      if (points > 0)
        earn(volunteer.id, {
          at: confirmedAt.getTime(),
          points,
          type: 'EARN',
          serviceRecordId: record.id,
          note: record.title,
        });
    }
  }

  // Corrections: the first confirmed record's volunteer waits for an answer; the second's was approved.
  const confirmed = extras.records.filter(
    (record) => record.source === 'ACTIVITY' && record.status === 'CONFIRMED' && record.minutes < record.windowMinutes!,
  );
  confirmed.slice(0, 2).forEach((record, index) => {
    const requestedAt = new Date(record.confirmedAt!.getTime() + 2 * DAY);
    const requestedMinutes = record.windowMinutes!;
    const correction: CorrectionRequestEntity = {
      id: id(requestedAt.getTime()),
      recordId: record.id,
      volunteerId: record.volunteerId,
      areaCode: record.areaCode,
      volunteerAreaCode: record.volunteerAreaCode,
      minutesBefore: record.minutes,
      requestedMinutes,
      reason: '签退时手机没电，实际服务到活动结束',
      status: 'PENDING',
      requestedAt,
      requestedBy: record.volunteerId,
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
    };
    extras.corrections.push(correction);
    if (index === 0) {
      record.correctionPending = true;
      return;
    }
    const decidedAt = new Date(requestedAt.getTime() + DAY);
    Object.assign(correction, {
      status: 'APPROVED',
      decidedAt,
      decidedBy: ORGANIZER,
      decisionReason: '经现场签到表核实，同意更正',
    });
    const before = { minutes: record.minutes, status: record.status };
    const delta = pointsFor(requestedMinutes, record.pointsPerHour!) - pointsFor(record.minutes, record.pointsPerHour!);
    record.minutes = requestedMinutes;
    extras.changes.push({
      ...change(id(decidedAt.getTime()), record, 'CORRECTED', decidedAt, ORGANIZER, before, correction.decisionReason),
      correctionId: correction.id,
    });
    if (delta !== 0)
      earn(record.volunteerId, {
        at: decidedAt.getTime(),
        points: delta,
        type: 'ADJUSTMENT',
        serviceRecordId: record.id,
        correctionId: correction.id,
        note: `更正：${correction.reason}`,
      });
  });

  // Ledgers, oldest first, with redemptions by volunteers who have the points for them.
  const volunteerById = new Map(world.volunteers.map((volunteer) => [volunteer.id, volunteer]));
  for (const volunteerId of [...events.keys()].sort()) {
    const volunteer = volunteerById.get(volunteerId)!;
    const timeline = events.get(volunteerId)!.sort((a, b) => a.at - b.at);
    const balance = timeline.reduce((sum, event) => sum + event.points, 0);
    const last = timeline[timeline.length - 1]!.at;
    const offered = extras.rewards.filter(
      (item) =>
        item.active && volunteer.areaCode.startsWith(item.areaCode) && item.pointsCost <= balance && item.stock > 0,
    );
    if (offered.length && faker.number.int(2) !== 0) {
      const item = faker.helpers.arrayElement(offered);
      const redeemedAt = new Date(last + DAY);
      const status = faker.helpers.arrayElement(['PENDING_PICKUP', 'PICKED_UP', 'PICKED_UP', 'CANCELLED'] as const);
      const redemption: RedemptionEntity = {
        id: id(redeemedAt.getTime()),
        rewardId: item.id,
        volunteerId,
        areaCode: volunteer.areaCode,
        rewardAreaCode: item.areaCode,
        quantity: 1,
        pointsSpent: item.pointsCost,
        status,
        idempotencyKey: `demo-${faker.string.alphanumeric(12)}`,
        redeemedAt,
        redeemedBy: volunteerId,
        pickedUpAt: status === 'PICKED_UP' ? new Date(redeemedAt.getTime() + DAY) : null,
        cancelledAt: status === 'CANCELLED' ? new Date(redeemedAt.getTime() + DAY) : null,
        cancelReason: status === 'CANCELLED' ? '时间冲突，无法领取' : null,
      };
      extras.redemptions.push(redemption);
      timeline.push({
        at: redeemedAt.getTime(),
        points: -item.pointsCost,
        type: 'REDEEM',
        redemptionId: redemption.id,
        note: item.name,
      });
      if (status === 'CANCELLED')
        timeline.push({
          at: redemption.cancelledAt!.getTime(),
          points: item.pointsCost,
          type: 'REVERSAL',
          redemptionId: redemption.id,
          note: redemption.cancelReason!,
        });
      else item.stock -= 1;
    }
    let running = 0;
    timeline.forEach((event, index) => {
      running += event.points;
      extras.entries.push({
        id: id(event.at),
        volunteerId,
        areaCode: volunteer.areaCode,
        seq: index + 1,
        type: event.type,
        points: event.points,
        balanceAfter: running,
        serviceRecordId: event.serviceRecordId ?? null,
        correctionId: event.correctionId ?? null,
        redemptionId: event.redemptionId ?? null,
        note: event.note,
        createdAt: new Date(event.at),
        createdBy: event.type === 'EARN' || event.type === 'ADJUSTMENT' ? ORGANIZER : volunteerId,
      });
    });
  }
  // Last, so that the rows above come out as they did before projects and drives existed.
  addCommunityLife(world, extras, id, anchor);
  return extras;
}

/**
 * Issue 8's rows: the street's finished activity with the most confirmed service becomes
 * the work of a closed 家园共筑 project of its community (claimed by its team, or by one of
 * the community's volunteers), beside an approved and a proposed one; and a 安全爱心包 drive
 * for the 空巢老人 of the first community that has any, with one package delivered, one
 * refused and one visit not at home that asks for a follow-up.
 */
function addCommunityLife(world: DemoWorld, extras: VolunteerExtras, id: (at: number) => string, anchor: number): void {
  const confirmed = new Map<string, number>();
  for (const record of extras.records)
    if (record.activityId && record.status === 'CONFIRMED')
      confirmed.set(record.activityId, (confirmed.get(record.activityId) ?? 0) + 1);
  const activity = world.activities
    .filter((row) => row.status === 'FINISHED' && row.areaCode.startsWith(STREET) && confirmed.has(row.id))
    .sort((a, b) => (confirmed.get(b.id) ?? 0) - (confirmed.get(a.id) ?? 0) || a.id.localeCompare(b.id))[0];
  if (activity) {
    const community = activity.areaCode.slice(0, 12);
    const claimer = world.volunteers.find((volunteer) => volunteer.areaCode.startsWith(community));
    const at = (days: number) => new Date(activity.startsAt.getTime() + days * DAY);
    const project = (
      title: string,
      plan: string,
      budgetFen: number,
      values: Partial<ProjectEntity>,
    ): ProjectEntity => ({
      id: id((values.proposedAt ?? at(-30)).getTime()),
      areaCode: community,
      title,
      plan,
      budgetFen,
      neededVolunteers: 8,
      skills: ['园艺', '木工'],
      status: 'PROPOSED',
      proposedBy: ORGANIZER,
      proposedAt: at(-30),
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      claimedByTeamId: null,
      claimedByVolunteerId: null,
      claimedAt: null,
      startedAt: null,
      closedAt: null,
      result: null,
      ...values,
    });
    const closed = project(
      '院落微更新：共建花园',
      '清理院落杂物，修补花台，种植花卉，设置休憩座椅，由居民认养照看。',
      1_280_000,
      {
        status: 'CLOSED',
        decidedBy: ORGANIZER,
        decidedAt: at(-25),
        claimedByTeamId: activity.teamId,
        claimedByVolunteerId: activity.teamId ? null : (claimer?.id ?? null),
        claimedAt: at(-20),
        startedAt: at(-10),
        closedAt: at(2),
        result: '花园建成，种植花卉 60 株，设置座椅 4 处，由 12 户居民认养。',
      },
    );
    extras.projects.push(closed);
    extras.projectOfActivity.set(activity.id, closed.id);
    extras.projects.push(
      project('楼道照明改造', '更换老旧楼道灯为声控节能灯，检查线路安全。', 560_000, {
        proposedAt: at(-5),
        status: 'APPROVED',
        decidedBy: ORGANIZER,
        decidedAt: at(-3),
      }),
    );
    extras.projects.push(
      project('社区共享书屋', '利用党群服务站闲置房间设立共享书屋，征集居民捐书，志愿者轮值管理。', 300_000, {
        proposedAt: at(-1),
      }),
    );
  }

  const tagged = new Set(
    world.tags.filter((tag) => tag.code === 'EMPTY_NEST_ELDER' && tag.until === null).map((tag) => tag.personId),
  );
  const elders = world.people.filter(
    (person) => tagged.has(person.id) && person.status === 'ACTIVE' && person.areaCode.startsWith(STREET),
  );
  const community = elders.map((person) => person.areaCode.slice(0, 12)).sort()[0];
  if (!community) return;
  const targets = elders.filter((person) => person.areaCode.startsWith(community));
  const createdAt = new Date(anchor);
  const drive: CareDriveEntity = {
    id: id(createdAt.getTime()),
    areaCode: community,
    title: '冬季安全爱心包',
    targetTag: 'EMPTY_NEST_ELDER',
    status: 'OPEN',
    targetCount: targets.length,
    createdBy: ORGANIZER,
    createdAt,
    closedAt: null,
    closedBy: null,
    closeNote: null,
  };
  const delivered = targets.slice(0, 1).length;
  extras.drives.drives.push(drive);
  extras.drives.items.push(
    {
      id: id(createdAt.getTime()),
      driveId: drive.id,
      name: '燃气报警器',
      perPackage: 1,
      stock: targets.length + 5 - delivered,
    },
    {
      id: id(createdAt.getTime()),
      driveId: drive.id,
      name: '防滑垫',
      perPackage: 2,
      stock: 2 * (targets.length + 5) - 2 * delivered,
    },
  );
  const outcomes: CareDeliveryEntity['outcome'][] = ['DELIVERED', 'REFUSED', 'NOT_HOME'];
  const volunteer = world.volunteers.find((row) => row.areaCode.startsWith(community));
  targets.forEach((person, index) => {
    const outcome = outcomes[index] ?? null;
    extras.drives.targets.push({
      driveId: drive.id,
      personId: person.id,
      gridId: person.gridId,
      areaCode: person.areaCode,
      lastOutcome: outcome,
    });
    if (!outcome) return;
    const recordedAt = new Date(anchor + (index + 1) * DAY);
    extras.drives.deliveries.push({
      id: id(recordedAt.getTime()),
      driveId: drive.id,
      personId: person.id,
      gridId: person.gridId,
      areaCode: person.areaCode,
      outcome,
      deliveredPersonId: outcome === 'DELIVERED' ? person.id : null,
      volunteerId: volunteer?.id ?? null,
      recordedBy: volunteer ? `person-${volunteer.personId}` : ORGANIZER,
      recordedAt,
      note: outcome === 'REFUSED' ? '老人表示家人已备齐' : null,
      followUpRequested: outcome === 'NOT_HOME',
      confirmedAt: outcome === 'DELIVERED' ? new Date(recordedAt.getTime() + 3_600_000) : null,
    });
  });
}

function change(
  id: string,
  record: ServiceRecordEntity,
  kind: ServiceRecordChangeEntity['kind'],
  at: Date,
  by: string,
  before: { minutes: number; status: ServiceRecordEntity['status'] } | null,
  reason: string | null,
): ServiceRecordChangeEntity {
  return {
    id,
    recordId: record.id,
    kind,
    at,
    by,
    minutesBefore: before?.minutes ?? null,
    minutesAfter: record.minutes,
    statusBefore: before?.status ?? null,
    statusAfter: record.status,
    reason,
    correctionId: null,
  };
}
