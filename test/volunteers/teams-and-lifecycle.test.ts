import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VolunteerEntity } from '../../subgraphs/volunteers/src/entities/volunteer.js';
import { graphql, tokenFor } from '../support/graphql.js';
import {
  addActivity,
  addVolunteers,
  call,
  errorCode,
  HOME,
  startVolunteers,
  STREET,
  volunteerToken,
  world,
  type TestSubgraph,
} from './support.js';

const { grid, community, micro, otherCommunity } = HOME;
const homeTeam = world.teams.find((team) => team.areaCode === community)!;
const otherTeam = world.teams.find((team) => team.areaCode === otherCommunity)!;

const PROFILE =
  'mutation($input: UpdateVolunteerProfileInput!) { updateVolunteerProfile(input: $input) { volunteer { id skills availability { weekday startTime endTime } } userErrors { code field } } }';
const CREATE_TEAM =
  'mutation($input: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $input) { team { id name area { code } } userErrors { code field } } }';
const JOIN =
  'mutation($input: JoinTeamInput!) { joinTeam(input: $input) { membership { role joinedAt leftAt team { id } volunteer { id } } userErrors { code field } } }';
const LEAVE =
  'mutation($input: LeaveTeamInput!) { leaveTeam(input: $input) { membership { role leftAt } userErrors { code field } } }';
const ACT = (name: string) =>
  `mutation($input: ActivityActionInput!) { ${name}(input: $input) { activity { id status cancelReason } userErrors { code message } } }`;

let volunteers: TestSubgraph;
let people: VolunteerEntity[];
let worker: string;

beforeAll(async () => {
  volunteers = await startVolunteers();
  people = await addVolunteers(volunteers.db, 4, micro.code);
  worker = await tokenFor('COMMUNITY_WORKER', [community]);
});
afterAll(() => volunteers?.stop());

const ask = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  call(volunteers.url, token, query, variables);

describe('volunteer profiles', () => {
  it('a volunteer sets their own skills and availability; a worker may too, nobody else', async () => {
    const me = await volunteerToken(people[0]!);
    const availability = [{ weekday: 7, startTime: '14:00', endTime: '17:00' }];
    const own = await ask(me, PROFILE, { input: { skills: ['心理疏导'], availability } });
    expect(own.updateVolunteerProfile.volunteer).toEqual({ id: people[0]!.id, skills: ['心理疏导'], availability });
    const byWorker = await ask(worker, PROFILE, {
      input: { volunteerId: people[0]!.id, skills: ['心理疏导', '理发'] },
    });
    expect(byWorker.updateVolunteerProfile.volunteer).toEqual({
      id: people[0]!.id,
      skills: ['心理疏导', '理发'],
      availability,
    });
    expect(
      errorCode(
        await ask(await volunteerToken(people[1]!), PROFILE, {
          input: { volunteerId: people[0]!.id, skills: ['冒名'] },
        }),
      ),
    ).toBe('NOT_OWNER');
    expect(
      (await ask(me, PROFILE, { input: { availability: [{ weekday: 0, startTime: '09:00', endTime: '10:00' }] } }))
        .updateVolunteerProfile.userErrors,
    ).toEqual([{ code: 'INVALID_AVAILABILITY', field: ['input', 'availability'] }]);
  });
});

