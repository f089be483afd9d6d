import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PointEntry } from '../../subgraphs/volunteers/src/entities/point-entry.js';
import { Redemption } from '../../subgraphs/volunteers/src/entities/redemption.js';
import { Reward } from '../../subgraphs/volunteers/src/entities/reward.js';
import type { VolunteerEntity } from '../../subgraphs/volunteers/src/entities/volunteer.js';
import { graphql, tokenFor } from '../support/graphql.js';
import {
  addVolunteers,
  call,
  errorCode,
  expectLedgerInvariant,
  ledgerSum,
  MUTATIONS,
  startVolunteers,
  STREET,
  volunteerToken,
  HOME,
  type TestSubgraph,
} from './support.js';

const { micro, community, otherCommunity } = HOME;

const CREATE_REWARD =
  'mutation($input: CreateRewardInput!) { createReward(input: $input) { reward { id name pointsCost stock active area { code } } userErrors { code field message } } }';
const SET_ACTIVE =
  'mutation($input: SetRewardActiveInput!) { setRewardActive(input: $input) { reward { id active } userErrors { code } } }';
const RESTOCK =
  'mutation($input: RestockRewardInput!) { restockReward(input: $input) { reward { id stock } userErrors { code } } }';
const PICKUP =
  'mutation($id: ID!) { confirmRedemptionPickup(input: { redemptionId: $id }) { redemption { id status pickedUpAt } userErrors { code } } }';

let volunteers: TestSubgraph;
let admin: string;
let worker: string;
let streetWorker: string;
let people: VolunteerEntity[];

beforeAll(async () => {
  volunteers = await startVolunteers();
  admin = await tokenFor('STREET_ADMIN', [STREET], { subject: 'admin-dongsheng' });
  worker = await tokenFor('COMMUNITY_WORKER', [community]);
  streetWorker = await tokenFor('COMMUNITY_WORKER', [STREET]);
  people = await addVolunteers(volunteers.db, 8, micro.code);
});
afterAll(() => volunteers?.stop());
afterEach(() => expectLedgerInvariant(volunteers.db));

const ask = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  call(volunteers.url, token, query, variables);
let keys = 0;
const key = () => {
  keys += 1;
  return `test-key-${keys.toString().padStart(6, '0')}`;
};

async function grant(volunteer: VolunteerEntity, points: number) {
  const { adjustPoints } = await ask(admin, MUTATIONS.adjustPoints, {
    input: { volunteerId: volunteer.id, points, reason: '爱心超市开账余额' },
  });
  expect(adjustPoints.userErrors).toEqual([]);
}

async function reward(values: { areaCode?: string; pointsCost?: number; stock?: number; name?: string } = {}) {
  const token = values.areaCode === STREET ? streetWorker : worker;
  const { createReward } = await ask(token, CREATE_REWARD, {
    input: {
      name: values.name ?? '食用油',
      areaCode: values.areaCode ?? community,
      pointsCost: values.pointsCost ?? 100,
      stock: values.stock ?? 10,
    },
  });
  expect(createReward.userErrors).toEqual([]);
  return createReward.reward as { id: string; stock: number };
}

/** REDEEMED, a user error's code, or the GraphQL error's: a failed request never counts as a success. */
function outcomeOf(response: Awaited<ReturnType<typeof redeem>>): string {
  if (response.errors?.length) return `ERROR ${String(response.errors[0]?.extensions?.code)}`;
  return response.data?.redeemReward.redemption ? 'REDEEMED' : response.data?.redeemReward.userErrors[0]?.code;
}

function redeem(token: string, input: Record<string, unknown>) {
  return graphql(volunteers.url, MUTATIONS.redeem, { token, variables: { input } });
}

async function state(rewardId: string, volunteerIds: string[]) {
  const stock = (await volunteers.db.dataSource.getRepository(Reward).findOneByOrFail({ id: rewardId })).stock;
  const balances = await Promise.all(volunteerIds.map((id) => ledgerSum(volunteers.db, id)));
  const entries = await volunteers.db.dataSource.getRepository(PointEntry).count();
  return { stock, balances, entries };
}

