import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingMinutes } from '../../subgraphs/events/src/domain/working-time.js';
import { GridEvent } from '../../subgraphs/events/src/entities/grid-event.js';
import { Topic, TopicComment, TopicDecision, TopicVote } from '../../subgraphs/events/src/entities/topic.js';
import { CALENDAR, demoWorld, JIEDAISI, SANYIQIAO, startEvents, token, type EventServices } from './support.js';
import {
  alice,
  bob,
  castDeliberation,
  codes,
  general,
  gridWorker,
  micro,
  mutator,
  residentToken,
  sibling,
  siblingResident,
  stranger,
} from './deliberation-support.js';

let services: EventServices;
let act: ReturnType<typeof mutator>;
let community: string;
let otherCommunity: string;
let gridWorkerToken: string;
let aliceToken: string;
let bobToken: string;
let siblingToken: string;

beforeAll(async () => {
  castDeliberation();
  // Monday 30 November 2026, 09:30 in Shanghai. The grids subgraph stands in for the graph:
  // it answers grid(id); it knows no person(id), so residency falls back to the token's scope.
  services = await startEvents({ grids: true, clock: '2026-11-30T01:30:00Z' });
  act = mutator(services.ask);
  community = await token('COMMUNITY_WORKER', [SANYIQIAO], undefined, 'community-sanyiqiao');
  otherCommunity = await token('COMMUNITY_WORKER', [JIEDAISI], undefined, 'community-jiedaisi');
  gridWorkerToken = await token('GRID_WORKER', [general.code], gridWorker.personId, 'grid-worker');
  aliceToken = await residentToken(alice);
  bobToken = await residentToken(bob);
  siblingToken = await residentToken(siblingResident);
});
afterAll(() => services?.stop());

async function raise(as: string, gridId = micro.id, title = '楼道加装声控灯') {
  const payload = await act(
    'raiseTopic',
    { gridId, title, body: '3 单元楼道夜间无照明，老人上下楼不安全，建议加装声控灯。' },
    as,
  );
  expect(payload.userErrors).toEqual([]);
  return payload.topic.id as string;
}

/** What the database holds for a topic, to show that a refused request wrote nothing. */
async function stored(topicId: string) {
  const { dataSource } = services.events.db;
  return {
    topic: await dataSource.getRepository(Topic).findOneByOrFail({ id: topicId }),
    comments: await dataSource.getRepository(TopicComment).countBy({ topicId }),
    votes: await dataSource.getRepository(TopicVote).findBy({ topicId }),
    decisions: await dataSource.getRepository(TopicDecision).countBy({ topicId }),
    events: await dataSource.getRepository(GridEvent).countBy({ topicId }),
  };
}

