import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../subgraphs/kit/src/demo/world.js';
import {
  CareDelivery,
  CareDrive,
  CareDriveItem,
  CareDriveTarget,
  type CareDriveEntity,
  type CareDriveItemEntity,
} from '../../subgraphs/volunteers/src/entities/care-drive.js';
import type { VolunteerEntity } from '../../subgraphs/volunteers/src/entities/volunteer.js';
import { newId } from '../../subgraphs/volunteers/src/domain/ids.js';
import { graphql, tokenFor } from '../support/graphql.js';
import {
  addVolunteers,
  call,
  errorCode,
  extras,
  HOME,
  startVolunteers,
  STREET,
  volunteerToken,
  world,
  type TestSubgraph,
} from './support.js';

/**
 * Listing, restocking and closing 安全爱心包 drives, on the volunteers subgraph alone: the
 * drives are written straight into its database as `createCareDrive` leaves them (that one
 * reads its targets through the graph; care-drives.test.ts runs it on the whole platform).
 */
const { community, otherCommunity, micro } = HOME;
const residentsOf = (prefix: string) =>
  world.people.filter((person) => person.areaCode.startsWith(prefix) && person.status === 'ACTIVE').slice(0, 6);
const homeTargets = residentsOf(community);
const otherTargets = residentsOf(otherCommunity);
const seconds = (time: number) => new Date(Math.floor(time / 1000) * 1000);

const DRIVE_FIELDS = 'id status closedAt closedBy closeNote packagesLeft items { id name perPackage stock }';
const LIST = `query($filter: CareDriveFilter, $first: Int, $after: String) { careDrives(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status targetTag area { code } } } } }`;
const RESTOCK = `mutation($input: RestockCareDriveInput!) { restockCareDrive(input: $input) { drive { ${DRIVE_FIELDS} } userErrors { code field message } } }`;
const CLOSE = `mutation($input: CloseCareDriveInput!) { closeCareDrive(input: $input) { drive { ${DRIVE_FIELDS} } userErrors { code field message } } }`;
const RECORD = `mutation($input: RecordCareDeliveryInput!) { recordCareDelivery(input: $input) { delivery { id outcome } userErrors { code field message } } }`;
const DRIVE = `query($id: ID!) { careDrive(id: $id) { ${DRIVE_FIELDS}
  progress { grid { code } targets delivered refused notHome remaining } deliveries(first: 100) { totalCount edges { node { id outcome } } } } }`;

let volunteers: TestSubgraph;
let worker: string;
let admin: string;
let volunteer: VolunteerEntity;

beforeAll(async () => {
  volunteers = await startVolunteers();
  worker = await tokenFor('COMMUNITY_WORKER', [community], { subject: 'worker-drive' });
  admin = await tokenFor('STREET_ADMIN', [STREET], { subject: 'admin-drive' });
  volunteer = (await addVolunteers(volunteers.db, 1, micro.code))[0]!;
});
afterAll(() => volunteers?.stop());

const ask = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  call(volunteers.url, token, query, variables);
/** The first GraphQL error's code, for requests refused as a whole. */
async function refusedWith(token: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await graphql(volunteers.url, query, { token, variables });
  return response.errors?.[0]?.extensions?.code;
}

interface MadeDrive {
  drive: CareDriveEntity;
  alarm: CareDriveItemEntity;
  mat: CareDriveItemEntity;
}