describe('points', () => {
  it('a street admin adjusts a balance with a reason; nobody takes it below zero; others may not adjust', async () => {
    const volunteer = people[0]!;
    const granted = await ask(admin, MUTATIONS.adjustPoints, {
      input: { volunteerId: volunteer.id, points: 50, reason: '开账余额' },
    });
    expect(granted.adjustPoints.entry).toMatchObject({
      type: 'ADJUSTMENT',
      points: 50,
      balanceAfter: 50,
      note: '开账余额',
    });
    expect(
      errorCode(
        await ask(admin, MUTATIONS.adjustPoints, { input: { volunteerId: volunteer.id, points: -51, reason: '扣减' } }),
      ),
    ).toBe('INSUFFICIENT_POINTS');
    expect(
      errorCode(
        await ask(admin, MUTATIONS.adjustPoints, { input: { volunteerId: volunteer.id, points: 0, reason: '零' } }),
      ),
    ).toBe('INVALID_POINTS');
    expect(
      errorCode(
        await ask(admin, MUTATIONS.adjustPoints, { input: { volunteerId: volunteer.id, points: 5, reason: '' } }),
      ),
    ).toBe('REASON_REQUIRED');
    const byWorker = await graphql(volunteers.url, MUTATIONS.adjustPoints, {
      token: worker,
      variables: { input: { volunteerId: volunteer.id, points: 5, reason: '社区奖励' } },
    });
    expect(byWorker.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await ledgerSum(volunteers.db, volunteer.id)).toBe(50);
  });

  it('a street admin sets the rate of a category, adding it to the catalogue of activity categories', async () => {
    const SET =
      'mutation($input: SetPointRateInput!) { setPointRate(input: $input) { category { name pointsPerHour } userErrors { code } } }';
    expect(
      (await ask(admin, SET, { input: { category: '助老助残', pointsPerHour: 14 } })).setPointRate.category,
    ).toEqual({ name: '助老助残', pointsPerHour: 14 });
    expect(
      (await ask(admin, SET, { input: { category: '楼道清扫', pointsPerHour: 11 } })).setPointRate.category,
    ).toEqual({ name: '楼道清扫', pointsPerHour: 11 });
    expect(errorCode(await ask(admin, SET, { input: { category: '楼道清扫', pointsPerHour: -1 } }))).toBe(
      'INVALID_RATE',
    );
    expect(
      (
        await graphql(volunteers.url, SET, {
          token: worker,
          variables: { input: { category: '其他', pointsPerHour: 1 } },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const { activityCategories } = await ask(worker, '{ activityCategories { name pointsPerHour } }');
    expect(activityCategories).toContainEqual({ name: '助老助残', pointsPerHour: 14 });
    expect(activityCategories).toContainEqual({ name: '楼道清扫', pointsPerHour: 11 });
    await ask(admin, SET, { input: { category: '楼道清扫', pointsPerHour: 10 } });
  });
});

describe('the reward catalogue', () => {
  it('a community offers rewards to its residents; the street catalogue reaches every community of the street', async () => {
    const own = await reward({ name: '抽纸' });
    const street = await reward({ name: '大米', areaCode: STREET });
    expect(
      errorCode(
        await ask(worker, CREATE_REWARD, {
          input: { name: '越界', areaCode: otherCommunity, pointsCost: 10, stock: 1 },
        }),
      ),
    ).toBe('OUT_OF_SCOPE');
    const invalid = await ask(worker, CREATE_REWARD, {
      input: { name: '', areaCode: community, pointsCost: 0, stock: -1 },
    });
    expect(invalid.createReward.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_REWARD_NAME',
      'INVALID_POINTS_COST',
      'INVALID_STOCK',
    ]);
    const { rewards } = await ask(
      worker,
      `{ rewards(areaCode: "${community}", first: 100) { edges { node { id } } } }`,
    );
    const ids = rewards.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toEqual(expect.arrayContaining([own.id, street.id]));
    const other = await ask(
      await tokenFor('COMMUNITY_WORKER', [otherCommunity]),
      `{ own: reward(id: "${own.id}") { id } street: reward(id: "${street.id}") { id } }`,
    );
    expect(other).toEqual({ own: null, street: { id: street.id } });
    expect(errorCode(await ask(worker, RESTOCK, { input: { rewardId: street.id, quantity: 5 } }))).toBe('OUT_OF_SCOPE');
    expect((await ask(worker, RESTOCK, { input: { rewardId: own.id, quantity: 5 } })).restockReward.reward.stock).toBe(
      15,
    );
    await ask(worker, SET_ACTIVE, { input: { rewardId: own.id, active: false } });
    const active = await ask(
      worker,
      `{ rewards(areaCode: "${community}", activeOnly: true, first: 100) { edges { node { id active } } } }`,
    );
    const activeIds = active.rewards.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(activeIds).toContain(street.id);
    expect(activeIds).not.toContain(own.id);
  });
});

describe('redemption', () => {
  it('takes the stock and the points in one go, and shows it on the volunteer and the reward', async () => {
    const volunteer = people[1]!;
    await grant(volunteer, 500);
    const item = await reward({ pointsCost: 120, stock: 5 });
    const token = await volunteerToken(volunteer);
    const { data } = await redeem(token, { rewardId: item.id, quantity: 2, idempotencyKey: key() });
    expect(data?.redeemReward).toMatchObject({
      replayed: false,
      userErrors: [],
      redemption: { status: 'PENDING_PICKUP', quantity: 2, pointsSpent: 240, reward: { id: item.id, stock: 3 } },
    });
    expect(await state(item.id, [volunteer.id])).toMatchObject({ stock: 3, balances: [260] });
    const lists = await ask(
      worker,
      `{ volunteer(id: "${volunteer.id}") { pointsBalance redemptions { totalCount edges { node { id } } } ledger { edges { node { type points balanceAfter redemption { id } } } } }
      reward(id: "${item.id}") { redemptions { edges { node { id volunteer { id } } } } } }`,
    );
    const id = data?.redeemReward.redemption.id;
    expect(lists.volunteer.pointsBalance).toBe(260);
    expect(lists.volunteer.redemptions).toEqual({ totalCount: 1, edges: [{ node: { id } }] });
    expect(lists.volunteer.ledger.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { type: 'ADJUSTMENT', points: 500, balanceAfter: 500, redemption: null },
      { type: 'REDEEM', points: -240, balanceAfter: 260, redemption: { id } },
    ]);
    expect(lists.reward.redemptions.edges).toEqual([{ node: { id, volunteer: { id: volunteer.id } } }]);
  });

  it('the same idempotency key returns the first result and never charges twice; for another request it is refused', async () => {
    const volunteer = people[2]!;
    await grant(volunteer, 300);
    const item = await reward({ pointsCost: 100, stock: 5 });
    const token = await volunteerToken(volunteer);
    const once = key();
    const first = (await redeem(token, { rewardId: item.id, quantity: 1, idempotencyKey: once })).data?.redeemReward;
    const before = await state(item.id, [volunteer.id]);
    const again = (await redeem(token, { rewardId: item.id, quantity: 1, idempotencyKey: once })).data?.redeemReward;
    expect(again).toMatchObject({
      replayed: true,
      userErrors: [],
      redemption: { id: first.redemption.id, pointsSpent: 100 },
    });
    const other = (await redeem(token, { rewardId: item.id, quantity: 2, idempotencyKey: once })).data?.redeemReward;
    expect(other).toMatchObject({
      redemption: null,
      userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }],
    });
    expect(await state(item.id, [volunteer.id])).toEqual(before);
    expect(before).toMatchObject({ stock: 4, balances: [200] });
  });

  it('refuses too few points, an inactive reward, a bad quantity, a reward out of stock or not offered here, and changes nothing', async () => {
    const volunteer = people[3]!;
    await grant(volunteer, 150);
    const token = await volunteerToken(volunteer);
    const dear = await reward({ pointsCost: 200, stock: 5 });
    const cheap = await reward({ pointsCost: 10, stock: 1 });
    const inactive = await reward({ pointsCost: 10, stock: 5 });
    await ask(worker, SET_ACTIVE, { input: { rewardId: inactive.id, active: false } });
    const foreign = (
      await ask(await tokenFor('COMMUNITY_WORKER', [otherCommunity]), CREATE_REWARD, {
        input: { name: '邻社区', areaCode: otherCommunity, pointsCost: 10, stock: 5 },
      })
    ).createReward.reward;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ rewardId: dear.id, quantity: 1 }, 'INSUFFICIENT_POINTS', '积分不足：需要 200 分，当前余额 150 分'],
      [{ rewardId: inactive.id, quantity: 1 }, 'REWARD_INACTIVE', '该奖品已下架'],
      [{ rewardId: cheap.id, quantity: -1 }, 'INVALID_QUANTITY', '数量应为 1 至 99 的整数'],
      [{ rewardId: cheap.id, quantity: 2 }, 'OUT_OF_STOCK', '库存不足：剩余 1 件'],
      [{ rewardId: foreign.id, quantity: 1 }, 'REWARD_NOT_OFFERED', '该奖品不面向该志愿者所在的社区'],
      [
        { rewardId: cheap.id, quantity: 1, idempotencyKey: 'bad key!' },
        'INVALID_IDEMPOTENCY_KEY',
        '幂等键应为 8 至 64 位字母、数字、- 或 _',
      ],
    ];
    const rewards = [dear, cheap, inactive];
    const before = await Promise.all(rewards.map((item) => state(item.id, [volunteer.id])));
    for (const [input, code, message] of cases) {
      const { data } = await redeem(token, { idempotencyKey: key(), ...input });
      expect(data?.redeemReward, code).toMatchObject({
        redemption: null,
        replayed: false,
        userErrors: [{ code, message }],
      });
    }
    expect(await Promise.all(rewards.map((item) => state(item.id, [volunteer.id])))).toEqual(before);
    const ownCommunityOnly = await tokenFor('VOLUNTEER', [community], { personId: volunteer.personId });
    const unseen = await redeem(ownCommunityOnly, { rewardId: foreign.id, quantity: 1, idempotencyKey: key() });
    expect(unseen.data?.redeemReward.userErrors[0].code).toBe('REWARD_NOT_FOUND');
  });

  it('cancelling before pick-up gives back the stock and the points; after pick-up it cannot be cancelled', async () => {
    const volunteer = people[4]!;
    await grant(volunteer, 100);
    const item = await reward({ pointsCost: 30, stock: 4 });
    const token = await volunteerToken(volunteer);
    const first = (await redeem(token, { rewardId: item.id, quantity: 2, idempotencyKey: key() })).data?.redeemReward
      .redemption;
    const second = (await redeem(token, { rewardId: item.id, quantity: 1, idempotencyKey: key() })).data?.redeemReward
      .redemption;
    expect(await state(item.id, [volunteer.id])).toMatchObject({ stock: 1, balances: [10] });
    const cancelled = await ask(token, MUTATIONS.cancelRedemption, {
      input: { redemptionId: first.id, reason: '临时有事' },
    });
    expect(cancelled.cancelRedemption.redemption.status).toBe('CANCELLED');
    expect(await state(item.id, [volunteer.id])).toMatchObject({ stock: 3, balances: [70] });
    expect(errorCode(await ask(token, MUTATIONS.cancelRedemption, { input: { redemptionId: first.id } }))).toBe(
      'REDEMPTION_NOT_PENDING',
    );
    expect(
      errorCode(
        await ask(await volunteerToken(people[5]!), MUTATIONS.cancelRedemption, { input: { redemptionId: second.id } }),
      ),
    ).toBe('NOT_OWNER');
    expect((await ask(worker, PICKUP, { id: second.id })).confirmRedemptionPickup.redemption.status).toBe('PICKED_UP');
    expect(errorCode(await ask(token, MUTATIONS.cancelRedemption, { input: { redemptionId: second.id } }))).toBe(
      'REDEMPTION_NOT_PENDING',
    );
    const { volunteer: read } = await ask(
      token,
      `{ volunteer(id: "${volunteer.id}") { ledger { edges { node { type points balanceAfter } } } } }`,
    );
    expect(read.ledger.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { type: 'ADJUSTMENT', points: 100, balanceAfter: 100 },
      { type: 'REDEEM', points: -60, balanceAfter: 40 },
      { type: 'REDEEM', points: -30, balanceAfter: 10 },
      { type: 'REVERSAL', points: 60, balanceAfter: 70 },
    ]);
  });
});

