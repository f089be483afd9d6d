import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { generateVolunteerExtras } from '../../subgraphs/volunteers/src/demo/extras.js';
import type { Database } from '../../subgraphs/kit/src/database.js';
import { Activity, type ActivityEntity } from '../../subgraphs/volunteers/src/entities/activity.js';
import { PointEntry } from '../../subgraphs/volunteers/src/entities/point-entry.js';
import { Reward } from '../../subgraphs/volunteers/src/entities/reward.js';
import { Volunteer, type VolunteerEntity } from '../../subgraphs/volunteers/src/entities/volunteer.js';
import { storedNow } from '../../subgraphs/kit/src/time.js';
import { newId } from '../../subgraphs/volunteers/src/domain/ids.js';
import { volunteersSubgraph } from '../../subgraphs/volunteers/src/module.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startTestSubgraph, TEST_SEED, type TestSubgraph } from '../support/subgraph.js';
import { demoWorld } from '../support/world.js';

/**
 * An object made on its first use: reading any property builds it once. The demo world is
 * built lazily (test/support/world.ts), so a test file that never reads it, or reads it
 * only inside its tests, pays nothing at import.
 */
function lazily<T extends object>(make: () => T): T {
  let made: T | undefined;
  const real = () => (made ??= make());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(real(), key),
  });
}

/** The demo world and the volunteer rows derived from it: every test database holds exactly these. */
export const world = lazily(() => demoWorld());
export const extras = lazily(() => generateVolunteerExtras(world, TEST_SEED));

export const STREET = '510116001';
export const communityOf = (areaCode: string) => areaCode.slice(0, 12);

/** Where the write tests act: a general grid of 东升街道, its community, one of its micro-grids, and a neighbouring community. */
export const HOME = lazily(() => {
  const homeGrid = world.grids.find((row) => row.type === 'GENERAL' && row.code.startsWith(STREET))!;
  return {
    grid: homeGrid,
    community: homeGrid.communityCode,
    micro: world.grids.find((row) => row.type === 'MICRO' && row.parentId === homeGrid.id)!,
    otherCommunity: world.areas.find(
      (area) => area.level === 'COMMUNITY' && area.code.startsWith(STREET) && area.code !== homeGrid.communityCode,
    )!.code,
  };
});

/** Confirmed minutes of a volunteer in the demo data: OPENING plus confirmed activity records. */
export function demoConfirmedMinutes(volunteerId: string): number {
  return extras.records
    .filter((record) => record.volunteerId === volunteerId && record.status === 'CONFIRMED')
    .reduce((sum, record) => sum + record.minutes, 0);
}

export function demoBalance(volunteerId: string): number {
  return extras.entries
    .filter((entry) => entry.volunteerId === volunteerId)
    .reduce((sum, entry) => sum + entry.points, 0);
}

export function startVolunteers(): Promise<TestSubgraph> {
  return startTestSubgraph(volunteersSubgraph);
}

/** Sends a GraphQL request; fails the test on any GraphQL error. */
export async function call(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await graphql(url, query, { token, variables });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as Record<string, any>;
}

/** A token of a volunteer acting for themselves: their person id, scoped to their street. */
export function volunteerToken(volunteer: { personId: string; areaCode: string }): Promise<string> {
  return tokenFor('VOLUNTEER', [volunteer.areaCode.slice(0, 9)], {
    personId: volunteer.personId,
    subject: `person-${volunteer.personId}`,
  });
}

/** New volunteers living in a micro-grid of a community; what `registerVolunteer` writes, without the graph. */
export async function addVolunteers(db: Database, count: number, areaCode: string): Promise<VolunteerEntity[]> {
  const volunteers = Array.from({ length: count }, () => ({
    id: newId(),
    personId: randomUUID(),
    areaCode,
    skills: [],
    availability: [],
    registeredAt: storedNow(),
  }));
  await db.dataSource.getRepository(Volunteer).insert(volunteers);
  return volunteers;
}

const HOUR = 3_600_000;

/** An activity of a grid as an organiser would have created and published it: by default tomorrow, for 3 hours. */
export async function addActivity(
  db: Database,
  values: Partial<ActivityEntity> & { gridId: string; areaCode: string },
): Promise<ActivityEntity> {
  const startsAt = new Date(Math.floor((Date.now() + 24 * HOUR) / 1000) * 1000);
  const activity: ActivityEntity = {
    id: newId(),
    title: '测试楼道清扫',
    category: '楼道清扫',
    status: 'PUBLISHED',
    teamId: null,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * HOUR),
    place: '党群服务中心',
    description: null,
    capacity: 10,
    enrolledCount: 0,
    cancelReason: null,
    createdBy: 'test',
    ...values,
  };
  await db.dataSource.getRepository(Activity).insert(activity);
  return activity;
}

