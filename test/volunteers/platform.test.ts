import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity } from '../../subgraphs/volunteers/src/entities/activity.js';
import { Volunteer } from '../../subgraphs/volunteers/src/entities/volunteer.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { expectLedgerInvariant, MUTATIONS, STREET, world } from './support.js';

const HOUR = 3_600_000;
const volunteerPeople = new Set(world.volunteers.map((volunteer) => volunteer.personId));
const resident = world.people.find(
  (person) => person.areaCode.startsWith(STREET) && !volunteerPeople.has(person.id) && person.phone !== null,
)!;
const community = resident.areaCode.slice(0, 12);
const general = world.grids.find((grid) => grid.type === 'GENERAL' && grid.communityCode === community)!;
const team = world.teams.find((row) => row.areaCode === community)!;
const otherCommunity = world.areas.find(
  (area) => area.level === 'COMMUNITY' && area.code.startsWith(STREET) && area.code !== community,
)!.code;
const otherGrid = world.grids.find((grid) => grid.type === 'GENERAL' && grid.communityCode === otherCommunity)!;
const outsider = world.people.find(
  (person) => person.areaCode.startsWith(otherCommunity) && !volunteerPeople.has(person.id),
)!;

const REGISTER = `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) {
  volunteer { id skills availability { weekday startTime endTime } totalHours star pointsBalance person { id name grid { code } } }
  userErrors { code field message } } }`;
