import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Activity, type ActivityEntity } from '../../subgraphs/volunteers/src/entities/activity.js';
import { Reward } from '../../subgraphs/volunteers/src/entities/reward.js';
import { ServiceRecord } from '../../subgraphs/volunteers/src/entities/service-record.js';
import { TeamMembership } from '../../subgraphs/volunteers/src/entities/team-membership.js';
import { VolunteerTeam } from '../../subgraphs/volunteers/src/entities/volunteer-team.js';
import type { VolunteerEntity } from '../../subgraphs/volunteers/src/entities/volunteer.js';
import { newId } from '../../subgraphs/volunteers/src/domain/ids.js';
import { tokenFor } from '../support/graphql.js';
import {
  addActivity,
  addVolunteers,
  call,
  errorCode,
  expectLedgerInvariant,
  extras,
  ledgerSum,
  MUTATIONS,
  startVolunteers,
  volunteerToken,
  HOME,
  type TestSubgraph,
} from './support.js';

const HOUR = 3_600_000;
const { grid, community, micro, otherCommunity } = HOME;
const seconds = (time: number) => new Date(Math.floor(time / 1000) * 1000);

let volunteers: TestSubgraph;
let people: VolunteerEntity[];
let organizer: string;

beforeAll(async () => {
  volunteers = await startVolunteers();
  people = await addVolunteers(volunteers.db, 12, micro.code);
  organizer = await tokenFor('COMMUNITY_WORKER', [community], { subject: 'worker-sanyiqiao' });
});
afterAll(() => volunteers?.stop());
afterEach(() => expectLedgerInvariant(volunteers.db));

const ask = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  call(volunteers.url, token, query, variables);

/** An activity that ran from `startsAt` for 3 hours, with these volunteers enrolled while it was published, and now ONGOING. */
async function ongoingActivity(
  enrolled: VolunteerEntity[],
  startsAt = seconds(Date.now() - 5 * HOUR),
  values: Partial<ActivityEntity> = {},
) {
  const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, ...values });
  const enrolments: string[] = [];
  for (const volunteer of enrolled)
    enrolments.push(
      (await ask(await volunteerToken(volunteer), MUTATIONS.enrol, { input: { activityId: activity.id } })).enrol
        .enrolment.id,
    );
  const window = { startsAt, endsAt: new Date(startsAt.getTime() + 3 * HOUR) };
  await volunteers.db.dataSource.getRepository(Activity).update({ id: activity.id }, window);
  expect((await ask(organizer, MUTATIONS.start, { id: activity.id })).startActivity.activity.status).toBe('ONGOING');
  return { activity: { ...activity, ...window }, enrolments };
}

/** The organiser records a sign-in sheet: in 15 minutes early, out 25 minutes late. */
async function attend(activity: { startsAt: Date; endsAt: Date }, enrolmentId: string, token = organizer) {
  await ask(token, MUTATIONS.checkIn, {
    input: { enrolmentId, at: new Date(activity.startsAt.getTime() - 15 * 60_000).toISOString() },
  });
  const out = await ask(token, MUTATIONS.checkOut, {
    input: { enrolmentId, at: new Date(activity.endsAt.getTime() + 25 * 60_000).toISOString() },
  });
  return out.checkOut.enrolment.serviceRecord.id as string;
}

const VOLUNTEER = `query($id: ID!) { volunteer(id: $id) { totalHours confirmedHours star hoursToNextStar pointsBalance
  ledger { edges { node { type points balanceAfter serviceRecord { id } correction { id } } } } } }`;
const RECORD = `query($id: ID!) { serviceRecord(id: $id) { status hours computedHours points
  history { kind by hoursBefore hoursAfter statusBefore statusAfter reason correction { id } }
  corrections { id status } } }`;

