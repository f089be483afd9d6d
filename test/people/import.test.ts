import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoGrid } from '../../subgraphs/kit/src/demo/world.js';
import { makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { Person } from '../../subgraphs/people/src/entities/person.js';
import { PersonTag } from '../../subgraphs/people/src/entities/person-tag.js';
import { ResidenceMove } from '../../subgraphs/people/src/entities/residence-move.js';
import { graphql, tokenFor } from '../support/graphql.js';
import {
  gridOf,
  idNumberSource,
  residentsUnder,
  SANYIQIAO,
  statementsDuring,
  usePeople,
  world,
  ZIDONGGE,
} from './support.js';

const env = usePeople();
let worker: string;
let streetAdmin: string;

beforeAll(async () => {
  worker = await tokenFor('COMMUNITY_WORKER', [SANYIQIAO]);
  streetAdmin = await tokenFor('INTEGRATION', ['510116001']);
});

const IMPORT = `mutation($rows: [PersonImportRow!]!, $mode: ImportMode) {
  importPeople(rows: $rows, mode: $mode) {
    created updated unchanged failed
    results { rowNumber outcome person { id name phone tags { code occupation } grid { code } } userErrors { code field message } }
    userErrors { code field message }
  }
}`;
const runImport = async (rows: Record<string, unknown>[], mode = 'CREATE_ONLY', token = worker) => {
  const response = await graphql(env.url, IMPORT, { token, variables: { rows, mode } });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.importPeople;
};
const counts = async () => {
  const { dataSource } = env.services.people.db;
  return {
    people: await dataSource.getRepository(Person).count(),
    tags: await dataSource.getRepository(PersonTag).count(),
    moves: await dataSource.getRepository(ResidenceMove).count(),
  };
};

let micro: DemoGrid;
beforeAll(() => {
  micro = gridOf('MICRO', SANYIQIAO);
});
const fresh = idNumberSource('510116');
const withWrongCheck = (idNumber: string) => `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
let born = 0;
/** A valid row of an elder born on a day of 1950 no other row has. */
const good = (changes: Record<string, unknown> = {}) => ({
  name: '刘德明',
  idNumber: fresh(new Date(Date.UTC(1950, 0, 1 + (born++ % 365))).toISOString().slice(0, 10)),
  gridCode: micro.code,
  phone: '13812345678',
  residencyType: '户籍',
  tags: '空巢老人',
  ...changes,
});

describe('importing rows', () => {
  it('saves the good rows and reports each bad one by its row number, code and field', async () => {
    const before = await counts();
    const duplicated = fresh('1961-06-06');
    const rows = [
      good({ rowNumber: 2 }),
      good({ rowNumber: 3, idNumber: withWrongCheck(fresh()) }),
      good({ rowNumber: 4, idNumber: makeIdNumber('510116', '1999-02-31', 11) }),
      good({ rowNumber: 5, idNumber: '510116500304123' }),
      good({ rowNumber: 6, phone: '138123456' }),
      good({ rowNumber: 7, tags: '空巢老人、火星人' }),
      good({ rowNumber: 8, gridCode: gridOf('MICRO', ZIDONGGE).code }),
      good({ rowNumber: 9, name: '' }),
      good({ rowNumber: 10, idNumber: duplicated, name: '王一' }),
      good({ rowNumber: 11, idNumber: duplicated.toLowerCase(), name: '王二' }),
      good({ rowNumber: 12, gender: '未知' }),
      good({ rowNumber: 13, tags: '新就业形态劳动者', occupation: '外卖员', birthDate: '', residencyType: '流动' }),
      good({ rowNumber: 14, gridCode: undefined }),
    ];
    const result = await runImport(rows);
    const byRow = Object.fromEntries(
      result.results.map(
        (row: { rowNumber: number; outcome: string; userErrors: { code: string; field: string[] }[] }) => [
          row.rowNumber,
          row.outcome === 'FAILED'
            ? row.userErrors.map((error) => `${error.code}@${error.field.join('.')}`)
            : row.outcome,
        ],
      ),
    );
    expect(byRow).toEqual({
      2: 'CREATED',
      3: ['INVALID_ID_NUMBER@idNumber'],
      4: ['INVALID_ID_NUMBER@idNumber'],
      5: ['INVALID_ID_NUMBER@idNumber'],
      6: ['INVALID_PHONE@phone'],
      7: ['UNKNOWN_TAG@tags'],
      8: ['GRID_NOT_FOUND@gridCode'],
      9: ['INVALID_NAME@name'],
      10: 'CREATED',
      11: ['DUPLICATE_IN_FILE@idNumber'],
      12: ['INVALID_GENDER@gender'],
      13: 'CREATED',
      14: ['GRID_NOT_FOUND@gridCode'],
    });
    const messages = result.results.flatMap((row: { userErrors: { message: string }[] }) =>
      row.userErrors.map((error) => error.message),
    );
    expect(messages.join('\n')).toMatch(/校验码[\s\S]*出生日期[\s\S]*15 位[\s\S]*手机号[\s\S]*火星人[\s\S]*第 10 行/);
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0, failed: 10 });
    expect(result.results[0].person).toMatchObject({
      name: '刘德明',
      phone: '138****5678',
      tags: [{ code: 'EMPTY_NEST_ELDER', occupation: null }],
      grid: { code: micro.code },
    });
    expect(result.results[11].person.tags).toEqual([{ code: 'NEW_EMPLOYMENT_WORKER', occupation: 'DELIVERY_RIDER' }]);
    expect(await counts()).toEqual({ people: before.people + 3, tags: before.tags + 3, moves: before.moves });
  });

  it('adds nothing when the same rows come again', async () => {
    const rows = [good({ rowNumber: 2 }), good({ rowNumber: 3 })];
    const first = await runImport(rows);
    expect(first).toMatchObject({ created: 2, failed: 0 });
    const before = await counts();
    for (const mode of ['CREATE_ONLY', 'UPSERT']) {
      const again = await runImport(rows, mode);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
      expect(again.results.map((row: { person: { id: string } }) => row.person.id)).toEqual(
        first.results.map((row: { person: { id: string } }) => row.person.id),
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('updates changed records in UPSERT, keeping tag history and recording the move, and refuses them in CREATE_ONLY', async () => {
    const row = good({ rowNumber: 2, tags: '党员' });
    const created = (await runImport([row])).results[0].person;
    const elsewhere = world().grids.filter((grid) => grid.type === 'MICRO' && grid.communityCode === SANYIQIAO)[1]!;
    const changed = { ...row, phone: '13987654321', tags: '退役军人', gridCode: elsewhere.code };
    const refused = await runImport([changed], 'CREATE_ONLY');
    expect(refused.results[0].userErrors).toMatchObject([
      { code: 'DUPLICATE_ID_NUMBER', field: ['idNumber'], message: expect.stringContaining(created.id) },
    ]);
    const before = await counts();
    const updated = await runImport([changed], 'UPSERT');
    expect(updated).toMatchObject({ updated: 1, failed: 0 });
    expect(updated.results[0].person).toMatchObject({
      id: created.id,
      phone: '139****4321',
      tags: [{ code: 'VETERAN' }],
      grid: { code: elsewhere.code },
    });
    expect(await counts()).toEqual({ people: before.people, tags: before.tags + 1, moves: before.moves + 1 });
    const tags = await env.services.people.db.dataSource.getRepository(PersonTag).findBy({ personId: created.id });
    expect(tags.map((tag) => [tag.code, tag.until === null, tag.areaCode]).sort()).toEqual([
      ['PARTY_MEMBER', false, micro.code],
      ['VETERAN', true, elsewhere.code],
    ]);
  });

  it('creates each person once when two imports of the same rows race', async () => {
    const rows = [good({ rowNumber: 2 }), good({ rowNumber: 3 }), good({ rowNumber: 4 })];
    const before = await counts();
    const [first, second] = await Promise.all([runImport(rows), runImport(rows)]);
    expect(first.created + second.created).toBe(3);
    expect(first.unchanged + second.unchanged).toBe(3);
    expect(first.failed + second.failed).toBe(0);
    expect(await counts()).toMatchObject({ people: before.people + 3 });
  });

  it('refuses a record held outside the viewer’s scope without naming it', async () => {
    const neighbour = residentsUnder(ZIDONGGE)[0]!;
    const result = await runImport([good({ idNumber: neighbour.idNumber })], 'UPSERT');
    expect(result.results[0].userErrors).toEqual([
      { code: 'DUPLICATE_ID_NUMBER', field: ['idNumber'], message: '该身份证号已登记，已有记录不在您的查看范围内' },
    ]);
  });

  it('refuses more than 1,000 rows at once and writes nothing', async () => {
    const before = await counts();
    const result = await runImport(Array.from({ length: 1001 }, () => good()));
    expect(result.userErrors).toEqual([
      { code: 'TOO_MANY_ROWS', field: ['rows'], message: '每次最多导入 1000 行，本次 1001 行' },
    ]);
    expect(result.results).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('is for writers only', async () => {
    const analyst = await tokenFor('ANALYST', [SANYIQIAO]);
    const { errors } = await graphql(env.url, IMPORT, { token: analyst, variables: { rows: [good()] } });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('import statements', () => {
  it('writes 100 rows and 1,000 rows with the same few statements', async () => {
    const fresh1000 = idNumberSource('510112');
    const micros = ['510116001001', ZIDONGGE].map((community) => gridOf('MICRO', community).code);
    const batch = (size: number) =>
      Array.from({ length: size }, (_, index) => ({
        name: '批量导入',
        idNumber: fresh1000(
          `19${String(40 + (index % 50)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
          index % 2 ? 'MALE' : 'FEMALE',
        ),
        gridCode: micros[index % 2],
        tags: index % 3 ? '' : '党员',
      }));
    const statements = async (size: number, mode = 'CREATE_ONLY') => {
      let result: Record<string, number> = {};
      const count = await statementsDuring(env.services.people, async () => {
        result = await runImport(batch(size), mode, streetAdmin);
      });
      expect(result.created).toBe(size);
      return count;
    };
    const hundred = await statements(100);
    const thousand = await statements(1000);
    // The tag catalogue, the records holding the numbers, BEGIN, people, tags, COMMIT, and
    // one more for the tags of the people the payload shows.
    expect(hundred).toBe(7);
    expect(thousand).toBe(hundred);
  });

  it('updates 1,000 changed records (phones, tags, places) with as few statements as 100', async () => {
    const fresh1000 = idNumberSource('510113');
    const [from, to] = world().grids.filter((grid) => grid.type === 'MICRO' && grid.communityCode === ZIDONGGE);
    const rows = (size: number) =>
      Array.from({ length: size }, (_, index) => ({
        name: '批量更新',
        idNumber: fresh1000(`19${String(40 + (index % 50)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`),
        gridCode: from!.code,
        tags: '党员',
        phone: '13800000000',
      }));
    const statements = async (size: number) => {
      const batch = rows(size);
      expect((await runImport(batch, 'CREATE_ONLY', streetAdmin)).created).toBe(size);
      const changed = batch.map((row) => ({ ...row, gridCode: to!.code, tags: '退役军人', phone: '13900000000' }));
      let updated = 0;
      const count = await statementsDuring(env.services.people, async () => {
        updated = (await runImport(changed, 'UPSERT', streetAdmin)).updated;
      });
      expect(updated).toBe(size);
      return count;
    };
    const hundred = await statements(100);
    // Catalogue, records, their tags, BEGIN, people upsert, tags closed, tags moved, tags
    // opened, moves, COMMIT, and the payload's tags.
    expect(hundred).toBe(11);
    expect(await statements(1000)).toBe(hundred);
  });
});