describe('raising a topic (发起议题)', () => {
  it('a resident raises a topic for their own micro-grid, as themselves', async () => {
    const payload = await act(
      'raiseTopic',
      { gridId: micro.id, title: '  小区增设快递柜  ', body: '快递经常堆在门口，建议增设快递柜。' },
      aliceToken,
    );
    expect(payload).toEqual({
      topic: {
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        title: '小区增设快递柜',
        body: '快递经常堆在门口，建议增设快递柜。',
        status: 'OPEN',
        grid: { id: micro.id, code: micro.code },
        raisedBy: `resident-${alice.id}`,
        raisedByRole: 'RESIDENT',
        raiser: { id: alice.id },
        closedAt: null,
        withdrawReason: null,
        commentCount: 0,
        voteCounts: { for: 0, against: 0, abstain: 0, total: 0 },
        myVote: null,
        decision: null,
      },
      userErrors: [],
    });
  });

  it('a grid worker raises a topic for their general grid', async () => {
    const payload = await act(
      'raiseTopic',
      { gridId: general.id, title: '网格内增设电动车充电桩', body: '征集本网格居民意见。' },
      gridWorkerToken,
    );
    expect(payload.userErrors).toEqual([]);
    expect(payload.topic).toMatchObject({
      grid: { id: general.id, code: general.code },
      raisedByRole: 'GRID_WORKER',
      raiser: { id: gridWorker.personId },
    });
  });

  it('refuses bad input, grids outside the caller’s reach, residents of other grids and roles that may not raise', async () => {
    const foreignGrid = demoWorld().grids.find((grid) => grid.type === 'MICRO' && grid.communityCode === JIEDAISI)!;
    const communityResident = await token('RESIDENT', [SANYIQIAO], alice.id, 'resident-community-scope');
    const cases: [Record<string, unknown>, string, [string, string | null][]][] = [
      [
        { gridId: micro.id, title: '灯', body: '' },
        aliceToken,
        [
          ['INVALID_TITLE', 'input.title'],
          ['INVALID_BODY', 'input.body'],
        ],
      ],
      [
        { gridId: micro.id, title: '标题'.repeat(51), body: '内容'.repeat(1001) },
        aliceToken,
        [
          ['INVALID_TITLE', 'input.title'],
          ['INVALID_BODY', 'input.body'],
        ],
      ],
      [{ gridId: ' ', title: '楼道加装声控灯', body: '内容' }, community, [['GRID_NOT_FOUND', 'input.gridId']]],
      [
        { gridId: 'no-such-grid', title: '楼道加装声控灯', body: '内容' },
        community,
        [['GRID_NOT_FOUND', 'input.gridId']],
      ],
      [
        { gridId: foreignGrid.id, title: '楼道加装声控灯', body: '内容' },
        community,
        [['GRID_NOT_FOUND', 'input.gridId']],
      ],
      // A resident's token that reaches the sibling micro-grid: they do not live there.
      [
        { gridId: sibling.id, title: '楼道加装声控灯', body: '内容' },
        communityResident,
        [['NOT_RESIDENT', 'input.gridId']],
      ],
      [
        { gridId: micro.id, title: '楼道加装声控灯', body: '内容' },
        await token('RESIDENT', [micro.code]),
        [['ROLE_NOT_ALLOWED', null]],
      ],
      [
        { gridId: micro.id, title: '楼道加装声控灯', body: '内容' },
        await token('VOLUNTEER', [micro.code], alice.id),
        [['ROLE_NOT_ALLOWED', null]],
      ],
      [
        { gridId: micro.id, title: '楼道加装声控灯', body: '内容' },
        await token('ANALYST', [SANYIQIAO]),
        [['ROLE_NOT_ALLOWED', null]],
      ],
    ];
    const before = await services.events.db.dataSource.getRepository(Topic).count();
    for (const [input, as, expected] of cases) {
      const payload = await act('raiseTopic', input, as);
      expect({ input, errors: codes(payload), topic: payload.topic }).toEqual({ input, errors: expected, topic: null });
    }
    expect(await services.events.db.dataSource.getRepository(Topic).count()).toBe(before);
  });
});

