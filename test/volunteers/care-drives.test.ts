import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonTag } from '../../subgraphs/people/src/entities/person-tag.js';
import { CareDriveItem } from '../../subgraphs/volunteers/src/entities/care-drive.js';
import { Project } from '../../subgraphs/volunteers/src/entities/project.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { extras, STREET, volunteerToken, world } from './support.js';

/** A community of 东升街道 with volunteers; the test tags a few of its residents as 空巢老人 in the people subgraph. */
const community = '510116001003';
const otherCommunity = world.areas.find(
  (area) => area.level === 'COMMUNITY' && area.code.startsWith(STREET) && area.code !== community,
)!.code;
const volunteerPeople = new Set(world.volunteers.map((volunteer) => volunteer.personId));
const alreadyTagged = new Set(world.tags.filter((tag) => tag.code === 'EMPTY_NEST_ELDER').map((tag) => tag.personId));
const elders = world.people
  .filter(
    (person) =>
      person.areaCode.startsWith(community) &&
      person.status === 'ACTIVE' &&
      !volunteerPeople.has(person.id) &&
      !alreadyTagged.has(person.id),
  )
  .slice(0, 7);
const targets = [
  ...elders,
  ...world.people.filter(
    (person) => alreadyTagged.has(person.id) && person.areaCode.startsWith(community) && person.status === 'ACTIVE',
  ),
];
const volunteer = world.volunteers.find((row) => row.areaCode.startsWith(community))!;
const outsider = world.people.find(
  (person) => person.areaCode.startsWith(otherCommunity) && person.status === 'ACTIVE',
)!;
const grid = world.grids.find((row) => row.type === 'GENERAL' && row.communityCode === community)!;

const CREATE = `mutation($input: CreateCareDriveInput!) { createCareDrive(input: $input) {
  drive { id status targetTag targetCount packagesLeft items { name perPackage stock } area { code } } userErrors { code field message } } }`;
const RECORD = `mutation($input: RecordCareDeliveryInput!) { recordCareDelivery(input: $input) {
  delivery { id outcome followUpRequested recordedBy volunteer { id } person { id } grid { code } } userErrors { code field message } } }`;
const CONFIRM =
  'mutation($input: ConfirmCareDeliveryInput!) { confirmCareDelivery(input: $input) { delivery { id confirmedAt } userErrors { code field message } } }';
const DRIVE = `query($id: ID!) { careDrive(id: $id) { packagesLeft items { name stock }
  progress { grid { code } targets delivered refused notHome remaining }
  followUps { outcome person { id } } deliveries(first: 100) { totalCount } } }`;

let platform: Platform;
let worker: string;

beforeAll(async () => {
  platform = await startPlatform();
  const since = new Date('2024-01-01T00:00:00Z');
  await platform.subgraphs.people.db.dataSource.getRepository(PersonTag).insert(
    elders.map((person) => ({
      id: randomUUID(),
      personId: person.id,
      code: 'EMPTY_NEST_ELDER',
      areaCode: person.areaCode,
      since,
      until: null,
      occupation: null,
    })),
  );
  worker = await tokenFor('COMMUNITY_WORKER', [community], { subject: 'worker-drive' });
});
afterAll(() => platform?.stop());

async function data(token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await graphql(platform.gatewayUrl, query, { token, variables });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as Record<string, any>;
}
const code = (answer: Record<string, any>) =>
  (Object.values(answer)[0] as { userErrors: { code: string }[] }).userErrors[0]?.code ?? null;

const driveInput = (values: Record<string, unknown> = {}) => ({
  areaCode: community,
  title: '冬季安全爱心包',
  targetTag: 'EMPTY_NEST_ELDER',
  items: [
    { name: '燃气报警器', perPackage: 1, stock: targets.length - 1 },
    { name: '防滑垫', perPackage: 2, stock: 100 },
  ],
  ...values,
});

