import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Activity } from '../../subgraphs/volunteers/src/entities/activity.js';
import { TeamMembership } from '../../subgraphs/volunteers/src/entities/team-membership.js';
import type { VolunteerEntity } from '../../subgraphs/volunteers/src/entities/volunteer.js';
import { tokenFor } from '../support/graphql.js';
import {
  addActivity,
  addVolunteers,
  call,
  errorCode,
  expectLedgerInvariant,
  extras,
  HOME,
  MUTATIONS,
  startVolunteers,
  STREET,
  volunteerToken,
  world,
  type TestSubgraph,
} from './support.js';

const HOUR = 3_600_000;
const { grid, community, micro, otherCommunity } = HOME;
const homeTeam = world.teams.find((team) => team.areaCode === community)!;
const otherTeam = world.teams.find((team) => team.areaCode === otherCommunity)!;
const seconds = (time: number) => new Date(Math.floor(time / 1000) * 1000);

const PROJECT_FIELDS = `id status title plan budgetFen neededVolunteers neededSkills proposedBy decidedBy decisionReason result confirmedHours
  area { code } claimedBy { __typename ... on VolunteerTeam { id name } ... on Volunteer { id } }`;
const PROPOSE = `mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { project { ${PROJECT_FIELDS} } userErrors { code field message } } }`;
const STEP = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { project { ${PROJECT_FIELDS} } userErrors { code field message } } }`;
const APPROVE = STEP('approveProject', 'ProjectDecisionInput');
const REJECT = STEP('rejectProject', 'ProjectDecisionInput');
const CLAIM = STEP('claimProject', 'ClaimProjectInput');
const START = STEP('startProject', 'ProjectActionInput');
const CLOSE = STEP('closeProject', 'CloseProjectInput');
const PROJECT = `query($id: ID!) { project(id: $id) { ${PROJECT_FIELDS} activities { totalCount edges { node { id project { id } } } } } }`;
const VOLUNTEER = 'query($id: ID!) { volunteer(id: $id) { confirmedHours pointsBalance } }';

const proposal = (values: Record<string, unknown> = {}) => ({
  areaCode: community,
  title: '楼顶花园改造',
  plan: '清理楼顶杂物，搭建花架，种植蔬菜花卉，由居民轮流照看。',
  budgetFen: 1_250_000,
  neededVolunteers: 6,
  neededSkills: ['木工', '园艺'],
  ...values,
});

let volunteers: TestSubgraph;
let people: VolunteerEntity[];
let worker: string;
let leader: VolunteerEntity;

beforeAll(async () => {
  volunteers = await startVolunteers();
  people = await addVolunteers(volunteers.db, 6, micro.code);
  leader = people[5]!;
  await volunteers.db.dataSource.getRepository(TeamMembership).insert({
    teamId: homeTeam.id,
    volunteerId: leader.id,
    role: 'LEADER',
    joinedAt: seconds(Date.now()),
    leftAt: null,
  });
  worker = await tokenFor('COMMUNITY_WORKER', [community], { subject: 'worker-project' });
});
afterAll(() => volunteers?.stop());
afterEach(() => expectLedgerInvariant(volunteers.db));

const ask = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  call(volunteers.url, token, query, variables);

async function approvedProject(values: Record<string, unknown> = {}): Promise<string> {
  const id = (await ask(worker, PROPOSE, { input: proposal(values) })).proposeProject.project.id as string;
  expect((await ask(worker, APPROVE, { input: { projectId: id } })).approveProject.project.status).toBe('APPROVED');
  return id;
}

describe('家园共筑 projects', () => {
  it('the demo data holds a closed project whose activity credited confirmed hours, and two more awaiting work', async () => {
    const [closed, approved, proposed] = extras.projects;
    const activityId = [...extras.projectOfActivity].find(([, projectId]) => projectId === closed!.id)![0];
    const minutes = extras.records
      .filter((record) => record.activityId === activityId && record.status === 'CONFIRMED')
      .reduce((sum, record) => sum + record.minutes, 0);
    expect(minutes).toBeGreaterThan(0);
    const street = await tokenFor('STREET_ADMIN', [STREET]);
    const read = (await ask(street, PROJECT, { id: closed!.id })).project;
    expect(read).toMatchObject({
      status: 'CLOSED',
      confirmedHours: minutes / 60,
      activities: { totalCount: 1, edges: [{ node: { id: activityId } }] },
    });
    expect([approved!.status, proposed!.status]).toEqual(['APPROVED', 'PROPOSED']);
  });

  it('a project is claimed, carried out and closed with hours credited', async () => {
    const resident = await volunteerToken(people[0]!);
    const proposed = (await ask(resident, PROPOSE, { input: proposal() })).proposeProject;
    expect(proposed.userErrors).toEqual([]);
    expect(proposed.project).toMatchObject({
      status: 'PROPOSED',
      budgetFen: 1_250_000,
      neededVolunteers: 6,
      neededSkills: ['木工', '园艺'],
      proposedBy: `person-${people[0]!.personId}`,
      area: { code: community },
      claimedBy: null,
      confirmedHours: 0,
    });
    const projectId = proposed.project.id as string;
    expect(errorCode(await ask(resident, APPROVE, { input: { projectId } }))).toBe('NOT_PROJECT_MANAGER');
    expect(errorCode(await ask(worker, CLAIM, { input: { projectId, teamId: homeTeam.id } }))).toBe(
      'INVALID_PROJECT_TRANSITION',
    );
    expect((await ask(worker, APPROVE, { input: { projectId } })).approveProject.project).toMatchObject({
      status: 'APPROVED',
      decidedBy: 'worker-project',
    });

    const leaderToken = await volunteerToken(leader);
    expect(errorCode(await ask(resident, CLAIM, { input: { projectId, teamId: homeTeam.id } }))).toBe(
      'NOT_TEAM_LEADER',
    );
    const claimed = (await ask(leaderToken, CLAIM, { input: { projectId, teamId: homeTeam.id } })).claimProject.project;
    expect(claimed).toMatchObject({
      status: 'CLAIMED',
      claimedBy: { __typename: 'VolunteerTeam', id: homeTeam.id, name: homeTeam.name },
    });
    expect(errorCode(await ask(resident, CLAIM, { input: { projectId } }))).toBe('INVALID_PROJECT_TRANSITION');
    expect(errorCode(await ask(resident, START, { input: { projectId } }))).toBe('NOT_PROJECT_CLAIMANT');
    expect((await ask(leaderToken, START, { input: { projectId } })).startProject.project.status).toBe('IN_PROGRESS');

    // Carried out as an ordinary activity: enrolment, sign-in sheet, confirmation, points.
    const startsAt = seconds(Date.now() + 24 * HOUR);
    const activity = await addActivity(volunteers.db, {
      gridId: grid.id,
      areaCode: grid.code,
      teamId: homeTeam.id,
      projectId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * HOUR),
    });
    const enrolments: string[] = [];
    for (const volunteer of people.slice(1, 3))
      enrolments.push(
        (await ask(await volunteerToken(volunteer), MUTATIONS.enrol, { input: { activityId: activity.id } })).enrol
          .enrolment.id,
      );
    const window = { startsAt: seconds(Date.now() - 5 * HOUR), endsAt: seconds(Date.now() - 2 * HOUR) };
    await volunteers.db.dataSource.getRepository(Activity).update({ id: activity.id }, window);
    await ask(worker, MUTATIONS.start, { id: activity.id });
    const records: string[] = [];
    for (const enrolmentId of enrolments) {
      await ask(worker, MUTATIONS.checkIn, { input: { enrolmentId, at: window.startsAt.toISOString() } });
      records.push(
        (await ask(worker, MUTATIONS.checkOut, { input: { enrolmentId, at: window.endsAt.toISOString() } })).checkOut
          .enrolment.serviceRecord.id,
      );
    }
    const open = (await ask(worker, CLOSE, { input: { projectId, result: '楼顶花园建成' } })).closeProject.userErrors;
    expect(open).toEqual([
      {
        code: 'PROJECT_ACTIVITIES_OPEN',
        field: ['input', 'projectId'],
        message: '项目还有未结束的活动（1 项），请结束或取消后再结项',
      },
    ]);
    await ask(worker, MUTATIONS.finish, { id: activity.id });
    for (const recordId of records)
      expect((await ask(worker, MUTATIONS.confirm, { input: { recordId } })).confirmServiceRecord.record).toMatchObject(
        { status: 'CONFIRMED', hours: 3, points: 30 },
      );

    expect(errorCode(await ask(leaderToken, CLOSE, { input: { projectId, result: '楼顶花园建成' } }))).toBe(
      'NOT_PROJECT_MANAGER',
    );
    expect((await ask(worker, CLOSE, { input: { projectId, result: ' ' } })).closeProject.userErrors[0]).toMatchObject({
      code: 'INVALID_RESULT',
      field: ['input', 'result'],
    });
    const closed = (await ask(worker, CLOSE, { input: { projectId, result: '楼顶花园建成，种植花卉 40 株' } }))
      .closeProject;
    expect(closed.userErrors).toEqual([]);
    expect(closed.project).toMatchObject({
      status: 'CLOSED',
      result: '楼顶花园建成，种植花卉 40 株',
      confirmedHours: 6,
    });
    expect(errorCode(await ask(worker, CLOSE, { input: { projectId, result: '再次结项' } }))).toBe(
      'INVALID_PROJECT_TRANSITION',
    );

    const read = (await ask(worker, PROJECT, { id: projectId })).project;
    expect(read.activities).toEqual({
      totalCount: 1,
      edges: [{ node: { id: activity.id, project: { id: projectId } } }],
    });
    for (const volunteer of people.slice(1, 3))
      expect((await ask(worker, VOLUNTEER, { id: volunteer.id })).volunteer).toEqual({
        confirmedHours: 3,
        pointsBalance: 30,
      });
  });

  it('refuses a bad proposal with every problem at once, and one for another community', async () => {
    const bad = (
      await ask(worker, PROPOSE, {
        input: proposal({
          areaCode: '5101',
          title: 'x',
          plan: '太短',
          budgetFen: -1,
          neededVolunteers: 0,
          neededSkills: [''],
        }),
      })
    ).proposeProject;
    expect(bad.project).toBeNull();
    expect(bad.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_COMMUNITY_CODE',
      'INVALID_PROJECT_TITLE',
      'INVALID_PLAN',
      'INVALID_BUDGET',
      'INVALID_NEEDED_VOLUNTEERS',
      'INVALID_SKILLS',
    ]);
    expect(bad.userErrors[3]).toEqual({
      code: 'INVALID_BUDGET',
      field: ['input', 'budgetFen'],
      message: '预算应为 0 至 1000 万元之间、以分计的整数',
    });
    expect(
      errorCode(
        await ask(await volunteerToken(people[0]!), PROPOSE, { input: proposal({ areaCode: otherCommunity }) }),
      ),
    ).toBe('NOT_RESIDENT_OF_COMMUNITY');
    expect(errorCode(await ask(worker, PROPOSE, { input: proposal({ areaCode: otherCommunity }) }))).toBe(
      'NOT_A_VOLUNTEER',
    );
    const analyst = await tokenFor('ANALYST', [STREET]);
    const denied = await volunteersRequest(analyst, PROPOSE, { input: proposal() });
    expect(denied).toBe('FORBIDDEN');
  });

  it('a rejection needs a reason, and a rejected project cannot be claimed', async () => {
    const projectId = (await ask(worker, PROPOSE, { input: proposal({ title: '小区停车棚' }) })).proposeProject.project
      .id;
    expect((await ask(worker, REJECT, { input: { projectId } })).rejectProject.userErrors[0]).toMatchObject({
      code: 'REASON_REQUIRED',
      field: ['input', 'reason'],
    });
    expect(
      (await ask(worker, REJECT, { input: { projectId, reason: '场地属于消防通道' } })).rejectProject.project,
    ).toMatchObject({ status: 'REJECTED', decisionReason: '场地属于消防通道' });
    expect(errorCode(await ask(await volunteerToken(people[0]!), CLAIM, { input: { projectId } }))).toBe(
      'INVALID_PROJECT_TRANSITION',
    );
    expect(errorCode(await ask(worker, APPROVE, { input: { projectId: 'no-such-project' } }))).toBe(
      'PROJECT_NOT_FOUND',
    );
  });

  it('a volunteer claims for themselves only in their own community; a team must serve it; two claims at once give one', async () => {
    const projectId = await approvedProject({ title: '楼道照明维修' });
    expect(errorCode(await ask(worker, CLAIM, { input: { projectId, teamId: otherTeam.id } }))).toBe('TEAM_NOT_FOUND');
    const street = await tokenFor('STREET_ADMIN', [STREET]);
    expect(errorCode(await ask(street, CLAIM, { input: { projectId, teamId: otherTeam.id } }))).toBe(
      'TEAM_NOT_SERVING_PROJECT',
    );
    expect(errorCode(await ask(worker, CLAIM, { input: { projectId } }))).toBe('NOT_A_VOLUNTEER');
    const tokens = await Promise.all(people.slice(2, 5).map((volunteer) => volunteerToken(volunteer)));
    const answers = await Promise.all(tokens.map((token) => ask(token, CLAIM, { input: { projectId } })));
    const won = answers.filter((answer) => answer.claimProject.project !== null);
    expect(won).toHaveLength(1);
    expect(answers.map(errorCode).filter((code) => code !== null)).toEqual([
      'INVALID_PROJECT_TRANSITION',
      'INVALID_PROJECT_TRANSITION',
    ]);
    expect(won[0]!.claimProject.project.claimedBy.__typename).toBe('Volunteer');
  });

  it('lists projects by area and status inside the scope, and on Area.projects', async () => {
    const projectId = await approvedProject({ title: '社区书屋' });
    const LIST =
      'query($filter: ProjectFilter) { projects(filter: $filter, first: 50) { totalCount edges { node { id status area { code } } } } }';
    const approved = (await ask(worker, LIST, { filter: { areaCode: community, status: ['APPROVED'] } })).projects;
    expect(approved.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(projectId);
    expect(
      approved.edges.every(
        (edge: { node: { status: string; area: { code: string } } }) =>
          edge.node.status === 'APPROVED' && edge.node.area.code === community,
      ),
    ).toBe(true);
    expect((await ask(worker, LIST, { filter: { areaCode: otherCommunity } })).projects.totalCount).toBe(0);
    const outsider = await tokenFor('COMMUNITY_WORKER', [otherCommunity]);
    expect((await ask(outsider, PROJECT, { id: projectId })).project).toBeNull();
    const AREA = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Area { projects(first: 50) { totalCount } } } }`;
    const [area] = (await ask(worker, AREA, { reps: [{ __typename: 'Area', code: community }] }))._entities;
    expect(area.projects.totalCount).toBe(
      (await ask(worker, LIST, { filter: { areaCode: community } })).projects.totalCount,
    );
  });
});

async function volunteersRequest(
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<string | undefined> {
  const { graphql } = await import('../support/graphql.js');
  const response = await graphql(volunteers.url, query, { token, variables });
  return response.errors?.[0]?.extensions?.code as string | undefined;
}