/** A drive as `createCareDrive` writes it: 燃气报警器 (1 a package, 10 in stock) and 防滑垫 (2 a package, 20), for six residents. */
async function addDrive(
  values: Partial<CareDriveEntity> = {},
  targets: DemoPerson[] = homeTargets,
): Promise<MadeDrive> {
  const drive: CareDriveEntity = {
    id: newId(),
    areaCode: community,
    title: '测试爱心包',
    targetTag: 'EMPTY_NEST_ELDER',
    status: 'OPEN',
    targetCount: targets.length,
    createdBy: 'test',
    createdAt: seconds(Date.now()),
    closedAt: null,
    closedBy: null,
    closeNote: null,
    ...values,
  };
  const alarm = { id: newId(), driveId: drive.id, name: '燃气报警器', perPackage: 1, stock: 10 };
  const mat = { id: newId(), driveId: drive.id, name: '防滑垫', perPackage: 2, stock: 20 };
  const { dataSource } = volunteers.db;
  await dataSource.getRepository(CareDrive).insert(drive);
  await dataSource.getRepository(CareDriveItem).insert([alarm, mat]);
  await dataSource.getRepository(CareDriveTarget).insert(
    targets.map((person) => ({
      driveId: drive.id,
      personId: person.id,
      gridId: person.gridId,
      areaCode: person.areaCode,
      lastOutcome: null,
    })),
  );
  return { drive, alarm, mat };
}

const stockOf = async (itemId: string) =>
  (await volunteers.db.dataSource.getRepository(CareDriveItem).findOneByOrFail({ id: itemId })).stock;
const ids = (connection: Record<string, any>): string[] =>
  connection.edges.map((edge: { node: { id: string } }) => edge.node.id);