/**
 * The ledger's invariant, for every volunteer: entries numbered 1, 2, 3… without gaps,
 * each balance the running sum of the entries, none below zero; and no stock below zero.
 */
export async function expectLedgerInvariant(db: Database): Promise<void> {
  const entries = await db.dataSource.getRepository(PointEntry).find({ order: { volunteerId: 'ASC', seq: 'ASC' } });
  const running = new Map<string, { seq: number; balance: number }>();
  for (const entry of entries) {
    const before = running.get(entry.volunteerId) ?? { seq: 0, balance: 0 };
    expect(entry.seq, `seq of ${entry.volunteerId}`).toBe(before.seq + 1);
    expect(entry.balanceAfter, `balance of ${entry.volunteerId} at ${entry.seq}`).toBe(before.balance + entry.points);
    expect(entry.balanceAfter).toBeGreaterThanOrEqual(0);
    running.set(entry.volunteerId, { seq: entry.seq, balance: entry.balanceAfter });
  }
  const sums: { volunteerId: string; total: number | string }[] = await db.dataSource
    .getRepository(PointEntry)
    .createQueryBuilder('entry')
    .select('entry.volunteerId', 'volunteerId')
    .addSelect('SUM(entry.points)', 'total')
    .groupBy('entry.volunteerId')
    .getRawMany();
  for (const sum of sums) expect(Number(sum.total)).toBe(running.get(sum.volunteerId)?.balance);
  const negative = await db.dataSource
    .getRepository(Reward)
    .createQueryBuilder('reward')
    .where('reward.stock < 0')
    .getCount();
  expect(negative).toBe(0);
}

/** A balance read straight from the ledger: the sum of a volunteer's entries. */
export async function ledgerSum(db: Database, volunteerId: string): Promise<number> {
  const row: { total: number | string | null } | undefined = await db.dataSource
    .getRepository(PointEntry)
    .createQueryBuilder('entry')
    .select('SUM(entry.points)', 'total')
    .where('entry.volunteerId = :volunteerId', { volunteerId })
    .getRawOne();
  return Number(row?.total ?? 0);
}

export type { TestSubgraph };

export const MUTATIONS = {
  enrol:
    'mutation($input: EnrolInput!) { enrol(input: $input) { enrolment { id status } userErrors { code field message } } }',
  checkIn:
    'mutation($input: AttendanceInput!) { checkIn(input: $input) { enrolment { id status checkedInAt } userErrors { code field message } } }',
  checkOut:
    'mutation($input: AttendanceInput!) { checkOut(input: $input) { enrolment { id status checkedInAt checkedOutAt serviceRecord { id status computedHours hours } } userErrors { code field message } } }',
  confirm:
    'mutation($input: ConfirmServiceRecordInput!) { confirmServiceRecord(input: $input) { record { id status hours points pointsPerHour confirmedBy } userErrors { code field message } } }',
  requestCorrection:
    'mutation($input: RequestCorrectionInput!) { requestCorrection(input: $input) { correction { id status hoursBefore requestedHours reason } userErrors { code field message } } }',
  decideCorrection:
    'mutation($input: DecideCorrectionInput!) { decideCorrection(input: $input) { correction { id status decisionReason decidedBy } userErrors { code field message } } }',
  adjustPoints:
    'mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { entry { id type points balanceAfter note } userErrors { code field message } } }',
  redeem:
    'mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { redemption { id status quantity pointsSpent reward { id stock } } replayed userErrors { code field message } } }',
  cancelRedemption:
    'mutation($input: CancelRedemptionInput!) { cancelRedemption(input: $input) { redemption { id status cancelledAt } userErrors { code field message } } }',
  start:
    'mutation($id: ID!) { startActivity(input: { activityId: $id }) { activity { id status } userErrors { code message } } }',
  finish:
    'mutation($id: ID!) { finishActivity(input: { activityId: $id }) { activity { id status } userErrors { code message } } }',
} as const;

/** The first user error's code of a mutation answer, or null. */
export function errorCode(data: Record<string, any>): string | null {
  const payload = Object.values(data)[0] as { userErrors: { code: string }[] };
  return payload.userErrors[0]?.code ?? null;
}