const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) {
  activity { id status title category place capacity spotsLeft grid { id code name } team { name } }
  userErrors { code field message } } }`;

let platform: Platform;
let worker: string;

beforeAll(async () => {
  platform = await startPlatform();
  worker = await tokenFor('COMMUNITY_WORKER', [community], { subject: 'worker-home' });
});
afterAll(() => platform?.stop());

const gateway = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  graphql(platform.gatewayUrl, query, { token, variables });
async function data(token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await gateway(token, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as Record<string, any>;
}

describe('the volunteer flow through the gateway', () => {
  it('registers a resident as a volunteer with the grid the graph gives for them, once', async () => {
    const input = {
      personId: resident.id,
      skills: ['急救', '电工'],
      availability: [{ weekday: 6, startTime: '09:00', endTime: '12:00' }],
    };
    const { registerVolunteer } = await data(worker, REGISTER, { input });
    expect(registerVolunteer.userErrors).toEqual([]);
    expect(registerVolunteer.volunteer).toMatchObject({
      skills: ['急救', '电工'],
      availability: input.availability,
      totalHours: 0,
      star: 0,
      pointsBalance: 0,
      person: { id: resident.id, name: resident.name, grid: { code: resident.areaCode } },
    });
    const stored = await platform.subgraphs.volunteers.db.dataSource
      .getRepository(Volunteer)
      .findOneByOrFail({ personId: resident.id });
    expect(stored.areaCode).toBe(resident.areaCode);
    const cases: [Record<string, unknown>, string][] = [
      [{ personId: resident.id }, 'ALREADY_REGISTERED'],
      [{ personId: outsider.id }, 'PERSON_NOT_FOUND'],
      [{ personId: 'no-such-person' }, 'PERSON_NOT_FOUND'],
      [{ personId: outsider.id, skills: [''] }, 'INVALID_SKILLS'],
    ];
    for (const [values, code] of cases)
      expect((await data(worker, REGISTER, { input: values })).registerVolunteer.userErrors[0]?.code, code).toBe(code);
    // Someone else's registration is a worker's: a token naming another person is refused.
    const denied = await gateway(await tokenFor('VOLUNTEER', [community], { personId: outsider.id }), REGISTER, {
      input: { personId: resident.id },
    });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a resident registers themselves, with the grid their own record gives, wherever their token is scoped', async () => {
    // The outsider lives in another community than the one their token is scoped to.
    const self = await tokenFor('RESIDENT', [community], { personId: outsider.id, subject: 'resident-self' });
    expect(
      (await data(self, REGISTER, { input: { personId: outsider.id, skills: [''] } })).registerVolunteer.userErrors[0]
        ?.code,
    ).toBe('INVALID_SKILLS');
    const { registerVolunteer } = await data(self, REGISTER, { input: { personId: outsider.id, skills: ['理发'] } });
    expect(registerVolunteer.userErrors).toEqual([]);
    expect(registerVolunteer.volunteer).toMatchObject({
      skills: ['理发'],
      totalHours: 0,
      person: { id: outsider.id, name: outsider.name, grid: { code: outsider.areaCode } },
    });
    const stored = await platform.subgraphs.volunteers.db.dataSource
      .getRepository(Volunteer)
      .findOneByOrFail({ personId: outsider.id });
    expect(stored.areaCode).toBe(outsider.areaCode);
    const again = await data(self, REGISTER, { input: { personId: outsider.id } });
    expect(again.registerVolunteer.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'ALREADY_REGISTERED',
    ]);
    const { myVolunteerProfile } = await data(self, '{ myVolunteerProfile { id skills person { id name } } }');
    expect(myVolunteerProfile).toEqual({
      id: stored.id,
      skills: ['理发'],
      person: { id: outsider.id, name: outsider.name },
    });
  });

  it('creates a draft activity in a grid the graph shows the organiser, and refuses what does not fit', async () => {
    const startsAt = new Date(Date.now() + 2 * HOUR);
    const input = {
      title: '周末楼道清扫',
      category: '楼道清扫',
      gridId: general.id,
      teamId: team.id,
      place: '1 栋楼下',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
      capacity: 5,
    };
    const { createActivity } = await data(worker, CREATE, { input });
    expect(createActivity).toMatchObject({
      userErrors: [],
      activity: {
        status: 'DRAFT',
        title: '周末楼道清扫',
        spotsLeft: 5,
        grid: { id: general.id, code: general.code, name: general.name },
        team: { name: team.name },
      },
    });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ gridId: 'no-such-grid' }, 'GRID_NOT_FOUND', worker],
      [{ gridId: otherGrid.id, teamId: null }, 'GRID_NOT_FOUND', worker],
      [{ category: '跳广场舞' }, 'UNKNOWN_CATEGORY', worker],
      [{ teamId: world.teams.find((row) => row.areaCode === otherCommunity)!.id }, 'TEAM_NOT_FOUND', worker],
      [{}, 'NOT_ORGANIZER', await tokenFor('VOLUNTEER', [community], { personId: resident.id })],
    ];
    for (const [values, code, token] of cases)
      expect(
        (await data(token, CREATE, { input: { ...input, ...values } })).createActivity.userErrors[0]?.code,
        code,
      ).toBe(code);
    const street = await tokenFor('STREET_ADMIN', [STREET]);
    const notServing = await data(street, CREATE, { input: { ...input, gridId: otherGrid.id } });
    expect(notServing.createActivity.userErrors[0].code).toBe('TEAM_NOT_SERVING_GRID');
  });

  it('a volunteer signs up, checks in and out, the organiser confirms; hours, stars and points update; a correction changes them with history', async () => {
    const me = await tokenFor('VOLUNTEER', [community], { personId: resident.id, subject: 'volunteer-me' });
    const startsAt = new Date(Date.now() + 2 * HOUR);
    const created = await data(worker, CREATE, {
      input: {
        title: '关爱独居老人',
        category: '关爱走访',
        gridId: general.id,
        place: '社区活动室',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
        capacity: 3,
      },
    });
    const activityId = created.createActivity.activity.id;
    expect(
      (
        await data(
          worker,
          'mutation($id: ID!) { publishActivity(input: { activityId: $id }) { activity { status } } }',
          { id: activityId },
        )
      ).publishActivity.activity.status,
    ).toBe('PUBLISHED');
    const enrolled = await data(me, MUTATIONS.enrol, { input: { activityId } });
    const enrolmentId = enrolled.enrol.enrolment.id;
    // The day comes: the activity ran from 4 hours ago until an hour ago.
    const ran = {
      startsAt: new Date(Math.floor((Date.now() - 4 * HOUR) / 1000) * 1000),
      endsAt: new Date(Math.floor((Date.now() - HOUR) / 1000) * 1000),
    };
    await platform.subgraphs.volunteers.db.dataSource.getRepository(Activity).update({ id: activityId }, ran);
    await data(worker, MUTATIONS.start, { id: activityId });
    await data(worker, MUTATIONS.checkIn, {
      input: { enrolmentId, at: new Date(ran.startsAt.getTime() + 30 * 60_000).toISOString() },
    });
    const out = await data(worker, MUTATIONS.checkOut, { input: { enrolmentId, at: ran.endsAt.toISOString() } });
    const recordId = out.checkOut.enrolment.serviceRecord.id;
    expect(out.checkOut.enrolment.serviceRecord).toMatchObject({ status: 'PENDING', computedHours: 2.5 });
    await data(worker, MUTATIONS.finish, { id: activityId });
    const confirmed = await data(worker, MUTATIONS.confirm, { input: { recordId } });
    expect(confirmed.confirmServiceRecord.record).toMatchObject({ status: 'CONFIRMED', hours: 2.5, points: 30 });
    const PROFILE = `query($id: ID!) { person(id: $id) { name volunteer { totalHours star pointsBalance serviceRecord(from: "2026-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") { serviceCount totalHours services { title activity { title grid { name } } } } } } }`;
    const profile = (await data(worker, PROFILE, { id: resident.id })).person;
    expect(profile).toEqual({
      name: resident.name,
      volunteer: {
        totalHours: 2.5,
        star: 0,
        pointsBalance: 30,
        serviceRecord: {
          serviceCount: 1,
          totalHours: 2.5,
          services: [{ title: '关爱独居老人', activity: { title: '关爱独居老人', grid: { name: general.name } } }],
        },
      },
    });
    const asked = await data(me, MUTATIONS.requestCorrection, {
      input: { recordId, hours: 3, reason: '提前半小时到岗布置场地' },
    });
    const correctionId = asked.requestCorrection.correction.id;
    await data(worker, MUTATIONS.decideCorrection, {
      input: { correctionId, decision: 'APPROVE', reason: '有签到表为证' },
    });
    const after = await data(
      me,
      `{ myVolunteerProfile { totalHours pointsBalance ledger { edges { node { type points } } } } serviceRecord(id: "${recordId}") { hours history { kind by hoursBefore hoursAfter reason } } }`,
    );
    expect(after.myVolunteerProfile).toEqual({
      totalHours: 3,
      pointsBalance: 36,
      ledger: { edges: [{ node: { type: 'EARN', points: 30 } }, { node: { type: 'ADJUSTMENT', points: 6 } }] },
    });
    expect(after.serviceRecord.history).toEqual([
      { kind: 'CREATED', by: 'worker-home', hoursBefore: null, hoursAfter: 2.5, reason: '组织者补录签到签退时间' },
      { kind: 'CONFIRMED', by: 'worker-home', hoursBefore: 2.5, hoursAfter: 2.5, reason: null },
      { kind: 'CORRECTED', by: 'worker-home', hoursBefore: 2.5, hoursAfter: 3, reason: '有签到表为证' },
    ]);
    const { area, gridByCode } = await data(
      worker,
      `{ area(code: "${community}") { name volunteerStats(from: "2026-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z", period: YEAR) { volunteers } } gridByCode(code: "${general.code}") { activities(first: 100) { edges { node { id } } } } }`,
    );
    expect(area.volunteerStats.volunteers).toBe(
      world.volunteers.filter((v) => v.areaCode.startsWith(community)).length + 1,
    );
    expect(gridByCode.activities.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(activityId);
    await expectLedgerInvariant(platform.subgraphs.volunteers.db);
  });
});
