/**
 * The volunteer domain's demo rows, derived from the demo world with a seeded Faker of
 * their own (the world's generator is left untouched): love-supermarket rewards, OPENING
 * records for the hours the world's volunteers bring, enrolments and attendance in the
 * world's activities, confirmed (some adjusted) and pending service records with their
 * history, a pending and an approved correction, the points ledger and redemptions. The
 * same world and seed always give the same rows, so tests can compute exact figures.
 */
import { base, Faker, zh_CN } from '@faker-js/faker';
import { pointsFor, STARTING_POINT_RATES, DEFAULT_POINTS_PER_HOUR } from '../../subgraphs/volunteers/src/domain/points.js';
import { OPENING_TITLE } from '../../subgraphs/volunteers/src/domain/service-records.js';
import { hoursToMinutes, serviceMinutes, windowMinutes } from '../../subgraphs/volunteers/src/domain/service-hours.js';
import type { CorrectionRequestEntity } from '../../subgraphs/volunteers/src/entities/correction-request.js';
import type { EnrolmentEntity } from '../../subgraphs/volunteers/src/entities/enrolment.js';
import type { PointEntryEntity } from '../../subgraphs/volunteers/src/entities/point-entry.js';
import type { RedemptionEntity } from '../../subgraphs/volunteers/src/entities/redemption.js';
import type { RewardEntity } from '../../subgraphs/volunteers/src/entities/reward.js';
import type { ServiceRecordChangeEntity } from '../../subgraphs/volunteers/src/entities/service-record-change.js';
import type { ServiceRecordEntity } from '../../subgraphs/volunteers/src/entities/service-record.js';
import { formatUuidV7 } from '../../subgraphs/volunteers/src/ids.js';
import type { DemoWorld } from './world.js';

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
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const ORGANIZER = 'demo-organizer';
const STREET = '510116001';
const STREET_REWARDS: [string, number, number][] = [['大米 5kg', 300, 20], ['食用油 5L', 260, 15], ['洗衣液', 120, 30], ['理发券', 80, 40]];
const COMMUNITY_REWARDS: [string, number, number][] = [['抽纸一提', 50, 30], ['牙膏', 40, 25], ['毛巾', 30, 40], ['鸡蛋 30 枚', 150, 10]];

type Event = { at: number; points: number; type: PointEntryEntity['type']; serviceRecordId?: string; correctionId?: string; redemptionId?: string; note: string };