describe('careDrives', () => {
  let home: { open: string[]; closed: string[]; disabled: string[] };
  let other: string[];

  beforeAll(async () => {
    const open = [(await addDrive()).drive.id, (await addDrive()).drive.id];
    const closed = [
      (await addDrive({ status: 'CLOSED', closedAt: seconds(Date.now()), closedBy: 'test', closeNote: null })).drive.id,
    ];
    const disabled = [(await addDrive({ targetTag: 'DISABLED' })).drive.id];
    home = { open, closed, disabled };
    other = [(await addDrive({ areaCode: otherCommunity }, otherTargets)).drive.id];
  });

  const demoIn = (prefix: string) =>
    extras.drives.drives.filter((drive) => drive.areaCode.startsWith(prefix)).map((drive) => drive.id);
  const newestFirst = (list: string[]) => [...list].sort().reverse();

  it("lists the drives of the viewer's scope newest first; a community worker sees only their community's", async () => {
    const all = newestFirst([...home.open, ...home.closed, ...home.disabled, ...demoIn(community)]);
    const seen = (await ask(worker, LIST, { first: 100 })).careDrives;
    expect(ids(seen)).toEqual(all);
    expect(seen.totalCount).toBe(all.length);
    expect(seen.edges[0].node).toMatchObject({ area: { code: community } });
    const street = (await ask(admin, LIST, { first: 100 })).careDrives;
    expect(ids(street)).toEqual(newestFirst([...all, ...other, ...demoIn(STREET).filter((id) => !all.includes(id))]));
  });

  it('filters by area prefix, status and target tag, and never beyond the scope', async () => {
    const list = async (token: string, filter: Record<string, unknown>) =>
      ids((await ask(token, LIST, { filter, first: 100 })).careDrives);
    expect(await list(admin, { areaCode: otherCommunity })).toEqual(newestFirst([...other, ...demoIn(otherCommunity)]));
    expect(await list(worker, { areaCode: otherCommunity })).toEqual([]);
    expect(await list(worker, { areaCode: STREET })).toEqual(await list(worker, {}));
    expect(await list(worker, { status: ['CLOSED'] })).toEqual(home.closed);
    expect(await list(admin, { areaCode: community, targetTag: 'DISABLED' })).toEqual(home.disabled);
    expect(await list(admin, { areaCode: community, status: ['OPEN'], targetTag: 'EMPTY_NEST_ELDER' })).toEqual(
      newestFirst([...home.open, ...demoIn(community)]),
    );
    expect(await list(worker, { targetTag: 'NO_SUCH_TAG' })).toEqual([]);
    const gridWorker = await tokenFor('GRID_WORKER', [micro.code]);
    expect(await list(gridWorker, {})).toEqual([]);
  });

  it('pages by keyset cursors to the same list, and refuses a bad area, page size or cursor', async () => {
    const all = ids((await ask(admin, LIST, { first: 100 })).careDrives);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const page: Record<string, any> = (await ask(admin, LIST, { first: 2, after })).careDrives;
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(await refusedWith(admin, LIST, { filter: { areaCode: '5101' } })).toBe('BAD_USER_INPUT');
    expect(await refusedWith(admin, LIST, { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await refusedWith(admin, LIST, { first: -1 })).toBe('BAD_USER_INPUT');
    expect(await refusedWith(admin, LIST, { after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
  });

  it('serves 20 drives with items, stock, progress, follow-ups and deliveries in as many statements as 2', async () => {
    const { dataSource } = volunteers.db;
    for (let n = 0; n < 16; n += 1) {
      const { drive } = await addDrive({ targetTag: 'LOW_INCOME' });
      const person = homeTargets[n % homeTargets.length]!;
      await dataSource.getRepository(CareDelivery).insert({
        id: newId(),
        driveId: drive.id,
        personId: person.id,
        gridId: person.gridId,
        areaCode: person.areaCode,
        outcome: 'NOT_HOME',
        deliveredPersonId: null,
        volunteerId: null,
        recordedBy: 'test',
        recordedAt: seconds(Date.now()),
        note: null,
        followUpRequested: true,
        confirmedAt: null,
      });
    }
    const WIDE = `query($first: Int) { careDrives(first: $first) { totalCount edges { node { id packagesLeft items { name stock }
      progress { grid { code } targets notHome remaining } followUps { id } deliveries(first: 5) { totalCount edges { node { id outcome } } } } } } }`;
    const statementsFor = async (first: number) => {
      const before = volunteers.db.statements.count;
      const { careDrives } = await ask(worker, WIDE, { first });
      expect(careDrives.edges).toHaveLength(first);
      return volunteers.db.statements.count - before;
    };
    // The page and its count; items; progress; follow-ups; deliveries' page ids, rows and count.
    expect(await statementsFor(2)).toBe(8);
    expect(await statementsFor(20)).toBe(8);
  });
});

describe('restockCareDrive', () => {
  it('adds stock by item id or by name and answers with the drive as it is now', async () => {
    const { drive, alarm, mat } = await addDrive();
    const answer = (
      await ask(worker, RESTOCK, {
        input: {
          driveId: drive.id,
          items: [
            { itemId: alarm.id, quantity: 5 },
            { name: ' 防滑垫 ', quantity: 40 },
          ],
        },
      })
    ).restockCareDrive;
    expect(answer.userErrors).toEqual([]);
    expect(answer.drive).toMatchObject({
      id: drive.id,
      status: 'OPEN',
      packagesLeft: 15,
      items: [
        { id: alarm.id, name: '燃气报警器', perPackage: 1, stock: 15 },
        { id: mat.id, name: '防滑垫', perPackage: 2, stock: 60 },
      ],
    });
    const street = (
      await ask(admin, RESTOCK, { input: { driveId: drive.id, items: [{ itemId: alarm.id, quantity: 1 }] } })
    ).restockCareDrive;
    expect(street.drive.items[0].stock).toBe(16);
  });

  it('adds up under concurrency: restocks and deliveries at once lose nothing and take nothing twice', async () => {
    const { drive, alarm, mat } = await addDrive();
    const restock = () =>
      ask(worker, RESTOCK, {
        input: {
          driveId: drive.id,
          items: [
            { itemId: alarm.id, quantity: 3 },
            { name: '防滑垫', quantity: 2 },
          ],
        },
      });
    const deliver = (person: DemoPerson) =>
      ask(worker, RECORD, { input: { driveId: drive.id, personId: person.id, outcome: 'DELIVERED' } });
    const answers = await Promise.all([...Array.from({ length: 8 }, restock), ...homeTargets.slice(0, 4).map(deliver)]);
    expect(answers.map(errorCode)).toEqual(Array.from({ length: 12 }, () => null));
    expect(await stockOf(alarm.id)).toBe(10 + 8 * 3 - 4);
    expect(await stockOf(mat.id)).toBe(20 + 8 * 2 - 4 * 2);
  });

  it('refuses bad lines with every problem at once, unknown items and a stock above the ceiling, writing nothing', async () => {
    const { drive, alarm, mat } = await addDrive();
    const other = await addDrive();
    const restock = async (items: unknown[], token = worker, driveId = drive.id) =>
      (await ask(token, RESTOCK, { input: { driveId, items } })).restockCareDrive;

    const bad = await restock([{ itemId: alarm.id, name: '防滑垫', quantity: 0 }]);
    expect(bad).toEqual({
      drive: null,
      userErrors: [
        {
          code: 'INVALID_RESTOCK_ITEMS',
          field: ['input', 'items'],
          message: '补充物资应为 1 至 10 项，每项填写物资 ID 或名称之一，同一物资只能填写一次',
        },
        { code: 'INVALID_RESTOCK_QUANTITY', field: ['input', 'items'], message: '补充数量应为 1 至 100000 的整数' },
      ],
    });
    expect(errorCode({ r: await restock([]) })).toBe('INVALID_RESTOCK_ITEMS');
    expect(errorCode({ r: await restock([{ quantity: 5 }]) })).toBe('INVALID_RESTOCK_ITEMS');
    expect(errorCode({ r: await restock(Array.from({ length: 11 }, () => ({ itemId: alarm.id, quantity: 1 }))) })).toBe(
      'INVALID_RESTOCK_ITEMS',
    );
    expect(
      errorCode({
        r: await restock([
          { itemId: alarm.id, quantity: 2 },
          { name: '燃气报警器', quantity: 1 },
        ]),
      }),
    ).toBe('INVALID_RESTOCK_ITEMS');
    for (const quantity of [-5, 0, 100_001, 2_000_000_000])
      expect(errorCode({ r: await restock([{ itemId: alarm.id, quantity }]) })).toBe('INVALID_RESTOCK_QUANTITY');

    expect(
      (
        await restock([
          { itemId: alarm.id, quantity: 1 },
          { name: '大米', quantity: 5 },
        ])
      ).userErrors,
    ).toEqual([{ code: 'UNKNOWN_DRIVE_ITEM', field: ['input', 'items'], message: '本次爱心包没有物资“大米”' }]);
    expect(errorCode({ r: await restock([{ itemId: other.alarm.id, quantity: 5 }]) })).toBe('UNKNOWN_DRIVE_ITEM');

    // Ten restocks of 100000 reach the ceiling of 1000000: the line that would pass it rolls the whole request back.
    await volunteers.db.dataSource.getRepository(CareDriveItem).update({ id: mat.id }, { stock: 950_000 });
    expect(
      (
        await restock([
          { itemId: alarm.id, quantity: 7 },
          { itemId: mat.id, quantity: 50_001 },
        ])
      ).userErrors,
    ).toEqual([
      { code: 'DRIVE_STOCK_LIMIT', field: ['input', 'items'], message: '“防滑垫”补充后库存将超过上限 1000000 件' },
    ]);
    expect([await stockOf(alarm.id), await stockOf(mat.id)]).toEqual([10, 950_000]);
    expect((await restock([{ itemId: mat.id, quantity: 50_000 }])).drive.items[1].stock).toBe(1_000_000);
  });

  it('is for a worker of the community, on an open drive in scope', async () => {
    const { drive, alarm } = await addDrive();
    const items = [{ itemId: alarm.id, quantity: 5 }];
    const restock = async (token: string, driveId = drive.id) =>
      errorCode(await ask(token, RESTOCK, { input: { driveId, items } }));
    expect(await restock(worker, 'no-such-drive')).toBe('DRIVE_NOT_FOUND');
    expect(await restock(await tokenFor('COMMUNITY_WORKER', [otherCommunity]))).toBe('DRIVE_NOT_FOUND');
    expect(await restock(await volunteerToken(volunteer))).toBe('NOT_DRIVE_MANAGER');
    expect(
      await refusedWith(await tokenFor('ANALYST', [STREET]), RESTOCK, { input: { driveId: drive.id, items } }),
    ).toBe('FORBIDDEN');
    expect(
      await refusedWith(await tokenFor('GRID_WORKER', [micro.code]), RESTOCK, { input: { driveId: drive.id, items } }),
    ).toBe('FORBIDDEN');
    await ask(worker, CLOSE, { input: { driveId: drive.id } });
    expect(await restock(worker)).toBe('DRIVE_CLOSED');
    expect(await stockOf(alarm.id)).toBe(10);
  });
});

describe('closeCareDrive', () => {
  it('closes an open drive once, keeps its deliveries and progress, and refuses visits after it', async () => {
    const { drive } = await addDrive();
    const [first, second, third] = homeTargets;
    const me = await volunteerToken(volunteer);
    await ask(me, RECORD, { input: { driveId: drive.id, personId: first!.id, outcome: 'DELIVERED' } });
    await ask(worker, RECORD, {
      input: { driveId: drive.id, personId: second!.id, outcome: 'NOT_HOME', followUpRequested: true },
    });
    const before = (await ask(worker, DRIVE, { id: drive.id })).careDrive;

    const closed = (await ask(worker, CLOSE, { input: { driveId: drive.id, note: '  物资发放完毕，转入日常走访  ' } }))
      .closeCareDrive;
    expect(closed.userErrors).toEqual([]);
    expect(closed.drive).toMatchObject({
      id: drive.id,
      status: 'CLOSED',
      closedBy: 'worker-drive',
      closeNote: '物资发放完毕，转入日常走访',
    });
    expect(Math.abs(Date.parse(closed.drive.closedAt) - Date.now())).toBeLessThan(60_000);

    const after = (await ask(worker, DRIVE, { id: drive.id })).careDrive;
    expect(after).toEqual({
      ...before,
      status: 'CLOSED',
      closedAt: closed.drive.closedAt,
      closedBy: 'worker-drive',
      closeNote: '物资发放完毕，转入日常走访',
    });
    expect(after.deliveries.totalCount).toBe(2);

    // No visit after the close, by a worker or a volunteer, for a new target or a second try.
    const refused = { code: 'DRIVE_CLOSED', field: ['input', 'driveId'], message: '该爱心包活动已结束' };
    expect(
      (await ask(worker, RECORD, { input: { driveId: drive.id, personId: third!.id, outcome: 'DELIVERED' } }))
        .recordCareDelivery,
    ).toEqual({ delivery: null, userErrors: [refused] });
    expect(
      errorCode(await ask(me, RECORD, { input: { driveId: drive.id, personId: second!.id, outcome: 'DELIVERED' } })),
    ).toBe('DRIVE_CLOSED');
    expect(
      errorCode(await ask(me, RECORD, { input: { driveId: drive.id, personId: third!.id, outcome: 'REFUSED' } })),
    ).toBe('DRIVE_CLOSED');
    expect(await volunteers.db.dataSource.getRepository(CareDelivery).countBy({ driveId: drive.id })).toBe(2);
    expect((await ask(worker, DRIVE, { id: drive.id })).careDrive).toEqual(after);

    expect((await ask(worker, CLOSE, { input: { driveId: drive.id } })).closeCareDrive.userErrors).toEqual([
      { code: 'DRIVE_ALREADY_CLOSED', field: ['input', 'driveId'], message: '该爱心包活动已结束，不能重复结束' },
    ]);
    expect(ids((await ask(worker, LIST, { filter: { status: ['CLOSED'] }, first: 100 })).careDrives)).toContain(
      drive.id,
    );
  });

  it('two closes at once give one winner, whose close is the one recorded', async () => {
    const { drive } = await addDrive();
    const tokens = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((name) => tokenFor('COMMUNITY_WORKER', [community], { subject: `worker-${name}` })),
    );
    const answers = await Promise.all(
      tokens.map((token, index) => ask(token, CLOSE, { input: { driveId: drive.id, note: `第 ${index + 1} 位` } })),
    );
    const won = answers.filter((answer) => answer.closeCareDrive.drive !== null);
    expect(won).toHaveLength(1);
    expect(answers.map(errorCode).filter((found) => found !== null)).toEqual(
      Array.from({ length: 4 }, () => 'DRIVE_ALREADY_CLOSED'),
    );
    const winner = won[0]!.closeCareDrive.drive;
    const row = await volunteers.db.dataSource.getRepository(CareDrive).findOneByOrFail({ id: drive.id });
    expect({
      status: row.status,
      closedBy: row.closedBy,
      closeNote: row.closeNote,
      closedAt: row.closedAt?.toISOString(),
    }).toEqual({ status: 'CLOSED', closedBy: winner.closedBy, closeNote: winner.closeNote, closedAt: winner.closedAt });
  });

  it('a close racing deliveries leaves each delivery either recorded before it or refused, with stock to match', async () => {
    const { drive, alarm } = await addDrive();
    const deliver = (person: DemoPerson) =>
      ask(worker, RECORD, { input: { driveId: drive.id, personId: person.id, outcome: 'DELIVERED' } });
    const [closed, ...deliveries] = await Promise.all([
      ask(worker, CLOSE, { input: { driveId: drive.id } }),
      ...homeTargets.map(deliver),
    ]);
    expect(closed!.closeCareDrive.userErrors).toEqual([]);
    const recorded = deliveries.filter((answer) => answer.recordCareDelivery.delivery !== null).length;
    expect(deliveries.map(errorCode).filter((found) => found !== null)).toEqual(
      Array.from({ length: homeTargets.length - recorded }, () => 'DRIVE_CLOSED'),
    );
    expect(await volunteers.db.dataSource.getRepository(CareDelivery).countBy({ driveId: drive.id })).toBe(recorded);
    expect(await stockOf(alarm.id)).toBe(10 - recorded);
  });

  it('refuses a long note, a drive out of scope or unknown, and anyone but a worker of the community', async () => {
    const { drive } = await addDrive();
    const close = async (token: string, input: Record<string, unknown> = {}) =>
      errorCode(await ask(token, CLOSE, { input: { driveId: drive.id, ...input } }));
    expect(
      (await ask(worker, CLOSE, { input: { driveId: drive.id, note: '长'.repeat(201) } })).closeCareDrive.userErrors,
    ).toEqual([{ code: 'INVALID_NOTE', field: ['input', 'note'], message: '备注不能超过 200 个字' }]);
    expect(await close(worker, { driveId: 'no-such-drive' })).toBe('DRIVE_NOT_FOUND');
    expect(await close(await tokenFor('COMMUNITY_WORKER', [otherCommunity]))).toBe('DRIVE_NOT_FOUND');
    expect(await close(await volunteerToken(volunteer))).toBe('NOT_DRIVE_MANAGER');
    expect(await refusedWith(await tokenFor('ANALYST', [STREET]), CLOSE, { input: { driveId: drive.id } })).toBe(
      'FORBIDDEN',
    );
    expect((await volunteers.db.dataSource.getRepository(CareDrive).findOneByOrFail({ id: drive.id })).status).toBe(
      'OPEN',
    );
    expect((await ask(worker, CLOSE, { input: { driveId: drive.id, note: '' } })).closeCareDrive.drive).toMatchObject({
      status: 'CLOSED',
      closeNote: null,
    });
  });
});
