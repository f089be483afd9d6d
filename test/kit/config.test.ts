import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { gatewayConfigSchema } from '../../gateway/src/config.js';
import { parseConfig } from '../../subgraphs/kit/src/config.js';
import { subgraphConfigSchema } from '../../subgraphs/kit/src/service.js';

const stop = (line: string): never => {
  throw new Error(line);
};

describe('configuration', () => {
  it('gives every setting a default, so a fresh checkout starts on SQLite', () => {
    const config = parseConfig(subgraphConfigSchema('people'), {}, stop);
    expect(config.port).toBe(4001);
    expect(config.databaseUrl).toBe('sqlite:data/people.sqlite');
    expect(config.DEMO_DATA).toBe(true);
  });

  it('stops on a bad value with one line naming the variable', () => {
    expect(() => parseConfig(subgraphConfigSchema('events'), { EVENTS_PORT: 'eighty' }, stop)).toThrow(
      /^config error: EVENTS_PORT: /,
    );
    expect(() => parseConfig(subgraphConfigSchema('grids'), { GRIDS_DATABASE_URL: 'postgres://x' }, stop)).toThrow(
      'config error: GRIDS_DATABASE_URL: must start with sqlite: or mysql://',
    );
    expect(() => parseConfig(gatewayConfigSchema, { QUERY_MAX_DEPTH: '1' }, stop)).toThrow(
      /^config error: QUERY_MAX_DEPTH: /,
    );
    expect(() =>
      parseConfig(z.object({ AUTH_JWT_SECRET: z.string().min(16) }), { AUTH_JWT_SECRET: 'short' }, stop),
    ).toThrow(/AUTH_JWT_SECRET/);
  });

  it('a service started with a bad value exits with that one line', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'subgraphs/grids/src/main.ts'], {
      env: { ...process.env, GRIDS_PORT: '99999' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^config error: GRIDS_PORT: .+$/);
  });
});