describe('attendance', () => {
  it('a volunteer checks in and out themselves, now, while the activity is ongoing', async () => {
    const volunteer = people[0]!;
    const {
      enrolments: [enrolmentId],
    } = await ongoingActivity([volunteer], seconds(Date.now() - HOUR));
    const token = await volunteerToken(volunteer);
    expect(errorCode(await ask(token, MUTATIONS.checkOut, { input: { enrolmentId } }))).toBe('CHECK_IN_REQUIRED');
    expect(
      errorCode(
        await ask(token, MUTATIONS.checkIn, { input: { enrolmentId, at: new Date(Date.now() - HOUR).toISOString() } }),
      ),
    ).toBe('TIME_SET_BY_ORGANIZER');
    const checkedIn = await ask(token, MUTATIONS.checkIn, { input: { enrolmentId } });
    expect(checkedIn.checkIn.enrolment.status).toBe('CHECKED_IN');
    expect(Math.abs(Date.parse(checkedIn.checkIn.enrolment.checkedInAt) - Date.now())).toBeLessThan(5000);
    expect(errorCode(await ask(token, MUTATIONS.checkIn, { input: { enrolmentId } }))).toBe('ALREADY_CHECKED_IN');
    const out = await ask(token, MUTATIONS.checkOut, { input: { enrolmentId } });
    expect(out.checkOut.enrolment).toMatchObject({ status: 'CHECKED_OUT', serviceRecord: { status: 'PENDING' } });
    expect(errorCode(await ask(token, MUTATIONS.checkOut, { input: { enrolmentId } }))).toBe('ALREADY_CHECKED_OUT');
  });

  it('counts the hours of a sign-in sheet only inside the window, and refuses a check-out before the check-in', async () => {
    const {
      activity,
      enrolments: [first, second],
    } = await ongoingActivity([people[1]!, people[2]!]);
    const out = await ask(organizer, MUTATIONS.checkIn, {
      input: { enrolmentId: first, at: new Date(activity.startsAt.getTime() + HOUR).toISOString() },
    });
    expect(out.checkIn.enrolment.status).toBe('CHECKED_IN');
    const early = await ask(organizer, MUTATIONS.checkOut, {
      input: { enrolmentId: first, at: new Date(activity.startsAt.getTime() + 30 * 60_000).toISOString() },
    });
    expect(early.checkOut.userErrors[0]).toMatchObject({ code: 'CHECK_OUT_BEFORE_CHECK_IN', field: ['input', 'at'] });
    expect(
      errorCode(
        await ask(organizer, MUTATIONS.checkOut, {
          input: { enrolmentId: first, at: new Date(Date.now() + HOUR).toISOString() },
        }),
      ),
    ).toBe('TIME_IN_FUTURE');
    const recordId = await attend(activity, second!);
    const record = (await ask(organizer, RECORD, { id: recordId })).serviceRecord;
    expect(record).toMatchObject({ status: 'PENDING', computedHours: 3, hours: 3, points: 0 });
    expect(record.history).toEqual([
      {
        kind: 'CREATED',
        by: 'worker-sanyiqiao',
        hoursBefore: null,
        hoursAfter: 3,
        statusBefore: null,
        statusAfter: 'PENDING',
        reason: '组织者补录签到签退时间',
        correction: null,
      },
    ]);
  });

  it('refuses attendance of an activity that is not ongoing and by someone who neither attends nor organises it', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code });
    const enrolmentId = (
      await ask(await volunteerToken(people[3]!), MUTATIONS.enrol, { input: { activityId: activity.id } })
    ).enrol.enrolment.id;
    expect(errorCode(await ask(await volunteerToken(people[3]!), MUTATIONS.checkIn, { input: { enrolmentId } }))).toBe(
      'ACTIVITY_NOT_ONGOING',
    );
    expect(errorCode(await ask(await volunteerToken(people[4]!), MUTATIONS.checkIn, { input: { enrolmentId } }))).toBe(
      'NOT_OWNER',
    );
    expect(
      errorCode(
        await ask(await tokenFor('COMMUNITY_WORKER', [otherCommunity]), MUTATIONS.checkIn, { input: { enrolmentId } }),
      ),
    ).toBe('ENROLMENT_NOT_FOUND');
  });
});