describe('comments and votes (发表意见, 投票)', () => {
  it('a resident votes once and a second vote is refused', async () => {
    const topicId = await raise(aliceToken);
    const first = await act('voteOnTopic', { topicId, choice: 'FOR' }, bobToken);
    expect(first.userErrors).toEqual([]);
    expect(first.topic).toMatchObject({ voteCounts: { for: 1, against: 0, abstain: 0, total: 1 }, myVote: 'FOR' });
    const second = await act('voteOnTopic', { topicId, choice: 'AGAINST' }, bobToken);
    expect(second).toEqual({
      topic: null,
      userErrors: [
        { code: 'ALREADY_VOTED', field: ['input', 'topicId'], message: '您已对该议题投过票，每位居民只能投票一次' },
      ],
    });
    const { votes } = await stored(topicId);
    expect(votes.map(({ personId, choice }) => ({ personId, choice }))).toEqual([{ personId: bob.id, choice: 'FOR' }]);
    const { data } = await services.ask(
      `{ topic(id: "${topicId}") { voteCounts { for against abstain total } myVote } }`,
      {},
      bobToken,
    );
    expect(data?.topic).toEqual({ voteCounts: { for: 1, against: 0, abstain: 0, total: 1 }, myVote: 'FOR' });
  });

  it('of two votes by one resident at the same moment exactly one is kept', async () => {
    const topicId = await raise(aliceToken);
    const results = await Promise.all([
      act('voteOnTopic', { topicId, choice: 'FOR' }, aliceToken),
      act('voteOnTopic', { topicId, choice: 'AGAINST' }, aliceToken),
      act('voteOnTopic', { topicId, choice: 'ABSTAIN' }, aliceToken),
    ]);
    const written = results.filter((payload) => payload.userErrors.length === 0);
    expect(written).toHaveLength(1);
    expect(results.filter((payload) => payload.userErrors[0]?.code === 'ALREADY_VOTED')).toHaveLength(2);
    const { votes } = await stored(topicId);
    expect(votes).toHaveLength(1);
    expect(written[0].topic.myVote).toBe(votes[0]!.choice);
  });

  it('residents of the micro-grids inside a general grid take part in its topics; the counts add up by choice', async () => {
    const topicId = await raise(gridWorkerToken, general.id, '网格内停车秩序公约');
    for (const [as, choice] of [
      [aliceToken, 'FOR'],
      [bobToken, 'AGAINST'],
      [siblingToken, 'ABSTAIN'],
    ] as const) {
      expect((await act('voteOnTopic', { topicId, choice }, as)).userErrors).toEqual([]);
    }
    const comment = await act('commentOnTopic', { topicId, body: ' 建议划定临时停车位 ' }, siblingToken);
    expect(comment).toEqual({
      comment: {
        id: expect.any(String),
        body: '建议划定临时停车位',
        author: { id: siblingResident.id },
        authorRole: 'RESIDENT',
        createdAt: services.clock.now().toISOString(),
        topic: { id: topicId, commentCount: 1 },
      },
      userErrors: [],
    });
    const { data } = await services.ask(
      `{ topic(id: "${topicId}") { voteCounts { for against abstain total } commentCount myVote } }`,
      {},
      siblingToken,
    );
    expect(data?.topic).toEqual({
      voteCounts: { for: 1, against: 1, abstain: 1, total: 3 },
      commentCount: 1,
      myVote: 'ABSTAIN',
    });
  });

  it('staff may comment but not vote', async () => {
    const topicId = await raise(aliceToken);
    const comment = await act('commentOnTopic', { topicId, body: '网格员已记录，将反馈社区。' }, gridWorkerToken);
    expect(comment.userErrors).toEqual([]);
    expect(comment.comment).toMatchObject({ author: { id: gridWorker.personId }, authorRole: 'GRID_WORKER' });
    expect((await act('commentOnTopic', { topicId, body: '社区支持。' }, community)).comment).toMatchObject({
      author: null,
      authorRole: 'COMMUNITY_WORKER',
    });
    for (const as of [gridWorkerToken, community]) {
      expect(codes(await act('voteOnTopic', { topicId, choice: 'FOR' }, as))).toEqual([['ROLE_NOT_ALLOWED', null]]);
    }
    expect((await stored(topicId)).votes).toEqual([]);
  });

  it('refuses voting and commenting in another grid’s topic, by residents who live elsewhere, empty comments and roles that may not', async () => {
    const topicId = await raise(aliceToken);
    const siblingTopic = await raise(siblingToken, sibling.id, '楼下空地停车');
    const communityResident = await token('RESIDENT', [SANYIQIAO], siblingResident.id, 'resident-community-scope');
    const cases: [string, Record<string, unknown>, string, [string, string | null][]][] = [
      // The sibling's micro-grid topic is not visible from alice's micro-grid: not found, as any topic outside the scope.
      ['voteOnTopic', { topicId: siblingTopic, choice: 'FOR' }, aliceToken, [['TOPIC_NOT_FOUND', 'input.topicId']]],
      ['commentOnTopic', { topicId: siblingTopic, body: '同意' }, aliceToken, [['TOPIC_NOT_FOUND', 'input.topicId']]],
      [
        'voteOnTopic',
        { topicId, choice: 'FOR' },
        await residentToken(stranger),
        [['TOPIC_NOT_FOUND', 'input.topicId']],
      ],
      // A resident whose token reaches the topic but who does not live in its grid.
      ['voteOnTopic', { topicId, choice: 'FOR' }, communityResident, [['NOT_RESIDENT', 'input.topicId']]],
      ['commentOnTopic', { topicId, body: '同意' }, communityResident, [['NOT_RESIDENT', 'input.topicId']]],
      ['voteOnTopic', { topicId: 'no-such-topic', choice: 'FOR' }, aliceToken, [['TOPIC_NOT_FOUND', 'input.topicId']]],
      ['commentOnTopic', { topicId, body: '   ' }, aliceToken, [['INVALID_BODY', 'input.body']]],
      ['commentOnTopic', { topicId, body: '长'.repeat(1001) }, aliceToken, [['INVALID_BODY', 'input.body']]],
      ['commentOnTopic', { topicId, body: '同意' }, otherCommunity, [['TOPIC_NOT_FOUND', 'input.topicId']]],
      ['voteOnTopic', { topicId, choice: 'FOR' }, await token('RESIDENT', [micro.code]), [['ROLE_NOT_ALLOWED', null]]],
      [
        'voteOnTopic',
        { topicId, choice: 'FOR' },
        await token('VOLUNTEER', [micro.code], bob.id),
        [['ROLE_NOT_ALLOWED', null]],
      ],
      [
        'commentOnTopic',
        { topicId, body: '同意' },
        await token('INTEGRATION', [SANYIQIAO]),
        [['ROLE_NOT_ALLOWED', null]],
      ],
    ];
    for (const [name, input, as, expected] of cases) {
      const payload = await act(name, input, as);
      expect({ name, input, errors: codes(payload) }).toEqual({ name, input, errors: expected });
    }
    expect(await stored(topicId)).toMatchObject({ comments: 0, votes: [] });
    expect(await stored(siblingTopic)).toMatchObject({ comments: 0, votes: [] });
  });
});

