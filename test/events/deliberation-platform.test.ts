import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../subgraphs/events/src/context.js';
import { residencyOf } from '../../subgraphs/events/src/graph/residency.js';
import { createGraphClient } from '../../subgraphs/kit/src/graph-client.js';
import { graphql } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { demoExtras, demoWorld, token } from './support.js';

/**
 * The deliberation hall on the demo data, through the gateway. Each test takes its own open
 * demo topic of a micro-grid, with residents of it who have not voted yet, and mints its own
 * tokens: no test depends on what another wrote, so any of them passes alone or in any order.
 */
function openTopic(which: 'vote' | 'neighbour' | 'decide') {
  const world = demoWorld();
  const extras = demoExtras();
  const voted = new Set(extras.votes.map((vote) => `${vote.topicId}|${vote.personId}`));
  const staffPeople = new Set(world.staff.map((staff) => staff.personId));
  const candidates = extras.topics
    .filter((row) => row.status === 'OPEN' && row.areaCode.length === 18)
    .map((topic) => ({
      topic,
      residents: world.people.filter(
        (person) =>
          person.areaCode === topic.areaCode && !voted.has(`${topic.id}|${person.id}`) && !staffPeople.has(person.id),
      ),
    }))
    .filter((candidate) => candidate.residents.length > 0);
  const found = candidates[['vote', 'neighbour', 'decide'].indexOf(which)];
  if (!found) throw new Error(`no open demo topic for the ${which} test`);
  return { topic: found.topic, resident: found.residents[0]!, community: found.topic.areaCode.slice(0, 12) };
}

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

/** A resident of the micro-grid who has not voted, whose token is scoped to the whole community. */
async function communityScopedNeighbour() {
  const { topic, resident: neighbour, community } = openTopic('neighbour');
  return { topic, neighbour, community, token: await token('RESIDENT', [community], neighbour.id, 'neighbour') };
}

const ask = (query: string, variables: Record<string, unknown>, as: string) =>
  graphql(platform.gatewayUrl, query, { token: as, variables });
const VOTE =
  'mutation($input: VoteOnTopicInput!) { voteOnTopic(input: $input) { topic { voteCounts { total } myVote } userErrors { code message } } }';

describe('the deliberation hall through the gateway, on the demo data', () => {
  it('a resident votes once on a demo topic of their micro-grid and a second vote is refused', async () => {
    const { topic, resident } = openTopic('vote');
    const residentToken = await token('RESIDENT', [resident.areaCode], resident.id, 'resident');
    const before = demoExtras().votes.filter((vote) => vote.topicId === topic.id).length;
    const first = await ask(VOTE, { input: { topicId: topic.id, choice: 'FOR' } }, residentToken);
    expect(first.errors).toBeUndefined();
    expect(first.data?.voteOnTopic).toEqual({
      topic: { voteCounts: { total: before + 1 }, myVote: 'FOR' },
      userErrors: [],
    });
    const second = await ask(VOTE, { input: { topicId: topic.id, choice: 'AGAINST' } }, residentToken);
    expect(second.data?.voteOnTopic).toEqual({
      topic: null,
      userErrors: [{ code: 'ALREADY_VOTED', message: '您已对该议题投过票，每位居民只能投票一次' }],
    });
  });

  it('where a resident lives is the grid the people subgraph records for them, asked with their own token', async () => {
    const { neighbour, community: COMMUNITY, token: communityScopedResident } = await communityScopedNeighbour();
    const context = {
      viewer: {
        subject: 'neighbour',
        roles: ['RESIDENT'],
        scopes: [COMMUNITY],
        permissions: new Set(['grid:read', 'volunteer:read']),
        personId: neighbour.id,
      },
      runtime: { graph: createGraphClient(platform.gatewayUrl), authorization: `Bearer ${communityScopedResident}` },
    } as unknown as Context;
    expect(await residencyOf(context)).toEqual({ homes: [neighbour.areaCode], source: 'GRAPH' });
  });

  it('so a resident whose token is scoped to the whole community still votes on their micro-grid’s topic', async () => {
    // The token's scope alone (the community) would not place them in the micro-grid: NOT_RESIDENT.
    const { topic, neighbour, token: communityScopedResident } = await communityScopedNeighbour();
    expect(neighbour).toBeDefined();
    const { data, errors } = await ask(
      VOTE,
      { input: { topicId: topic.id, choice: 'AGAINST' } },
      communityScopedResident,
    );
    expect(errors).toBeUndefined();
    expect(data?.voteOnTopic.userErrors).toEqual([]);
    expect(data?.voteOnTopic.topic.myVote).toBe('AGAINST');
  });

  it('a decided topic opens an event, which the graph shows with its grid and its topic', async () => {
    const DECIDE = `mutation($input: DecideTopicInput!) { decideTopic(input: $input) {
      topic { status grid { name } events { source status category grid { name } topic { id title } } } userErrors { code } } }`;
    const { topic, resident, community: COMMUNITY } = openTopic('decide');
    const community = await token('COMMUNITY_WORKER', [COMMUNITY], undefined, 'community');
    const residentToken = await token('RESIDENT', [resident.areaCode], resident.id, 'resident');
    const input = {
      topicId: topic.id,
      outcome: 'ADOPTED',
      text: '居民议事通过，开展安全巡查。',
      events: [{ title: '楼道消防安全巡查', category: '安全隐患' }],
    };
    const { data, errors } = await ask(DECIDE, { input }, community);
    expect(errors).toBeUndefined();
    const gridName = demoWorld().grids.find((grid) => grid.id === topic.gridId)!.name;
    expect(data?.decideTopic).toEqual({
      topic: {
        status: 'DECIDED',
        grid: { name: gridName },
        events: [
          {
            source: 'DELIBERATION',
            status: 'REPORTED',
            category: '安全隐患',
            grid: { name: gridName },
            topic: { id: topic.id, title: topic.title },
          },
        ],
      },
      userErrors: [],
    });
    const late = await ask(VOTE, { input: { topicId: topic.id, choice: 'FOR' } }, residentToken);
    expect(late.data?.voteOnTopic.userErrors.map((error: { code: string }) => error.code)).toEqual(['TOPIC_CLOSED']);
  });
});