describe('confirmation, stars and points', () => {
  it('the organiser confirms after the activity finished: hours, star and points update, only confirmed hours count', async () => {
    const volunteer = people[5]!;
    // 98 hours carried over from before, as the migration records them.
    await volunteers.db.dataSource.getRepository(ServiceRecord).insert({
      id: newId(),
      volunteerId: volunteer.id,
      volunteerAreaCode: volunteer.areaCode,
      activityId: null,
      enrolmentId: null,
      source: 'OPENING',
      title: '历史服务时长',
      category: null,
      areaCode: volunteer.areaCode,
      servedAt: volunteer.registeredAt,
      checkedInAt: null,
      checkedOutAt: null,
      computedMinutes: 98 * 60,
      minutes: 98 * 60,
      windowMinutes: null,
      status: 'CONFIRMED',
      confirmedAt: volunteer.registeredAt,
      confirmedBy: 'migration',
      pointsPerHour: null,
      correctionPending: false,
    });
    const {
      activity,
      enrolments: [enrolmentId],
    } = await ongoingActivity([volunteer], undefined, { category: '安全巡查' });
    const recordId = await attend(activity, enrolmentId!);
    const pending = (await ask(organizer, VOLUNTEER, { id: volunteer.id })).volunteer;
    expect(pending).toMatchObject({
      totalHours: 98,
      confirmedHours: 98,
      star: 0,
      hoursToNextStar: 2,
      pointsBalance: 0,
      ledger: { edges: [] },
    });
    expect(errorCode(await ask(organizer, MUTATIONS.confirm, { input: { recordId } }))).toBe('ACTIVITY_NOT_FINISHED');
    await ask(organizer, MUTATIONS.finish, { id: activity.id });
    const confirmed = await ask(organizer, MUTATIONS.confirm, { input: { recordId } });
    expect(confirmed.confirmServiceRecord).toEqual({
      record: {
        id: recordId,
        status: 'CONFIRMED',
        hours: 3,
        points: 36,
        pointsPerHour: 12,
        confirmedBy: 'worker-sanyiqiao',
      },
      userErrors: [],
    });
    const after = (await ask(organizer, VOLUNTEER, { id: volunteer.id })).volunteer;
    expect(after).toEqual({
      totalHours: 101,
      confirmedHours: 101,
      star: 1,
      hoursToNextStar: 199,
      pointsBalance: 36,
      ledger: {
        edges: [
          { node: { type: 'EARN', points: 36, balanceAfter: 36, serviceRecord: { id: recordId }, correction: null } },
        ],
      },
    });
    expect(errorCode(await ask(organizer, MUTATIONS.confirm, { input: { recordId } }))).toBe(
      'RECORD_ALREADY_CONFIRMED',
    );
    expect(await ledgerSum(volunteers.db, volunteer.id)).toBe(36);
  });

  it('an adjustment needs a reason, stays inside the window, and is kept in the history', async () => {
    const volunteer = people[6]!;
    const {
      activity,
      enrolments: [enrolmentId],
    } = await ongoingActivity([volunteer]);
    const recordId = await attend(activity, enrolmentId!);
    await ask(organizer, MUTATIONS.finish, { id: activity.id });
    const cases: [Record<string, unknown>, string][] = [
      [{ hours: 3.5, reason: '多算半小时' }, 'HOURS_EXCEED_WINDOW'],
      [{ hours: 2.5 }, 'REASON_REQUIRED'],
      [{ hours: -1, reason: '负数' }, 'INVALID_HOURS'],
    ];
    for (const [input, code] of cases) {
      expect(errorCode(await ask(organizer, MUTATIONS.confirm, { input: { recordId, ...input } })), code).toBe(code);
    }
    expect(await ledgerSum(volunteers.db, volunteer.id)).toBe(0);
    const adjusted = await ask(organizer, MUTATIONS.confirm, {
      input: { recordId, hours: 2.5, reason: '中途离开半小时' },
    });
    expect(adjusted.confirmServiceRecord.record).toMatchObject({ hours: 2.5, points: 25 });
    const { history } = (await ask(organizer, RECORD, { id: recordId })).serviceRecord;
    expect(history.map((change: { kind: string }) => change.kind)).toEqual(['CREATED', 'ADJUSTED']);
    expect(history[1]).toEqual({
      kind: 'ADJUSTED',
      by: 'worker-sanyiqiao',
      hoursBefore: 3,
      hoursAfter: 2.5,
      statusBefore: 'PENDING',
      statusAfter: 'CONFIRMED',
      reason: '中途离开半小时',
      correction: null,
    });
  });

  it("refuses to confirm someone else's activity: a volunteer, a leader of another team, a worker of another community", async () => {
    const [member, leader, otherLeader] = [people[7]!, people[8]!, people[9]!];
    const teams = [
      { id: newId(), name: '测试队', areaCode: community },
      { id: newId(), name: '别的队', areaCode: community },
    ];
    await volunteers.db.dataSource.getRepository(VolunteerTeam).insert(teams);
    await volunteers.db.dataSource.getRepository(TeamMembership).insert([
      { teamId: teams[0]!.id, volunteerId: leader.id, role: 'LEADER', joinedAt: new Date(), leftAt: null },
      { teamId: teams[1]!.id, volunteerId: otherLeader.id, role: 'LEADER', joinedAt: new Date(), leftAt: null },
    ]);
    const {
      activity,
      enrolments: [enrolmentId],
    } = await ongoingActivity([member], undefined, { teamId: teams[0]!.id });
    const recordId = await attend(activity, enrolmentId!, await volunteerToken(leader));
    await ask(await volunteerToken(leader), MUTATIONS.finish, { id: activity.id });
    expect(errorCode(await ask(await volunteerToken(member), MUTATIONS.confirm, { input: { recordId } }))).toBe(
      'NOT_ORGANIZER',
    );
    expect(errorCode(await ask(await volunteerToken(otherLeader), MUTATIONS.confirm, { input: { recordId } }))).toBe(
      'NOT_ORGANIZER',
    );
    expect(
      errorCode(
        await ask(await tokenFor('COMMUNITY_WORKER', [otherCommunity]), MUTATIONS.confirm, { input: { recordId } }),
      ),
    ).toBe('RECORD_NOT_FOUND');
    expect(await ledgerSum(volunteers.db, member.id)).toBe(0);
    const byLeader = await ask(await volunteerToken(leader), MUTATIONS.confirm, { input: { recordId } });
    expect(byLeader.confirmServiceRecord.record).toMatchObject({ status: 'CONFIRMED', points: 30 });
  });
});

