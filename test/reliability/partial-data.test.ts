import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_GRID_CODE } from '../../scripts/example-query.js';
import { generateWorld } from '../../subgraphs/kit/src/demo/world.js';
import { GridOverviewDocument } from '../generated/graphql.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { TEST_RESIDENTS, TEST_SEED } from '../support/subgraph.js';

/**
 * The README's overview query with the volunteers subgraph stopped for real: the grid, its
 * staff, residents and events still come back; the fields volunteers resolves are null,
 * each with a SUBGRAPH_UNAVAILABLE error that names the service and the field's path.
 */
const world = generateWorld({ seed: TEST_SEED, residents: TEST_RESIDENTS });
const grid = world.grids.find((row) => row.code === EXAMPLE_GRID_CODE)!;
const REQUESTS = 48;
const BREAKER_FAILURES = 5;

const logLines: string[] = [];
const gatewayLogger = pino({ name: 'gateway', level: 'info' }, { write: (line: string) => void logLines.push(line) });
let platform: Platform;
let token: string;

beforeAll(async () => {
  platform = await startPlatform(
    // A cool-down longer than the test: the circuit opens once and stays open.
    { SUBGRAPH_BREAKER_FAILURES: String(BREAKER_FAILURES), SUBGRAPH_BREAKER_COOLDOWN_MS: '600000' },
    { gatewayLogger },
  );
  token = await tokenFor('STREET_ADMIN', ['510116001']);
});
afterAll(() => platform?.stop());

const byPath = <E extends { path?: (string | number)[] }>(errors: E[]) =>
  [...errors].sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));

const overview = () =>
  graphql(platform.gatewayUrl, GridOverviewDocument, { token, variables: { code: EXAMPLE_GRID_CODE } });

describe('one subgraph down leaves the rest of the answer standing', () => {
  it('answers the overview in full while every subgraph is up', async () => {
    const { data, errors } = await overview();
    expect(errors).toBeUndefined();
    expect(data?.gridByCode?.activities?.totalCount).toBeGreaterThan(0);
  });

  it(`answers ${REQUESTS} overview queries with volunteers stopped: the grid with activities null and errors naming volunteers and the path`, async () => {
    await platform.stopSubgraph('volunteers');
    const counts = { sent: 0, ok: 0, partial: 0, failed: 0 };
    const residents = world.people.filter((row) => row.areaCode.startsWith(EXAMPLE_GRID_CODE)).length;
    for (let request = 0; request < REQUESTS; request += 1) {
      counts.sent += 1;
      const { status, data, errors } = await overview();
      const overviewGrid = data?.gridByCode;
      if (!overviewGrid) counts.failed += 1;
      else if (errors?.length) counts.partial += 1;
      else counts.ok += 1;
      expect(status).toBe(200);
      // What the other three subgraphs resolve is all there.
      expect(overviewGrid?.name).toBe(grid.name);
      expect(overviewGrid?.community).toEqual({ name: '三义桥社区', parent: { name: '东升街道' } });
      expect(overviewGrid?.staff.length).toBeGreaterThan(0);
      expect(overviewGrid?.residents?.totalCount).toBe(residents);
      expect(overviewGrid?.events?.totalCount).toBe(
        world.events.filter((row) => row.areaCode.startsWith(EXAMPLE_GRID_CODE)).length,
      );
      // What volunteers resolves is null, with one error per field that names it.
      expect(overviewGrid?.activities).toBeNull();
      const shown = overviewGrid?.residents?.edges ?? [];
      expect(shown).toHaveLength(3);
      for (const edge of shown) expect(edge.node.volunteer).toBeNull();
      const unavailable = (path: (string | number)[]) => ({
        message: '志愿服务服务暂时不可用，这部分数据暂缺，请稍后重试',
        path,
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'volunteers' },
      });
      expect(byPath(errors ?? [])).toEqual(
        byPath([
          unavailable(['gridByCode', 'activities']),
          ...shown.map((_, index) => unavailable(['gridByCode', 'residents', 'edges', index, 'node', 'volunteer'])),
        ]),
      );
    }
    console.info(`volunteers stopped: ${JSON.stringify(counts)}`);
    expect(counts).toEqual({ sent: REQUESTS, ok: 0, partial: REQUESTS, failed: 0 });
  });

  it('logs each refused call once at warn with no stack, then the circuit opening, and nothing at error', () => {
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logLines.join('\n')).not.toMatch(/"stack"|\n\s+at |\\n\s+at /);
    expect(entries.filter((entry) => Number(entry.level) >= 50)).toEqual([]);
    const unavailable = entries.filter((entry) => entry.msg === 'subgraph unavailable');
    // The circuit opened after BREAKER_FAILURES refusals; later requests failed fast, unlogged.
    expect(unavailable).toHaveLength(BREAKER_FAILURES);
    for (const entry of unavailable)
      expect(entry).toMatchObject({ level: 40, service: 'volunteers', reason: 'refused' });
    const opened = entries.filter((entry) => entry.msg === 'subgraph circuit opened: failing its requests fast');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ level: 40, service: 'volunteers', failures: BREAKER_FAILURES });
  });
});
