/**
 * Measures the bulk import against a running platform (`npm start`, e.g. on MariaDB):
 *   npx tsx scripts/people/measure-import.ts --gateway http://127.0.0.1:4000/graphql \
 *     --metrics http://127.0.0.1:4001/metrics [--rows 20000] [--batch 1000] [--parallel 3]
 * Writes a CSV of new residents into a temporary folder, imports it twice through the
 * gateway (the second run must add nothing) and prints rows per second and the people
 * database's SQL statements per 1,000 rows (read from the subgraph's /metrics).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '../../subgraphs/kit/src/auth.js';
import { createGraphClient } from '../../subgraphs/kit/src/graph-client.js';
import { makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { importFile } from './import-file.js';

const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    metrics: { type: 'string', default: 'http://127.0.0.1:4001/metrics' },
    rows: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '1000' },
    parallel: { type: 'string', default: '3' },
    street: { type: 'string', default: '510116001' },
  },
});
const rows = Number(values.rows);
const token = await signDevToken(
  { subject: 'import-benchmark', roles: ['INTEGRATION'], scopes: [values.street] },
  { AUTH_ISSUER: 'grid-governance', AUTH_AUDIENCE: 'grid-graph', AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET },
);

async function statements(): Promise<number> {
  const text = await (await fetch(values.metrics)).text();
  return Number(/^sql_statements_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

const { grids } = await createGraphClient(values.gateway).request<{ grids: { edges: { node: { code: string } }[] } }>(
  'query($area: ID) { grids(areaCode: $area, type: MICRO, first: 100) { edges { node { code } } } }',
  { area: values.street },
  `Bearer ${token}`,
);
const codes = grids.edges.map((edge) => edge.node.code);
const dir = await mkdtemp(join(tmpdir(), 'people-import-benchmark-'));
const file = join(dir, 'residents.csv');
// Address code 510132 and birth dates in 1930–1959 keep these numbers apart from the demo's.
const started = Date.UTC(1930, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000;
const lines = ['姓名,身份证号,联系电话,人口类型,网格编码,人群标签'];
for (let index = 0; index < rows; index += 1) {
  const birth = new Date(started + Math.floor(index / 1000) * 86_400_000).toISOString().slice(0, 10);
  lines.push(
    `测试居民,${makeIdNumber('510132', birth, index % 1000)},139${String(index).padStart(8, '0')},${['户籍', '常住', '流动'][index % 3]},${codes[index % codes.length]},${index % 9 ? '' : '党员'}`,
  );
}
await writeFile(file, `${lines.join('\n')}\n`);

try {
  for (const run of ['first run (new rows)', 'second run (same file)']) {
    const before = await statements();
    const begun = performance.now();
    const summary = await importFile({
      file,
      gatewayUrl: values.gateway,
      token,
      mode: 'CREATE_ONLY',
      batchSize: Number(values.batch),
      concurrency: Number(values.parallel),
    });
    const seconds = (performance.now() - begun) / 1000;
    const used = (await statements()) - before;
    console.log(
      `${run}: ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s; created ${summary.created}, unchanged ${summary.unchanged}, failed ${summary.failed}; ` +
        `${used} SQL statements = ${((used / rows) * 1000).toFixed(1)} per 1,000 rows`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