describe('corrections', () => {
  async function confirmedRecord(volunteer: VolunteerEntity, hours: number) {
    const {
      activity,
      enrolments: [enrolmentId],
    } = await ongoingActivity([volunteer]);
    const recordId = await attend(activity, enrolmentId!);
    await ask(organizer, MUTATIONS.finish, { id: activity.id });
    await ask(organizer, MUTATIONS.confirm, { input: { recordId, hours, reason: '按签到表核减' } });
    return recordId;
  }

  it('a volunteer asks, the organiser approves: hours and points change, and the history shows who, when, before, after and why', async () => {
    const volunteer = people[10]!;
    const token = await volunteerToken(volunteer);
    const recordId = await confirmedRecord(volunteer, 2);
    expect(
      errorCode(
        await ask(await volunteerToken(people[11]!), MUTATIONS.requestCorrection, {
          input: { recordId, hours: 3, reason: '替别人申请' },
        }),
      ),
    ).toBe('NOT_OWNER');
    expect(
      errorCode(await ask(token, MUTATIONS.requestCorrection, { input: { recordId, hours: 4, reason: '超出时段' } })),
    ).toBe('HOURS_EXCEED_WINDOW');
    const asked = await ask(token, MUTATIONS.requestCorrection, {
      input: { recordId, hours: 3, reason: '签退时手机没电' },
    });
    const correction = asked.requestCorrection.correction;
    expect(correction).toMatchObject({
      status: 'PENDING',
      hoursBefore: 2,
      requestedHours: 3,
      reason: '签退时手机没电',
    });
    expect(
      errorCode(
        await ask(token, MUTATIONS.requestCorrection, { input: { recordId, hours: 2.5, reason: '再申请一次' } }),
      ),
    ).toBe('CORRECTION_ALREADY_PENDING');
    expect(
      errorCode(
        await ask(token, MUTATIONS.decideCorrection, {
          input: { correctionId: correction.id, decision: 'APPROVE', reason: '自己批准' },
        }),
      ),
    ).toBe('NOT_ORGANIZER');
    expect(
      errorCode(
        await ask(organizer, MUTATIONS.decideCorrection, {
          input: { correctionId: correction.id, decision: 'APPROVE', reason: '' },
        }),
      ),
    ).toBe('REASON_REQUIRED');
    const approved = await ask(organizer, MUTATIONS.decideCorrection, {
      input: { correctionId: correction.id, decision: 'APPROVE', reason: '经签到表核实' },
    });
    expect(approved.decideCorrection.correction).toMatchObject({
      status: 'APPROVED',
      decisionReason: '经签到表核实',
      decidedBy: 'worker-sanyiqiao',
    });
    const record = (await ask(token, RECORD, { id: recordId })).serviceRecord;
    expect(record).toMatchObject({ hours: 3, points: 30, corrections: [{ id: correction.id, status: 'APPROVED' }] });
    expect(record.history.map((change: { kind: string }) => change.kind)).toEqual(['CREATED', 'ADJUSTED', 'CORRECTED']);
    expect(record.history[2]).toEqual({
      kind: 'CORRECTED',
      by: 'worker-sanyiqiao',
      hoursBefore: 2,
      hoursAfter: 3,
      statusBefore: 'CONFIRMED',
      statusAfter: 'CONFIRMED',
      reason: '经签到表核实',
      correction: { id: correction.id },
    });
    const { ledger, pointsBalance, totalHours } = (await ask(token, VOLUNTEER, { id: volunteer.id })).volunteer;
    expect({ pointsBalance, totalHours }).toEqual({ pointsBalance: 30, totalHours: 3 });
    expect(ledger.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { type: 'EARN', points: 20, balanceAfter: 20, serviceRecord: { id: recordId }, correction: null },
      {
        type: 'ADJUSTMENT',
        points: 10,
        balanceAfter: 30,
        serviceRecord: { id: recordId },
        correction: { id: correction.id },
      },
    ]);
    expect(
      errorCode(
        await ask(organizer, MUTATIONS.decideCorrection, {
          input: { correctionId: correction.id, decision: 'REJECT', reason: '再处理一次' },
        }),
      ),
    ).toBe('CORRECTION_ALREADY_DECIDED');
  });

  it('a rejected correction changes nothing but its own status; one that would take back spent points is refused', async () => {
    const volunteer = people[11]!;
    const token = await volunteerToken(volunteer);
    const recordId = await confirmedRecord(volunteer, 3);
    const first = (
      await ask(token, MUTATIONS.requestCorrection, { input: { recordId, hours: 1, reason: '多记了两小时' } })
    ).requestCorrection.correction;
    const rejected = await ask(organizer, MUTATIONS.decideCorrection, {
      input: { correctionId: first.id, decision: 'REJECT', reason: '签到表显示全程参加' },
    });
    expect(rejected.decideCorrection.correction.status).toBe('REJECTED');
    expect((await ask(token, RECORD, { id: recordId })).serviceRecord).toMatchObject({ hours: 3, points: 30 });
    expect(await ledgerSum(volunteers.db, volunteer.id)).toBe(30);
    // The volunteer spends 25 of the 30 points; taking back 20 would go below zero.
    const reward = {
      id: newId(),
      name: '抽纸',
      description: null,
      areaCode: community,
      pointsCost: 25,
      stock: 5,
      active: true,
      createdAt: new Date(),
    };
    await volunteers.db.dataSource.getRepository(Reward).insert(reward);
    await ask(token, MUTATIONS.redeem, { input: { rewardId: reward.id, quantity: 1, idempotencyKey: 'tissue-0001' } });
    const second = (
      await ask(token, MUTATIONS.requestCorrection, { input: { recordId, hours: 1, reason: '确实多记了' } })
    ).requestCorrection.correction;
    const refused = await ask(organizer, MUTATIONS.decideCorrection, {
      input: { correctionId: second.id, decision: 'APPROVE', reason: '同意' },
    });
    expect(errorCode(refused)).toBe('POINTS_ALREADY_SPENT');
    expect((await ask(token, RECORD, { id: recordId })).serviceRecord).toMatchObject({
      hours: 3,
      corrections: [{ status: 'REJECTED' }, { status: 'PENDING' }],
    });
    expect(await ledgerSum(volunteers.db, volunteer.id)).toBe(5);
  });
});