describe('deciding a topic (作出决议)', () => {
  it('a decided topic opens an event: a safety patrol in the topic’s grid, linked both ways, and asks for a 家园共筑 project', async () => {
    const topicId = await raise(aliceToken, micro.id, '组织夜间安全巡逻');
    await act('voteOnTopic', { topicId, choice: 'FOR' }, bobToken);
    const decidedAt = services.clock.now();
    const payload = await act(
      'decideTopic',
      {
        topicId,
        outcome: 'ADOPTED',
        text: '经居民表决通过，组织夜间安全巡逻。',
        events: [{ title: '夜间安全巡逻', description: '每晚 21:00 巡查楼道和车棚', category: '安全隐患' }],
        projectRequest: { title: '楼道照明共建', plan: '招募志愿者 10 名，分两期加装声控灯。' },
      },
      community,
    );
    expect(payload.userErrors).toEqual([]);
    expect(payload.topic).toMatchObject({
      status: 'DECIDED',
      closedAt: decidedAt.toISOString(),
      voteCounts: { for: 1, total: 1 },
      decision: {
        outcome: 'ADOPTED',
        text: '经居民表决通过，组织夜间安全巡逻。',
        decidedBy: 'community-sanyiqiao',
        deciderRole: 'COMMUNITY_WORKER',
        projectRequest: { title: '楼道照明共建', plan: '招募志愿者 10 名，分两期加装声控灯。', topic: { id: topicId } },
      },
    });
    const { data, errors } = await services.ask(
      `{ topic(id: "${topicId}") { events { id title description category source status priority reportedAt finishDeadline deadline deadlineStage grid { id code }
      topic { id } timeline { step toStatus actor actorRole note } } } }`,
      {},
      community,
    );
    expect(errors).toBeUndefined();
    expect(data?.topic.events).toEqual([
      {
        id: expect.any(String),
        title: '夜间安全巡逻',
        description: '每晚 21:00 巡查楼道和车棚',
        category: '安全隐患',
        source: 'DELIBERATION',
        status: 'REPORTED',
        priority: 'NORMAL',
        reportedAt: decidedAt.toISOString(),
        finishDeadline: null,
        deadline: addWorkingMinutes(decidedAt, 60, CALENDAR).toISOString(),
        deadlineStage: 'REGISTER',
        grid: { id: micro.id, code: micro.code },
        topic: { id: topicId },
        timeline: [
          {
            step: 'REPORT',
            toStatus: 'REPORTED',
            actor: 'community-sanyiqiao',
            actorRole: 'COMMUNITY_WORKER',
            note: '网格议事厅议题“组织夜间安全巡逻”决议生成',
          },
        ],
      },
    ]);
    // The event goes through the closed loop like any other.
    const registered = await services.ask(
      'mutation($input: EventStepInput!) { registerEvent(input: $input) { event { status } userErrors { code } } }',
      { input: { eventId: data?.topic.events[0].id } },
      community,
    );
    expect(registered.data?.registerEvent).toEqual({ event: { status: 'REGISTERED' }, userErrors: [] });
  });

  it('a decided topic takes no more votes or comments, is not decided twice and is not withdrawn', async () => {
    const topicId = await raise(aliceToken);
    expect(
      (await act('decideTopic', { topicId, outcome: 'REJECTED', text: '条件不具备，暂不实施。' }, community))
        .userErrors,
    ).toEqual([]);
    const before = await stored(topicId);
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['voteOnTopic', { topicId, choice: 'FOR' }, bobToken, 'TOPIC_CLOSED'],
      ['commentOnTopic', { topicId, body: '为什么不通过？' }, bobToken, 'TOPIC_CLOSED'],
      ['decideTopic', { topicId, outcome: 'ADOPTED', text: '重新决议通过。' }, community, 'ALREADY_DECIDED'],
      ['withdrawTopic', { topicId }, aliceToken, 'TOPIC_CLOSED'],
    ];
    for (const [name, input, as, code] of cases)
      expect({ name, errors: codes(await act(name, input, as)) }).toEqual({ name, errors: [[code, 'input.topicId']] });
    expect(await stored(topicId)).toEqual(before);
    expect(before).toMatchObject({ topic: { status: 'DECIDED', version: 2 }, decisions: 1, events: 0 });
  });

  it('of two decisions at the same moment exactly one is written, with its events once', async () => {
    const topicId = await raise(aliceToken);
    const decide = (text: string) =>
      act(
        'decideTopic',
        { topicId, outcome: 'ADOPTED', text, events: [{ title: '安全巡查', category: '安全隐患' }] },
        community,
      );
    const results = await Promise.all([decide('第一次决议'), decide('第二次决议')]);
    expect(results.filter((payload) => payload.userErrors.length === 0)).toHaveLength(1);
    expect(results.flatMap((payload) => codes(payload))).toEqual([['ALREADY_DECIDED', 'input.topicId']]);
    expect(await stored(topicId)).toMatchObject({ decisions: 1, events: 1, topic: { status: 'DECIDED', version: 2 } });
  });

  it('refuses deciding by those who may not, outside the scope, and with a bad decision, writing nothing', async () => {
    const topicId = await raise(aliceToken);
    const generalTopic = await raise(gridWorkerToken, general.id, '网格议题');
    const microCommunity = await token('COMMUNITY_WORKER', [micro.code], undefined, 'community-of-a-micro-grid');
    const valid = { topicId, outcome: 'ADOPTED', text: '通过。' };
    const sixEvents = Array.from({ length: 6 }, () => ({ title: '安全巡查', category: '安全隐患' }));
    const cases: [Record<string, unknown>, string, [string, string | null][]][] = [
      [valid, aliceToken, [['ROLE_NOT_ALLOWED', null]]],
      [valid, gridWorkerToken, [['ROLE_NOT_ALLOWED', null]]],
      [valid, otherCommunity, [['TOPIC_NOT_FOUND', 'input.topicId']]],
      // Sees the general grid's topic from inside it, but the grid is not in its scope.
      [{ ...valid, topicId: generalTopic }, microCommunity, [['OUT_OF_SCOPE', 'input.topicId']]],
      [{ ...valid, text: ' ' }, community, [['INVALID_DECISION', 'input.text']]],
      [
        { ...valid, outcome: 'REJECTED', events: [{ title: '安全巡查', category: '安全隐患' }] },
        community,
        [['INVALID_OUTCOME', 'input.outcome']],
      ],
      [
        { ...valid, outcome: 'REJECTED', projectRequest: { title: '口袋公园', plan: '分期实施' } },
        community,
        [['INVALID_OUTCOME', 'input.outcome']],
      ],
      [{ ...valid, events: sixEvents }, community, [['INVALID_EVENTS', 'input.events']]],
      [
        {
          ...valid,
          events: [
            { title: '安全巡查', category: '外星人入侵' },
            { title: '巡', category: '安全隐患' },
          ],
        },
        community,
        [
          ['UNKNOWN_CATEGORY', 'input.events.0.category'],
          ['INVALID_TITLE', 'input.events.1.title'],
        ],
      ],
      [
        { ...valid, projectRequest: { title: '口', plan: '' } },
        community,
        [
          ['INVALID_PROJECT_REQUEST', 'input.projectRequest.title'],
          ['INVALID_PROJECT_REQUEST', 'input.projectRequest.plan'],
        ],
      ],
      [{ ...valid, topicId: 'no-such-topic' }, community, [['TOPIC_NOT_FOUND', 'input.topicId']]],
    ];
    for (const [input, as, expected] of cases) {
      const payload = await act('decideTopic', input, as);
      expect({ input, errors: codes(payload), topic: payload.topic }).toEqual({ input, errors: expected, topic: null });
    }
    expect(await stored(topicId)).toMatchObject({ topic: { status: 'OPEN', version: 1 }, decisions: 0, events: 0 });
    expect(await stored(generalTopic)).toMatchObject({ topic: { status: 'OPEN' }, decisions: 0 });
  });
});

