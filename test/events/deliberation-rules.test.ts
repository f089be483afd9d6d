import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../subgraphs/kit/src/auth.js';
import type { Context } from '../../subgraphs/events/src/context.js';
import { residencyOf } from '../../subgraphs/events/src/graph/residency.js';
import { DEFAULT_CATEGORIES } from '../../subgraphs/events/src/domain/categories.js';
import {
  checkComment,
  checkDecision,
  checkTopic,
  checkWithdrawReason,
  commentRoleProblem,
  decidableProblem,
  decideRoleProblem,
  livesIn,
  openProblem,
  raiseRoleProblem,
  voteRoleProblem,
  withdrawProblem,
} from '../../subgraphs/events/src/domain/deliberation.js';
import { createIdSequence, timeOrderedId } from '../../subgraphs/events/src/domain/time-ordered-id.js';

const actor = (roles: Role[], personId: string | null = null, subject = 'someone') => ({ subject, roles, personId });
const resident = actor(['RESIDENT'], 'p-1', 'resident-1');
const code = (problem: { code: string } | null) => problem?.code ?? null;

describe('who may do what in the deliberation hall', () => {
  const cases: [string, ReturnType<typeof actor>, string | null, string | null, string | null, string | null][] = [
    // who, raise, comment, vote, decide
    ['a resident', resident, null, null, null, 'ROLE_NOT_ALLOWED'],
    [
      'a resident token naming no person',
      actor(['RESIDENT']),
      'ROLE_NOT_ALLOWED',
      'ROLE_NOT_ALLOWED',
      'ROLE_NOT_ALLOWED',
      'ROLE_NOT_ALLOWED',
    ],
    ['a grid worker', actor(['GRID_WORKER'], 'p-2'), null, null, 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED'],
    ['a community worker', actor(['COMMUNITY_WORKER']), null, null, 'ROLE_NOT_ALLOWED', null],
    ['a street admin', actor(['STREET_ADMIN']), null, null, 'ROLE_NOT_ALLOWED', null],
    [
      'a volunteer',
      actor(['VOLUNTEER'], 'p-3'),
      'ROLE_NOT_ALLOWED',
      'ROLE_NOT_ALLOWED',
      'ROLE_NOT_ALLOWED',
      'ROLE_NOT_ALLOWED',
    ],
    ['an analyst', actor(['ANALYST']), 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED'],
    [
      'the hotline bridge',
      actor(['INTEGRATION']),
      'ROLE_NOT_ALLOWED',
      'ROLE_NOT_ALLOWED',
      'ROLE_NOT_ALLOWED',
      'ROLE_NOT_ALLOWED',
    ],
  ];
  for (const [who, as, raise, comment, vote, decide] of cases) {
    it(`${who}: raise ${raise ?? 'yes'}, comment ${comment ?? 'yes'}, vote ${vote ?? 'yes'}, decide ${decide ?? 'yes'}`, () => {
      expect(
        [raiseRoleProblem(as), commentRoleProblem(as), voteRoleProblem(as), decideRoleProblem(as)].map(code),
      ).toEqual([raise, comment, vote, decide]);
    });
  }

  it('tells a worker why they cannot vote', () => {
    expect(voteRoleProblem(actor(['GRID_WORKER'], 'p-2'))?.message).toBe(
      '工作人员可以发表意见，但不能投票：只有本网格居民可以投票',
    );
  });

  it('lets the raiser, or the community whose scope covers the topic, withdraw it', () => {
    const byResident = { raiserSubject: 'resident-1', raiserPersonId: 'p-1' };
    const byCommunity = { raiserSubject: 'community-a', raiserPersonId: null };
    expect(withdrawProblem(resident, byResident, false)).toBeNull();
    // The same person under another token subject is still the raiser.
    expect(withdrawProblem(actor(['RESIDENT'], 'p-1', 'other-login'), byResident, false)).toBeNull();
    expect(code(withdrawProblem(actor(['RESIDENT'], 'p-9'), byResident, true))).toBe('NOT_RAISER');
    expect(withdrawProblem(actor(['COMMUNITY_WORKER'], null, 'community-a'), byCommunity, false)).toBeNull();
    expect(withdrawProblem(actor(['COMMUNITY_WORKER'], null, 'community-b'), byResident, true)).toBeNull();
    expect(code(withdrawProblem(actor(['COMMUNITY_WORKER'], null, 'community-b'), byResident, false))).toBe(
      'NOT_RAISER',
    );
  });
});

describe('residency and status', () => {
  it('a resident lives in a grid when every known home lies under its prefix', () => {
    const micro = '510116001001001001';
    expect(livesIn([micro], micro)).toBe(true);
    expect(livesIn([micro], '510116001001001')).toBe(true);
    expect(livesIn([micro], '510116001001')).toBe(true);
    expect(livesIn([micro], '510116001001001002')).toBe(false);
    expect(livesIn(['510116001001'], micro)).toBe(false);
    expect(livesIn([micro, '510116001002001001'], '510116001001')).toBe(false);
    expect(livesIn([], '510116001001')).toBe(false);
  });

  it('an open topic takes part; a decided one is not decided again; a withdrawn one is closed', () => {
    expect([openProblem('OPEN'), openProblem('DECIDED'), openProblem('WITHDRAWN')].map(code)).toEqual([
      null,
      'TOPIC_CLOSED',
      'TOPIC_CLOSED',
    ]);
    expect([decidableProblem('OPEN'), decidableProblem('DECIDED'), decidableProblem('WITHDRAWN')].map(code)).toEqual([
      null,
      'ALREADY_DECIDED',
      'TOPIC_CLOSED',
    ]);
  });
});

describe('checking requests', () => {
  const problems = (result: { problems: { code: string; field?: string | null | undefined }[] }) =>
    result.problems.map((problem) => [problem.code, problem.field]);

  it('checks a topic’s title and body, trimmed', () => {
    expect(checkTopic({ gridId: ' g-1 ', title: ' 加装电梯 ', body: ' 征集意见 ' })).toEqual({
      topic: { gridId: 'g-1', title: '加装电梯', body: '征集意见' },
      problems: [],
    });
    expect(problems(checkTopic({ gridId: '', title: '梯', body: '' }))).toEqual([
      ['INVALID_TITLE', 'title'],
      ['INVALID_BODY', 'body'],
      ['GRID_NOT_FOUND', 'gridId'],
    ]);
  });

  it('checks a comment and a withdrawal reason', () => {
    expect(checkComment('  好  ')).toEqual({ body: '好', problems: [] });
    expect(problems(checkComment(' \n '))).toEqual([['INVALID_BODY', 'body']]);
    expect(checkWithdrawReason('  ')).toEqual({ reason: null, problems: [] });
    expect(problems(checkWithdrawReason('因'.repeat(501)))).toEqual([['INVALID_REASON', 'reason']]);
  });

  const context = {
    catalogue: DEFAULT_CATEGORIES,
    gridId: 'g-1',
    actor: actor(['COMMUNITY_WORKER'], null, 'community'),
  };

  it('turns an adopted decision’s events into drafts of source DELIBERATION, reported by no resident', () => {
    const checked = checkDecision(
      {
        outcome: 'ADOPTED',
        text: ' 通过 ',
        events: [{ title: '夜间巡逻', category: '安全隐患', priority: 'URGENT' }],
        projectRequest: { title: ' 口袋公园 ', plan: '分期实施' },
      },
      context,
    );
    expect(checked.problems).toEqual([]);
    expect(checked.decision).toMatchObject({
      outcome: 'ADOPTED',
      text: '通过',
      project: { title: '口袋公园', plan: '分期实施' },
    });
    expect(checked.decision?.events).toEqual([
      {
        title: '夜间巡逻',
        description: null,
        category: DEFAULT_CATEGORIES.find((category) => category.name === '安全隐患'),
        priority: 'URGENT',
        source: 'DELIBERATION',
        reporterId: null,
        buildingId: null,
        lng: null,
        lat: null,
        photos: [],
      },
    ]);
  });

  it('reports every problem of a decision, each event’s under its position', () => {
    const checked = checkDecision(
      {
        outcome: 'REJECTED',
        text: '',
        events: [
          { title: '巡逻', category: '不存在' },
          { title: 'x', category: '安全隐患' },
        ],
        projectRequest: { title: '园', plan: '' },
      },
      context,
    );
    expect(problems(checked)).toEqual([
      ['INVALID_DECISION', 'text'],
      ['INVALID_OUTCOME', 'outcome'],
      ['UNKNOWN_CATEGORY', 'events.0.category'],
      ['INVALID_TITLE', 'events.1.title'],
      ['INVALID_PROJECT_REQUEST', 'projectRequest.title'],
      ['INVALID_PROJECT_REQUEST', 'projectRequest.plan'],
    ]);
    expect(
      problems(
        checkDecision(
          {
            outcome: 'ADOPTED',
            text: '通过',
            events: Array.from({ length: 6 }, () => ({ title: '巡逻', category: '安全隐患' })),
          },
          context,
        ),
      ),
    ).toEqual([['INVALID_EVENTS', 'events']]);
  });
});

describe('time-ordered ids', () => {
  it('are UUIDs of version 7 that sort by time', () => {
    const early = timeOrderedId(Date.UTC(2026, 0, 1), 0, new Uint8Array(8).fill(255));
    const late = timeOrderedId(Date.UTC(2026, 0, 1) + 1, 0, new Uint8Array(8));
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
    expect(early.slice(0, 13)).toBe(
      `${Date.UTC(2026, 0, 1).toString(16).padStart(12, '0').slice(0, 8)}-${Date.UTC(2026, 0, 1).toString(16).padStart(12, '0').slice(8)}`,
    );
  });

  it('made in one process sort in the order they were asked for, with a clock standing still or going back', () => {
    const next = createIdSequence(() => new Uint8Array(8).fill(255));
    const at = new Date('2026-11-30T01:30:00Z');
    const ids = [next(at), next(at), next(new Date(at.getTime() - 60_000)), next(new Date(at.getTime() + 1))];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('where a resident lives', () => {
  const contextWith = (request: () => Promise<unknown>, scopes = ['510116001001001001']) =>
    ({
      viewer: { subject: 'r', roles: ['RESIDENT'], scopes, permissions: new Set(), personId: 'p-1' },
      runtime: { authorization: 'Bearer t', graph: { request } },
    }) as unknown as Context;

  it('is the grid the people subgraph records, when it answers', async () => {
    const residency = await residencyOf(
      contextWith(async () => ({ person: { id: 'p-1', grid: { id: 'g', code: '510116001002001001' } } })),
    );
    expect(residency).toEqual({ homes: ['510116001002001001'], source: 'GRAPH' });
    expect(await residencyOf(contextWith(async () => ({ person: null })))).toEqual({ homes: [], source: 'GRAPH' });
  });

  it('is the token’s scope when the graph refuses the resident’s token', async () => {
    const refused = async () => {
      throw new GraphQLError('graph request failed: 无权执行此操作', { extensions: { code: 'GRAPH_REQUEST_FAILED' } });
    };
    expect(await residencyOf(contextWith(refused))).toEqual({ homes: ['510116001001001001'], source: 'TOKEN' });
  });

  it('is an error when the graph cannot be reached', async () => {
    const down = async () => {
      throw new GraphQLError('graph unavailable', { extensions: { code: 'GRAPH_UNAVAILABLE' } });
    };
    await expect(residencyOf(contextWith(down))).rejects.toThrow('graph unavailable');
  });
});