describe('teams and memberships', () => {
  it('a community worker creates a team of their community; not of another, not from a volunteer', async () => {
    const created = await ask(worker, CREATE_TEAM, { input: { name: '银龄互助队', areaCode: community } });
    expect(created.createVolunteerTeam.team).toMatchObject({ name: '银龄互助队', area: { code: community } });
    expect(errorCode(await ask(worker, CREATE_TEAM, { input: { name: '越界队', areaCode: otherCommunity } }))).toBe(
      'OUT_OF_SCOPE',
    );
    expect(errorCode(await ask(worker, CREATE_TEAM, { input: { name: '网格队', areaCode: grid.code } }))).toBe(
      'INVALID_AREA_CODE',
    );
    const denied = await graphql(volunteers.url, CREATE_TEAM, {
      token: await volunteerToken(people[0]!),
      variables: { input: { name: '自建队', areaCode: community } },
    });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a volunteer joins a team serving where they live, leaves it, and the history keeps both dates', async () => {
    const volunteer = people[1]!;
    const me = await volunteerToken(volunteer);
    const joined = await ask(me, JOIN, { input: { teamId: homeTeam.id } });
    expect(joined.joinTeam.membership).toMatchObject({
      role: 'MEMBER',
      leftAt: null,
      team: { id: homeTeam.id },
      volunteer: { id: volunteer.id },
    });
    expect(errorCode(await ask(me, JOIN, { input: { teamId: homeTeam.id } }))).toBe('ALREADY_MEMBER');
    expect(errorCode(await ask(me, JOIN, { input: { teamId: otherTeam.id } }))).toBe('TEAM_NOT_SERVING_AREA');
    expect(
      errorCode(
        await ask(me, JOIN, {
          input: { teamId: world.teams.find((team) => team.areaCode === STREET)!.id, role: 'LEADER' },
        }),
      ),
    ).toBe('LEADER_BY_WORKER_ONLY');
    const left = await ask(me, LEAVE, { input: { teamId: homeTeam.id } });
    expect(left.leaveTeam.membership.leftAt).not.toBeNull();
    expect(errorCode(await ask(me, LEAVE, { input: { teamId: homeTeam.id } }))).toBe('NOT_MEMBER');
    const { volunteerTeam } = await ask(
      worker,
      `{ volunteerTeam(id: "${homeTeam.id}") { members { id } current: memberships { volunteer { id } } all: memberships(includeFormer: true) { volunteer { id } leftAt } } }`,
    );
    expect(volunteerTeam.members.map((member: { id: string }) => member.id)).not.toContain(volunteer.id);
    expect(volunteerTeam.current.map((m: { volunteer: { id: string } }) => m.volunteer.id)).not.toContain(volunteer.id);
    expect(
      volunteerTeam.all.find((m: { volunteer: { id: string } }) => m.volunteer.id === volunteer.id).leftAt,
    ).not.toBeNull();
    const rejoined = await ask(me, JOIN, { input: { teamId: homeTeam.id } });
    expect(rejoined.joinTeam.membership).toMatchObject({ role: 'MEMBER', leftAt: null });
  });

  it('a worker names a leader, and the leader adds a member to their team', async () => {
    const [leader, member] = [people[2]!, people[3]!];
    expect(
      (await ask(worker, JOIN, { input: { teamId: homeTeam.id, volunteerId: leader.id, role: 'LEADER' } })).joinTeam
        .membership.role,
    ).toBe('LEADER');
    const added = await ask(await volunteerToken(leader), JOIN, {
      input: { teamId: homeTeam.id, volunteerId: member.id },
    });
    expect(added.joinTeam.membership).toMatchObject({ role: 'MEMBER', volunteer: { id: member.id } });
    expect(
      errorCode(
        await ask(await volunteerToken(member), LEAVE, { input: { teamId: homeTeam.id, volunteerId: leader.id } }),
      ),
    ).toBe('NOT_OWNER');
    const { volunteer } = await ask(
      worker,
      `{ volunteer(id: "${leader.id}") { memberships { role team { id } } teams { id } } }`,
    );
    expect(volunteer).toEqual({
      memberships: [{ role: 'LEADER', team: { id: homeTeam.id } }],
      teams: [{ id: homeTeam.id }],
    });
  });
});

describe('the activity lifecycle', () => {
  it('moves along DRAFT → PUBLISHED → ONGOING → FINISHED and refuses any other step', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, status: 'DRAFT' });
    const input = { activityId: activity.id };
    expect((await ask(worker, ACT('startActivity'), { input })).startActivity.userErrors[0]).toEqual({
      code: 'INVALID_TRANSITION',
      message: '活动当前为“草稿”，不能开始',
    });
    for (const [name, status] of [
      ['publishActivity', 'PUBLISHED'],
      ['startActivity', 'ONGOING'],
      ['finishActivity', 'FINISHED'],
    ] as const) {
      expect((await ask(worker, ACT(name), { input }))[name].activity.status, name).toBe(status);
    }
    expect(errorCode(await ask(worker, ACT('cancelActivity'), { input: { ...input, reason: '太晚了' } }))).toBe(
      'INVALID_TRANSITION',
    );
    const { activity: read } = await ask(worker, `{ activity(id: "${activity.id}") { status } }`);
    expect(read.status).toBe('FINISHED');
  });

  it('cancels a published activity with a reason, only by its organiser', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code });
    const input = { activityId: activity.id };
    expect(errorCode(await ask(worker, ACT('cancelActivity'), { input }))).toBe('REASON_REQUIRED');
    expect(
      errorCode(
        await ask(await volunteerToken(people[0]!), ACT('cancelActivity'), { input: { ...input, reason: '我不想去' } }),
      ),
    ).toBe('NOT_ORGANIZER');
    expect(
      errorCode(
        await ask(await tokenFor('COMMUNITY_WORKER', [otherCommunity]), ACT('cancelActivity'), {
          input: { ...input, reason: '越界' },
        }),
      ),
    ).toBe('ACTIVITY_NOT_FOUND');
    const cancelled = await ask(worker, ACT('cancelActivity'), { input: { ...input, reason: '暴雨预警' } });
    expect(cancelled.cancelActivity.activity).toMatchObject({ status: 'CANCELLED', cancelReason: '暴雨预警' });
  });

  it('two organisers pressing publish at once publish it once', async () => {
    const activity = await addActivity(volunteers.db, { gridId: grid.id, areaCode: grid.code, status: 'DRAFT' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        graphql(volunteers.url, ACT('publishActivity'), {
          token: worker,
          variables: { input: { activityId: activity.id } },
        }),
      ),
    );
    expect(responses.filter((response) => response.errors)).toEqual([]);
    const published = responses.filter((response) => response.data?.publishActivity.activity);
    expect(published).toHaveLength(1);
    expect(
      responses.filter((response) => response.data?.publishActivity.userErrors[0]?.code === 'INVALID_TRANSITION'),
    ).toHaveLength(9);
  });
});
