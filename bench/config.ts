import { totalmem } from 'node:os';
import { z } from 'zod';
import { parseConfig } from '../subgraphs/kit/src/config.js';

const list = <T extends z.ZodType>(item: T) =>
  z.string().transform((value, ctx) => {
    const parsed = z.array(item).safeParse(
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    );
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list' });
      return z.NEVER;
    }
    return parsed.data as z.infer<T>[];
  });

/** Benchmark settings, from the environment. */
export const benchConfig = parseConfig(
  z.object({
    BENCH_MYSQL_URL: z.string().startsWith('mysql://').default('mysql://root@127.0.0.1:3306'),
    /** Residents at street scale, and the sizes of the growth comparison. */
    BENCH_STREET: z.coerce.number().int().min(1000).default(156_000),
    BENCH_GROWTH: list(z.coerce.number().int().min(1000)).default([10_000, 156_000, 1_000_000]),
    /**
     * Residents per community: a larger city has more communities of this size, not denser
     * ones. The default is street scale's density, 156,000 residents in 37 communities.
     */
    BENCH_COMMUNITY_RESIDENTS: z.coerce
      .number()
      .int()
      .min(100)
      .default(Math.round(156_000 / 37)),
    BENCH_CONNECTIONS: list(z.coerce.number().int().min(1)).default([10, 50]),
    BENCH_DURATION_SECONDS: z.coerce.number().min(1).default(10),
    BENCH_WARMUP_SECONDS: z.coerce.number().min(0).default(3),
    /** Worker processes for our gateway and the peer gateway alike. */
    BENCH_GATEWAY_WORKERS: z.coerce.number().int().min(1).default(2),
    /** Old-generation cap of every service (Node's --max-old-space-size), as in production. */
    BENCH_HEAP_MB: z.coerce.number().int().min(64).default(160),
    /**
     * InnoDB buffer pool for the run, in MB (0 leaves the server as it is). MariaDB's
     * default, 128 MB, holds a fifth of street scale, so every figure would measure page
     * reads; production sizes the pool to the data. The old size is restored at the end.
     * 4 GB holds the million-resident world; never more than a quarter of this machine's
     * memory, when the database runs beside the benchmark.
     */
    BENCH_BUFFER_POOL_MB: z.coerce
      .number()
      .int()
      .min(0)
      .default(Math.min(4096, Math.floor(totalmem() / 4 / 1024 ** 2))),
    BENCH_PORT_BASE: z.coerce.number().int().min(1024).max(65000).default(4300),
    BENCH_SEED: z.coerce.number().int().default(20261129),
    /** Only these operations (names from bench/operations.ts); all when unset. */
    BENCH_OPERATIONS: list(z.string().min(1)).optional(),
    /** Reuse databases an earlier run filled with the same size and seed, instead of refilling. */
    BENCH_REUSE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    /** Skip the growth comparison (it fills a million residents). */
    BENCH_SKIP_GROWTH: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
  }),
);

export type BenchConfig = typeof benchConfig;

export const BENCH_SECRET = 'benchmark-secret-not-for-production-use';