describe('service certificate', () => {
  it('prints the confirmed services of a period with their total, exactly as the demo data holds them', async () => {
    const counts = new Map<string, number>();
    for (const record of extras.records)
      if (record.status === 'CONFIRMED') counts.set(record.volunteerId, (counts.get(record.volunteerId) ?? 0) + 1);
    const volunteerId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const confirmed = extras.records
      .filter((record) => record.volunteerId === volunteerId && record.status === 'CONFIRMED')
      .sort((a, b) => a.servedAt.getTime() - b.servedAt.getTime() || (a.id < b.id ? -1 : 1));
    const query = `query($id: ID!, $from: DateTime!, $to: DateTime!) { volunteer(id: $id) { serviceRecord(from: $from, to: $to) {
      from to serviceCount totalHours services { id title source hours servedAt activity { id } } volunteer { id } } } }`;
    const admin = await tokenFor('STREET_ADMIN', ['510115', '510116']);
    const all = (await ask(admin, query, { id: volunteerId, from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' }))
      .volunteer.serviceRecord;
    expect(all.serviceCount).toBe(confirmed.length);
    expect(all.totalHours).toBe(confirmed.reduce((sum, record) => sum + record.minutes, 0) / 60);
    expect(all.services.map((service: { id: string }) => service.id)).toEqual(confirmed.map((record) => record.id));
    expect(all.services[0]).toMatchObject({
      title: confirmed[0]!.title,
      source: confirmed[0]!.source,
      servedAt: confirmed[0]!.servedAt.toISOString(),
    });
    const last = confirmed[confirmed.length - 1]!;
    const one = (
      await ask(admin, query, {
        id: volunteerId,
        from: last.servedAt.toISOString(),
        to: new Date(last.servedAt.getTime() + 1000).toISOString(),
      })
    ).volunteer.serviceRecord;
    expect(one).toMatchObject({
      serviceCount: 1,
      totalHours: last.minutes / 60,
      services: [{ id: last.id, activity: { id: last.activityId } }],
      volunteer: { id: volunteerId },
    });
  });
});