describe('withdrawing a topic (撤回)', () => {
  it('its raiser withdraws it with a reason; then it takes no votes; others may not withdraw it', async () => {
    const topicId = await raise(aliceToken);
    const refusals: [Record<string, unknown>, string, [string, string | null][]][] = [
      [{ topicId }, bobToken, [['NOT_RAISER', 'input.topicId']]],
      [{ topicId }, gridWorkerToken, [['NOT_RAISER', 'input.topicId']]],
      [{ topicId, reason: '因'.repeat(501) }, aliceToken, [['INVALID_REASON', 'input.reason']]],
    ];
    for (const [input, as, expected] of refusals)
      expect(codes(await act('withdrawTopic', input, as))).toEqual(expected);
    services.clock.advance(5);
    const payload = await act('withdrawTopic', { topicId, reason: '已和物业协商解决' }, aliceToken);
    expect(payload.userErrors).toEqual([]);
    expect(payload.topic).toMatchObject({
      status: 'WITHDRAWN',
      withdrawReason: '已和物业协商解决',
      closedAt: services.clock.now().toISOString(),
      decision: null,
    });
    expect(codes(await act('voteOnTopic', { topicId, choice: 'FOR' }, bobToken))).toEqual([
      ['TOPIC_CLOSED', 'input.topicId'],
    ]);
    expect(codes(await act('decideTopic', { topicId, outcome: 'ADOPTED', text: '通过。' }, community))).toEqual([
      ['TOPIC_CLOSED', 'input.topicId'],
    ]);
    expect(codes(await act('withdrawTopic', { topicId }, aliceToken))).toEqual([['TOPIC_CLOSED', 'input.topicId']]);
  });

  it('the community withdraws a topic of its own community', async () => {
    const topicId = await raise(aliceToken);
    expect((await act('withdrawTopic', { topicId, reason: '重复议题' }, community)).topic).toMatchObject({
      status: 'WITHDRAWN',
      withdrawReason: '重复议题',
    });
  });
});
