import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity, type ActivityEntity } from '../../subgraphs/volunteers/src/entities/activity.js';
import { Enrolment } from '../../subgraphs/volunteers/src/entities/enrolment.js';
import type { VolunteerEntity } from '../../subgraphs/volunteers/src/entities/volunteer.js';
import { graphql, tokenFor } from '../support/graphql.js';
import {
  addActivity,
  addVolunteers,
  call,
  startVolunteers,
  STREET,
  volunteerToken,
  HOME,
  type TestSubgraph,
} from './support.js';

const ENROL =
  'mutation($input: EnrolInput!) { enrol(input: $input) { enrolment { id status activity { id enrolledCount spotsLeft } volunteer { id } } userErrors { code field message } } }';
const CANCEL =
  'mutation($id: ID!) { cancelEnrolment(input: { enrolmentId: $id }) { enrolment { id status cancelledAt } userErrors { code message } } }';

const { grid, community, micro, otherCommunity } = HOME;

let volunteers: TestSubgraph;
let crowd: VolunteerEntity[];
let worker: string;

beforeAll(async () => {
  volunteers = await startVolunteers();
  crowd = await addVolunteers(volunteers.db, 60, micro.code);
  worker = await tokenFor('COMMUNITY_WORKER', [community]);
});
afterAll(() => volunteers?.stop());

/** ENROLLED, a user error's code, or the GraphQL error's: a failed request never counts as a success. */
function outcomeOf(response: Awaited<ReturnType<typeof enrol>>): string {
  if (response.errors?.length) return `ERROR ${String(response.errors[0]?.extensions?.code)}`;
  return response.data?.enrol.enrolment ? 'ENROLLED' : response.data?.enrol.userErrors[0]?.code;
}

function enrol(token: string, activityId: string, volunteerId?: string) {
  return graphql(volunteers.url, ENROL, {
    token,
    variables: { input: { activityId, ...(volunteerId ? { volunteerId } : {}) } },
  });
}

async function stored(activity: ActivityEntity) {
  const row = await volunteers.db.dataSource.getRepository(Activity).findOneByOrFail({ id: activity.id });
  const active = await volunteers.db.dataSource
    .getRepository(Enrolment)
    .createQueryBuilder('e')
    .where('e.activityId = :id AND e.status != :cancelled', { id: activity.id, cancelled: 'CANCELLED' })
    .getCount();
  return { enrolledCount: row.enrolledCount, active };
}