describe('redemption under real concurrency', () => {
  it('50 volunteers race for the last 3 items: exactly 3 get one, 47 hear it is out of stock, stock and points add up to the unit', async () => {
    const racers = await addVolunteers(volunteers.db, 50, micro.code);
    await Promise.all(racers.map((volunteer) => grant(volunteer, 100)));
    const item = await reward({ pointsCost: 80, stock: 3 });
    const tokens = await Promise.all(racers.map((volunteer) => volunteerToken(volunteer)));
    const entriesBefore = (await state(item.id, [])).entries;
    const responses = await Promise.all(
      tokens.map((token) => redeem(token, { rewardId: item.id, quantity: 1, idempotencyKey: key() })),
    );
    const codes = responses.map(outcomeOf);
    expect(codes.filter((code) => code === 'REDEEMED')).toHaveLength(3);
    expect(codes.filter((code) => code === 'OUT_OF_STOCK')).toHaveLength(47);
    const after = await state(
      item.id,
      racers.map((volunteer) => volunteer.id),
    );
    expect(after.stock).toBe(0);
    expect(after.entries - entriesBefore).toBe(3);
    const winners = new Set(
      responses.flatMap((response, index) => (response.data?.redeemReward.redemption ? [racers[index]!.id] : [])),
    );
    racers.forEach((volunteer, index) => {
      expect(after.balances[index]).toBe(winners.has(volunteer.id) ? 20 : 100);
    });
    expect(await volunteers.db.dataSource.getRepository(Redemption).countBy({ rewardId: item.id })).toBe(3);
  });

  it('one volunteer with points for two fires 20 redemptions at once: exactly 2 succeed and the balance ends at zero', async () => {
    const volunteer = people[6]!;
    await grant(volunteer, 100);
    const item = await reward({ pointsCost: 50, stock: 50 });
    const token = await volunteerToken(volunteer);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => redeem(token, { rewardId: item.id, quantity: 1, idempotencyKey: key() })),
    );
    const codes = responses.map(outcomeOf);
    expect(codes.filter((code) => code === 'REDEEMED')).toHaveLength(2);
    expect(codes.filter((code) => code === 'INSUFFICIENT_POINTS')).toHaveLength(18);
    expect(await state(item.id, [volunteer.id])).toMatchObject({ stock: 48, balances: [0] });
  });

  it('the same key sent 20 times at once makes one redemption and charges once', async () => {
    const volunteer = people[7]!;
    await grant(volunteer, 1000);
    const item = await reward({ pointsCost: 10, stock: 50 });
    const token = await volunteerToken(volunteer);
    const once = key();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => redeem(token, { rewardId: item.id, quantity: 3, idempotencyKey: once })),
    );
    expect(responses.map(outcomeOf)).toEqual(Array(20).fill('REDEEMED'));
    const ids = new Set(responses.map((response) => response.data?.redeemReward.redemption?.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((response) => response.data?.redeemReward.replayed)).toHaveLength(19);
    expect(await state(item.id, [volunteer.id])).toMatchObject({ stock: 47, balances: [970] });
    // And one redemption cancelled ten times at once is reversed once.
    const [redemptionId] = [...ids];
    const cancels = await Promise.all(
      Array.from({ length: 10 }, () =>
        graphql(volunteers.url, MUTATIONS.cancelRedemption, { token, variables: { input: { redemptionId } } }),
      ),
    );
    expect(cancels.filter((response) => response.errors)).toEqual([]);
    expect(cancels.filter((response) => response.data?.cancelRedemption.redemption)).toHaveLength(1);
    expect(await state(item.id, [volunteer.id])).toMatchObject({ stock: 50, balances: [1000] });
  });
});