describe('安全爱心包 drives', () => {
  it('a drive shows per-grid progress and no package is delivered twice to one person', async () => {
    const created = (await data(worker, CREATE, { input: driveInput() })).createCareDrive;
    expect(created.userErrors).toEqual([]);
    expect(created.drive).toMatchObject({
      status: 'OPEN',
      targetTag: 'EMPTY_NEST_ELDER',
      targetCount: targets.length,
      packagesLeft: targets.length - 1,
      area: { code: community },
    });
    const driveId = created.drive.id as string;
    const [first, second, third] = targets;

    // Five requests at once for one person, by the volunteer and the worker: exactly one package.
    const me = await volunteerToken(volunteer);
    const race = await Promise.all(
      [me, worker, me, worker, me].map((token) =>
        data(token, RECORD, { input: { driveId, personId: first!.id, outcome: 'DELIVERED' } }),
      ),
    );
    const delivered = race.filter((answer) => answer.recordCareDelivery.delivery !== null);
    expect(delivered).toHaveLength(1);
    expect(race.map(code).filter((found) => found !== null)).toEqual([
      'ALREADY_DELIVERED',
      'ALREADY_DELIVERED',
      'ALREADY_DELIVERED',
      'ALREADY_DELIVERED',
    ]);
    expect(delivered[0]!.recordCareDelivery.delivery).toMatchObject({
      outcome: 'DELIVERED',
      person: { id: first!.id },
      grid: { code: first!.areaCode },
    });

    const refused = (
      await data(me, RECORD, {
        input: { driveId, personId: second!.id, outcome: 'REFUSED', note: '老人说已有家人送来' },
      })
    ).recordCareDelivery.delivery;
    expect(refused).toMatchObject({
      outcome: 'REFUSED',
      volunteer: { id: volunteer.id },
      recordedBy: `person-${volunteer.personId}`,
      followUpRequested: false,
    });
    const notHome = (
      await data(me, RECORD, { input: { driveId, personId: third!.id, outcome: 'NOT_HOME', followUpRequested: true } })
    ).recordCareDelivery.delivery;
    expect(notHome).toMatchObject({ outcome: 'NOT_HOME', followUpRequested: true });

    const drive = (await data(worker, DRIVE, { id: driveId })).careDrive;
    const expected = new Map<
      string,
      {
        grid: { code: string };
        targets: number;
        delivered: number;
        refused: number;
        notHome: number;
        remaining: number;
      }
    >();
    targets.forEach((person, index) => {
      const row = expected.get(person.areaCode) ?? {
        grid: { code: person.areaCode },
        targets: 0,
        delivered: 0,
        refused: 0,
        notHome: 0,
        remaining: 0,
      };
      row.targets += 1;
      if (index === 0) row.delivered += 1;
      else if (index === 1) row.refused += 1;
      else if (index === 2) row.notHome += 1;
      else row.remaining += 1;
      expected.set(person.areaCode, row);
    });
    expect(drive.progress).toEqual([...expected.values()].sort((a, b) => a.grid.code.localeCompare(b.grid.code)));
    expect(drive.followUps).toEqual([{ outcome: 'NOT_HOME', person: { id: third!.id } }]);
    expect(drive.deliveries.totalCount).toBe(3);
    expect(drive.items).toEqual([
      { name: '燃气报警器', stock: targets.length - 2 },
      { name: '防滑垫', stock: 98 },
    ]);

    // The refused and the absent may still get one later, while stock lasts; stock never goes below zero.
    const rest = targets.slice(1);
    const answers = [];
    for (const person of rest)
      answers.push(await data(worker, RECORD, { input: { driveId, personId: person.id, outcome: 'DELIVERED' } }));
    expect(answers.slice(0, -1).every((answer) => answer.recordCareDelivery.userErrors.length === 0)).toBe(true);
    expect(answers.at(-1)!.recordCareDelivery.userErrors).toEqual([
      {
        code: 'PACKAGES_OUT_OF_STOCK',
        field: ['input', 'driveId'],
        message: '物资不足：“燃气报警器”剩余 0 件，每包需 1 件',
      },
    ]);
    const stock = await platform.subgraphs.volunteers.db.dataSource
      .getRepository(CareDriveItem)
      .find({ order: { name: 'ASC' } });
    expect(stock.map((item) => item.stock).every((value) => value >= 0)).toBe(true);
    const after = (await data(worker, DRIVE, { id: driveId })).careDrive;
    expect(after.packagesLeft).toBe(0);
    expect(after.items).toEqual([
      { name: '燃气报警器', stock: 0 },
      { name: '防滑垫', stock: 100 - 2 * (targets.length - 1) },
    ]);

    // The resident confirms their own package, once.
    const deliveryId = delivered[0]!.recordCareDelivery.delivery.id;
    const resident = await tokenFor('RESIDENT', [community], { personId: first!.id });
    expect(
      code(
        await data(await tokenFor('RESIDENT', [community], { personId: second!.id }), CONFIRM, {
          input: { deliveryId },
        }),
      ),
    ).toBe('NOT_RECIPIENT');
    expect(
      (await data(resident, CONFIRM, { input: { deliveryId } })).confirmCareDelivery.delivery.confirmedAt,
    ).not.toBeNull();
    expect(code(await data(resident, CONFIRM, { input: { deliveryId } }))).toBe('DELIVERY_ALREADY_CONFIRMED');
    const secondResident = await tokenFor('RESIDENT', [community], { personId: second!.id });
    expect(code(await data(secondResident, CONFIRM, { input: { deliveryId: refused.id } }))).toBe(
      'DELIVERY_NOT_DELIVERED',
    );
    expect(code(await data(resident, CONFIRM, { input: { deliveryId: 'no-such-delivery' } }))).toBe(
      'DELIVERY_NOT_FOUND',
    );
  });

  it('the demo drive shows one package delivered, one refused and one follow-up visit asked for', async () => {
    const demo = extras.drives.drives[0]!;
    const drive = (await data(await tokenFor('STREET_ADMIN', [STREET]), DRIVE, { id: demo.id })).careDrive;
    const totals = drive.progress.reduce((sum: Record<string, number>, row: Record<string, number>) => {
      for (const key of ['targets', 'delivered', 'refused', 'notHome', 'remaining'])
        sum[key] = (sum[key] ?? 0) + row[key]!;
      return sum;
    }, {});
    const targets = demo.targetCount;
    expect(totals).toEqual({
      targets,
      delivered: 1,
      refused: Math.min(1, targets - 1),
      notHome: Math.min(1, Math.max(0, targets - 2)),
      remaining: Math.max(0, targets - 3),
    });
    expect(drive.deliveries.totalCount).toBe(Math.min(3, targets));
  });

  it('refuses bad drives and bad deliveries', async () => {
    const bad = (
      await data(worker, CREATE, { input: driveInput({ areaCode: '51', title: 'x', targetTag: 'elder', items: [] }) })
    ).createCareDrive;
    expect(bad.userErrors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_COMMUNITY_CODE',
      'INVALID_DRIVE_TITLE',
      'INVALID_TARGET_TAG',
      'INVALID_DRIVE_ITEMS',
    ]);
    expect(
      code(await data(worker, CREATE, { input: driveInput({ items: [{ name: '米', perPackage: 1, stock: -1 }] }) })),
    ).toBe('INVALID_DRIVE_ITEMS');
    expect(code(await data(worker, CREATE, { input: driveInput({ targetTag: 'NO_SUCH_TAG' }) }))).toBe('NO_TARGETS');
    expect(code(await data(worker, CREATE, { input: driveInput({ areaCode: otherCommunity }) }))).toBe(
      'NOT_DRIVE_MANAGER',
    );
    expect(code(await data(await volunteerToken(volunteer), CREATE, { input: driveInput() }))).toBe(
      'NOT_DRIVE_MANAGER',
    );

    const driveId = (await data(worker, CREATE, { input: driveInput() })).createCareDrive.drive.id;
    const record = (token: string, values: Record<string, unknown>) =>
      data(token, RECORD, { input: { driveId, personId: targets[0]!.id, outcome: 'DELIVERED', ...values } });
    expect(code(await record(worker, { personId: outsider.id }))).toBe('NOT_A_TARGET');
    expect(code(await record(worker, { driveId: 'no-such-drive' }))).toBe('DRIVE_NOT_FOUND');
    expect(code(await record(await tokenFor('COMMUNITY_WORKER', [otherCommunity]), {}))).toBe('DRIVE_NOT_FOUND');
    expect(code(await record(worker, { note: '长'.repeat(201) }))).toBe('INVALID_NOTE');
    // A resident who is no volunteer records nothing: a volunteer records only their own visits.
    expect(code(await record(await tokenFor('RESIDENT', [community], { personId: outsider.id }), {}))).toBe(
      'NOT_A_VOLUNTEER',
    );
    const analyst = await graphql(platform.gatewayUrl, RECORD, {
      token: await tokenFor('ANALYST', [STREET]),
      variables: { input: { driveId, personId: targets[0]!.id, outcome: 'DELIVERED' } },
    });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a drive through the gateway', () => {
  it('a worker finds a drive in the list, restocks it and closes it, and no visit is recorded after the close', async () => {
    const driveId = (await data(worker, CREATE, { input: driveInput({ title: '春节安全爱心包' }) })).createCareDrive
      .drive.id as string;
    const LIST =
      'query($filter: CareDriveFilter) { careDrives(filter: $filter, first: 100) { edges { node { id title status } } } }';
    const open = (
      await data(worker, LIST, { filter: { areaCode: community, status: ['OPEN'], targetTag: 'EMPTY_NEST_ELDER' } })
    ).careDrives.edges;
    expect(open[0].node).toEqual({ id: driveId, title: '春节安全爱心包', status: 'OPEN' });

    const RESTOCK =
      'mutation($input: RestockCareDriveInput!) { restockCareDrive(input: $input) { drive { packagesLeft items { name stock } } userErrors { code } } }';
    const restocked = (
      await data(worker, RESTOCK, { input: { driveId, items: [{ name: '燃气报警器', quantity: 5 }] } })
    ).restockCareDrive;
    expect(restocked).toEqual({
      drive: {
        packagesLeft: targets.length + 4,
        items: [
          { name: '燃气报警器', stock: targets.length + 4 },
          { name: '防滑垫', stock: 100 },
        ],
      },
      userErrors: [],
    });

    const CLOSE =
      'mutation($input: CloseCareDriveInput!) { closeCareDrive(input: $input) { drive { status closedBy closeNote } userErrors { code } } }';
    expect((await data(worker, CLOSE, { input: { driveId, note: '已转入日常走访' } })).closeCareDrive).toEqual({
      drive: { status: 'CLOSED', closedBy: 'worker-drive', closeNote: '已转入日常走访' },
      userErrors: [],
    });
    expect(
      code(
        await data(await volunteerToken(volunteer), RECORD, {
          input: { driveId, personId: targets[0]!.id, outcome: 'DELIVERED' },
        }),
      ),
    ).toBe('DRIVE_CLOSED');
    expect(code(await data(worker, CLOSE, { input: { driveId } }))).toBe('DRIVE_ALREADY_CLOSED');
    expect(
      (await data(worker, LIST, { filter: { areaCode: community, status: ['CLOSED'] } })).careDrives.edges.map(
        (edge: { node: { id: string } }) => edge.node.id,
      ),
    ).toContain(driveId);
  });
});

describe('activities of a project', () => {
  const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id project { id title } } userErrors { code field } } }`;
  const activityInput = (projectId: string, gridId = grid.id) => ({
    title: '楼顶花园施工',
    category: '院落整治',
    gridId,
    projectId,
    place: '3 栋楼顶',
    capacity: 6,
    startsAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 51 * 3_600_000).toISOString(),
  });

  it("an activity carries out a claimed project of its grid's community, not one still awaiting approval", async () => {
    const repository = platform.subgraphs.volunteers.db.dataSource.getRepository(Project);
    const base = {
      areaCode: community,
      title: '楼顶花园',
      plan: '清理楼顶，搭建花架。',
      budgetFen: 100_000,
      neededVolunteers: 4,
      skills: [],
      proposedBy: 'test',
      proposedAt: new Date('2026-01-01T00:00:00Z'),
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      claimedByTeamId: null,
      claimedByVolunteerId: null,
      claimedAt: null,
      startedAt: null,
      closedAt: null,
      result: null,
    };
    const claimed = { ...base, id: randomUUID(), status: 'CLAIMED' as const };
    const proposed = { ...base, id: randomUUID(), status: 'PROPOSED' as const };
    await repository.insert([claimed, proposed]);
    const made = (await data(worker, CREATE_ACTIVITY, { input: activityInput(claimed.id) })).createActivity;
    expect(made).toMatchObject({ activity: { project: { id: claimed.id, title: '楼顶花园' } }, userErrors: [] });
    expect(
      (await data(worker, CREATE_ACTIVITY, { input: activityInput(proposed.id) })).createActivity.userErrors,
    ).toEqual([{ code: 'PROJECT_NOT_ACCEPTING_ACTIVITIES', field: ['input', 'projectId'] }]);
    expect(code(await data(worker, CREATE_ACTIVITY, { input: activityInput('no-such-project') }))).toBe(
      'PROJECT_NOT_FOUND',
    );
  });
});