describe('enrolment', () => {
  it('a volunteer enrols in a published activity and the place is taken', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, capacity: 3 });
    const { data } = await enrol(await volunteerToken(crowd[0]!), activity.id);
    expect(data?.enrol.userErrors).toEqual([]);
    expect(data?.enrol.enrolment).toMatchObject({
      status: 'ENROLLED',
      activity: { id: activity.id, enrolledCount: 1, spotsLeft: 2 },
      volunteer: { id: crowd[0]!.id },
    });
    expect(await stored(activity)).toEqual({ enrolledCount: 1, active: 1 });
  });

  it('refuses enrolling twice, a full, a cancelled, a finished and an unpublished activity, and writes nothing', async () => {
    const token = await volunteerToken(crowd[1]!);
    const full = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, capacity: 1 });
    expect((await enrol(token, full.id)).data?.enrol.userErrors).toEqual([]);
    const cases: [ActivityEntity, string, string][] = [
      [full, token, 'ALREADY_ENROLLED'],
      [full, await volunteerToken(crowd[2]!), 'ACTIVITY_FULL'],
      [
        await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, status: 'CANCELLED' }),
        token,
        'ACTIVITY_CANCELLED',
      ],
      [
        await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, status: 'FINISHED' }),
        token,
        'ACTIVITY_FINISHED',
      ],
      [
        await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, status: 'DRAFT' }),
        token,
        'ACTIVITY_NOT_OPEN',
      ],
      [
        await addActivity(volunteers.db, {
          gridId: grid.id,
          areaCode: grid.code,
          startsAt: new Date(Date.now() - 3_600_000),
        }),
        token,
        'ENROLMENT_CLOSED',
      ],
    ];
    for (const [activity, who, code] of cases) {
      const before = await stored(activity);
      const { data } = await enrol(who, activity.id);
      expect(data?.enrol.enrolment, code).toBeNull();
      expect(data?.enrol.userErrors[0], code).toMatchObject({ code, field: ['input', 'activityId'] });
      expect(data?.enrol.userErrors[0].message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await stored(activity), code).toEqual(before);
    }
  });

  it('cancels before the start, frees the place, and lets the volunteer enrol again', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, capacity: 1 });
    const token = await volunteerToken(crowd[3]!);
    const enrolment = (await call(volunteers.url, token, ENROL, { input: { activityId: activity.id } })).enrol
      .enrolment;
    const cancelled = await call(volunteers.url, token, CANCEL, { id: enrolment.id });
    expect(cancelled.cancelEnrolment).toMatchObject({
      enrolment: { id: enrolment.id, status: 'CANCELLED' },
      userErrors: [],
    });
    expect(await stored(activity)).toEqual({ enrolledCount: 0, active: 0 });
    const again = await call(volunteers.url, token, CANCEL, { id: enrolment.id });
    expect(again.cancelEnrolment.userErrors[0].code).toBe('ENROLMENT_CANCELLED');
    const renewed = await call(volunteers.url, token, ENROL, { input: { activityId: activity.id } });
    expect(renewed.enrol.enrolment).toMatchObject({ id: enrolment.id, status: 'ENROLLED' });
    expect(await stored(activity)).toEqual({ enrolledCount: 1, active: 1 });
  });

  it('does not cancel after the start', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code });
    const token = await volunteerToken(crowd[4]!);
    const enrolment = (await call(volunteers.url, token, ENROL, { input: { activityId: activity.id } })).enrol
      .enrolment;
    await volunteers.db.dataSource
      .getRepository(Activity)
      .update({ id: activity.id }, { startsAt: new Date(Math.floor(Date.now() / 1000 - 60) * 1000) });
    const late = await call(volunteers.url, token, CANCEL, { id: enrolment.id });
    expect(late.cancelEnrolment.userErrors[0].code).toBe('CANCEL_CLOSED');
    expect(await stored(activity)).toEqual({ enrolledCount: 1, active: 1 });
  });

  it('a community worker enrols a resident of their community; nobody else acts for another volunteer', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code });
    const byWorker = await enrol(worker, activity.id, crowd[5]!.id);
    expect(byWorker.data?.enrol.enrolment.volunteer).toEqual({ id: crowd[5]!.id });
    const byOtherVolunteer = await enrol(await volunteerToken(crowd[6]!), activity.id, crowd[7]!.id);
    expect(byOtherVolunteer.data?.enrol.userErrors[0].code).toBe('NOT_OWNER');
    const byOtherCommunity = await enrol(
      await tokenFor('COMMUNITY_WORKER', [otherCommunity]),
      activity.id,
      crowd[7]!.id,
    );
    expect(byOtherCommunity.data?.enrol.userErrors[0].code).toBe('VOLUNTEER_NOT_FOUND');
    const noProfile = await enrol(await tokenFor('RESIDENT', [STREET], { personId: 'not-a-volunteer' }), activity.id);
    expect(noProfile.data?.enrol.userErrors[0].code).toBe('NOT_A_VOLUNTEER');
    const analyst = await enrol(await tokenFor('ANALYST', [STREET]), activity.id, crowd[7]!.id);
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stored(activity)).toEqual({ enrolledCount: 1, active: 1 });
  });

  it('50 volunteers enrolling at once in 10 places: exactly 10 get one, 40 hear it is full', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, capacity: 10 });
    const racers = crowd.slice(10, 60);
    const tokens = await Promise.all(racers.map((volunteer) => volunteerToken(volunteer)));
    const responses = await Promise.all(tokens.map((token) => enrol(token, activity.id)));
    const codes = responses.map(outcomeOf);
    expect(codes.filter((code) => code === 'ENROLLED')).toHaveLength(10);
    expect(codes.filter((code) => code === 'ACTIVITY_FULL')).toHaveLength(40);
    expect(await stored(activity)).toEqual({ enrolledCount: 10, active: 10 });
  });

  it('one volunteer pressing enrol 20 times at once enrols once', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, capacity: 30 });
    const token = await volunteerToken(crowd[8]!);
    const responses = await Promise.all(Array.from({ length: 20 }, () => enrol(token, activity.id)));
    const codes = responses.map(outcomeOf);
    expect(codes.filter((code) => code === 'ENROLLED')).toHaveLength(1);
    expect(codes.filter((code) => code === 'ALREADY_ENROLLED')).toHaveLength(19);
    expect(await stored(activity)).toEqual({ enrolledCount: 1, active: 1 });
  });
});