export function generateVolunteerExtras(world: DemoWorld, seed: number): VolunteerExtras {
  const faker = new Faker({ locale: [zh_CN, base], seed });
  let counter = 0;
  const id = (at: number) => formatUuidV7(at, (counter += 1) & 0xfff, Buffer.from(faker.string.hexadecimal({ length: 16, prefix: '' }), 'hex'));
  const extras: VolunteerExtras = { rewards: [], enrolments: [], records: [], changes: [], corrections: [], entries: [], redemptions: [], enrolledCounts: new Map() };
  const events = new Map<string, Event[]>();
  const earn = (volunteerId: string, event: Event) => events.set(volunteerId, [...(events.get(volunteerId) ?? []), event]);
  const rate = (category: string) => STARTING_POINT_RATES[category] ?? DEFAULT_POINTS_PER_HOUR;
  const anchor = Math.max(...world.activities.map((activity) => activity.startsAt.getTime())) - 30 * DAY;

  // Rewards: the street's love supermarket and each community's own shelf.
  const communities = [...new Set(world.volunteers.map((volunteer) => volunteer.areaCode.slice(0, 12)))].sort();
  const reward = (areaCode: string, [name, pointsCost, stock]: [string, number, number], active = true) => {
    const createdAt = new Date(anchor - 90 * DAY);
    extras.rewards.push({ id: id(createdAt.getTime()), name, description: null, areaCode, pointsCost, stock, active, createdAt });
  };
  STREET_REWARDS.forEach((item, index) => reward(STREET, item, index < STREET_REWARDS.length - 1));
  for (const community of communities) reward(community, COMMUNITY_REWARDS[faker.number.int({ min: 0, max: COMMUNITY_REWARDS.length - 1 })]!);

  // OPENING records: the confirmed hours each volunteer of the world brings.
  for (const volunteer of world.volunteers) {
    const minutes = hoursToMinutes(volunteer.confirmedHours);
    if (minutes <= 0) continue;
    const at = volunteer.registeredAt;
    const record: ServiceRecordEntity = {
      id: id(at.getTime()), volunteerId: volunteer.id, volunteerAreaCode: volunteer.areaCode, activityId: null, enrolmentId: null,
      source: 'OPENING', title: OPENING_TITLE, category: null, areaCode: volunteer.areaCode, servedAt: at, checkedInAt: null, checkedOutAt: null,
      computedMinutes: minutes, minutes, windowMinutes: null, status: 'CONFIRMED', confirmedAt: at, confirmedBy: 'migration', pointsPerHour: null, correctionPending: false,
    };
    extras.records.push(record);
    extras.changes.push(change(id(at.getTime()), record, 'MIGRATED', at, 'migration', null, '系统上线前已确认的服务时长，迁移为开账记录'));
  }

  // Enrolments: finished activities have attendance and records; published ones have sign-ups.
  for (const activity of world.activities) {
    if (activity.status !== 'FINISHED' && activity.status !== 'PUBLISHED') continue;
    const community = activity.areaCode.slice(0, 12);
    const neighbours = world.volunteers.filter((volunteer) => volunteer.areaCode.startsWith(community));
    const count = faker.number.int({ min: 0, max: Math.min(activity.capacity, neighbours.length) });
    const chosen = faker.helpers.arrayElements(neighbours, count);
    extras.enrolledCounts.set(activity.id, chosen.length);
    for (const volunteer of chosen) {
      const enrolledAt = new Date(activity.startsAt.getTime() - faker.number.int({ min: 1, max: 10 }) * DAY);
      const enrolment: EnrolmentEntity = {
        id: id(enrolledAt.getTime()), activityId: activity.id, volunteerId: volunteer.id, areaCode: activity.areaCode, volunteerAreaCode: volunteer.areaCode,
        status: 'ENROLLED', enrolledAt, cancelledAt: null, checkedInAt: null, checkedOutAt: null,
      };
      extras.enrolments.push(enrolment);
      if (activity.status !== 'FINISHED') continue;
      const checkedInAt = new Date(activity.startsAt.getTime() + faker.number.int({ min: -20, max: 30 }) * MINUTE);
      const checkedOutAt = new Date(activity.endsAt.getTime() + faker.number.int({ min: -60, max: 20 }) * MINUTE);
      Object.assign(enrolment, { status: 'CHECKED_OUT', checkedInAt, checkedOutAt });
      const computed = serviceMinutes(checkedInAt, checkedOutAt, activity.startsAt, activity.endsAt);
      const record: ServiceRecordEntity = {
        id: id(checkedOutAt.getTime()), volunteerId: volunteer.id, volunteerAreaCode: volunteer.areaCode, activityId: activity.id, enrolmentId: enrolment.id,
        source: 'ACTIVITY', title: activity.title, category: activity.category, areaCode: activity.areaCode, servedAt: checkedInAt, checkedInAt, checkedOutAt,
        computedMinutes: computed, minutes: computed, windowMinutes: windowMinutes(activity.startsAt, activity.endsAt), status: 'PENDING',
        confirmedAt: null, confirmedBy: null, pointsPerHour: null, correctionPending: false,
      };
      extras.records.push(record);
      extras.changes.push(change(id(checkedOutAt.getTime()), record, 'CREATED', checkedOutAt, volunteer.id, null, null));
      if (faker.number.int(9) === 0) continue; // waits for the organiser
      const confirmedAt = new Date(activity.endsAt.getTime() + DAY);
      const adjusted = faker.number.int(7) === 0 && computed > 30;
      Object.assign(record, { status: 'CONFIRMED', confirmedAt, confirmedBy: ORGANIZER, pointsPerHour: rate(activity.category), minutes: adjusted ? computed - 30 : computed });
      extras.changes.push(change(id(confirmedAt.getTime()), record, adjusted ? 'ADJUSTED' : 'CONFIRMED', confirmedAt, ORGANIZER, { minutes: computed, status: 'PENDING' }, adjusted ? '中途离开半小时，按实际服务时长核减' : null));
      const points = pointsFor(record.minutes, record.pointsPerHour!);
      if (points > 0) earn(volunteer.id, { at: confirmedAt.getTime(), points, type: 'EARN', serviceRecordId: record.id, note: record.title });
    }
  }

  // Corrections: the first confirmed record's volunteer waits for an answer; the second's was approved.
  const confirmed = extras.records.filter((record) => record.source === 'ACTIVITY' && record.status === 'CONFIRMED' && record.minutes < record.windowMinutes!);
  confirmed.slice(0, 2).forEach((record, index) => {
    const requestedAt = new Date(record.confirmedAt!.getTime() + 2 * DAY);
    const requestedMinutes = record.windowMinutes!;
    const correction: CorrectionRequestEntity = {
      id: id(requestedAt.getTime()), recordId: record.id, volunteerId: record.volunteerId, areaCode: record.areaCode, volunteerAreaCode: record.volunteerAreaCode,
      minutesBefore: record.minutes, requestedMinutes, reason: '签退时手机没电，实际服务到活动结束', status: 'PENDING', requestedAt, requestedBy: record.volunteerId,
      decidedAt: null, decidedBy: null, decisionReason: null,
    };
    extras.corrections.push(correction);
    if (index === 0) {
      record.correctionPending = true;
      return;
    }
    const decidedAt = new Date(requestedAt.getTime() + DAY);
    Object.assign(correction, { status: 'APPROVED', decidedAt, decidedBy: ORGANIZER, decisionReason: '经现场签到表核实，同意更正' });
    const before = { minutes: record.minutes, status: record.status };
    const delta = pointsFor(requestedMinutes, record.pointsPerHour!) - pointsFor(record.minutes, record.pointsPerHour!);
    record.minutes = requestedMinutes;
    extras.changes.push({ ...change(id(decidedAt.getTime()), record, 'CORRECTED', decidedAt, ORGANIZER, before, correction.decisionReason), correctionId: correction.id });
    if (delta !== 0) earn(record.volunteerId, { at: decidedAt.getTime(), points: delta, type: 'ADJUSTMENT', serviceRecordId: record.id, correctionId: correction.id, note: `更正：${correction.reason}` });
  });

  // Ledgers, oldest first, with redemptions by volunteers who have the points for them.
  const volunteerById = new Map(world.volunteers.map((volunteer) => [volunteer.id, volunteer]));
  for (const volunteerId of [...events.keys()].sort()) {
    const volunteer = volunteerById.get(volunteerId)!;
    const timeline = events.get(volunteerId)!.sort((a, b) => a.at - b.at);
    const balance = timeline.reduce((sum, event) => sum + event.points, 0);
    const last = timeline[timeline.length - 1]!.at;
    const offered = extras.rewards.filter((item) => item.active && volunteer.areaCode.startsWith(item.areaCode) && item.pointsCost <= balance && item.stock > 0);
    if (offered.length && faker.number.int(2) !== 0) {
      const item = faker.helpers.arrayElement(offered);
      const redeemedAt = new Date(last + DAY);
      const status = faker.helpers.arrayElement(['PENDING_PICKUP', 'PICKED_UP', 'PICKED_UP', 'CANCELLED'] as const);
      const redemption: RedemptionEntity = {
        id: id(redeemedAt.getTime()), rewardId: item.id, volunteerId, areaCode: volunteer.areaCode, rewardAreaCode: item.areaCode, quantity: 1, pointsSpent: item.pointsCost,
        status, idempotencyKey: `demo-${faker.string.alphanumeric(12)}`, redeemedAt, redeemedBy: volunteerId,
        pickedUpAt: status === 'PICKED_UP' ? new Date(redeemedAt.getTime() + DAY) : null,
        cancelledAt: status === 'CANCELLED' ? new Date(redeemedAt.getTime() + DAY) : null,
        cancelReason: status === 'CANCELLED' ? '时间冲突，无法领取' : null,
      };
      extras.redemptions.push(redemption);
      timeline.push({ at: redeemedAt.getTime(), points: -item.pointsCost, type: 'REDEEM', redemptionId: redemption.id, note: item.name });
      if (status === 'CANCELLED') timeline.push({ at: redemption.cancelledAt!.getTime(), points: item.pointsCost, type: 'REVERSAL', redemptionId: redemption.id, note: redemption.cancelReason! });
      else item.stock -= 1;
    }
    let running = 0;
    timeline.forEach((event, index) => {
      running += event.points;
      extras.entries.push({
        id: id(event.at), volunteerId, areaCode: volunteer.areaCode, seq: index + 1, type: event.type, points: event.points, balanceAfter: running,
        serviceRecordId: event.serviceRecordId ?? null, correctionId: event.correctionId ?? null, redemptionId: event.redemptionId ?? null,
        note: event.note, createdAt: new Date(event.at), createdBy: event.type === 'EARN' || event.type === 'ADJUSTMENT' ? ORGANIZER : volunteerId,
      });
    });
  }
  return extras;
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
    id, recordId: record.id, kind, at, by, minutesBefore: before?.minutes ?? null, minutesAfter: record.minutes,
    statusBefore: before?.status ?? null, statusAfter: record.status, reason, correctionId: null,
  };
}
