import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from '../people/private-file.js';

/** Backups hold the register: their folder is the owner's only. */
export const PRIVATE_FOLDER_MODE = 0o700;
export const MANIFEST_FILE = 'manifest.json';

const databaseEntry = z.object({
  subgraph: z.enum(['people', 'grids', 'volunteers', 'events']),
  kind: z.enum(['sqlite', 'mysql']),
  /** The file in the backup folder: a SQLite database, or an SQL dump. */
  file: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Rows per table, as the backup file holds them. */
  tables: z.record(z.string(), z.number().int().min(0)),
});

export const manifestSchema = z.object({
  format: z.literal(1),
  /** When the backup started: every write acknowledged before it is in the backup. */
  startedAt: z.string(),
  finishedAt: z.string(),
  databases: z.array(databaseEntry),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof databaseEntry>;

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeManifest(folder: string, manifest: Manifest): Promise<void> {
  await writePrivateFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest of a backup folder; throws one line when it is missing or unreadable. */
export async function readManifest(folder: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_FILE), 'utf8');
  } catch {
    throw new Error(`不是备份文件夹：${folder} 中没有 ${MANIFEST_FILE}`);
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`备份清单无法识别：${join(folder, MANIFEST_FILE)}`);
  return parsed.data;
}

/** Rows in every table but TypeORM's record of migrations, which a freshly migrated empty database already has. */
export function dataRows(tables: Record<string, number>): number {
  return Object.entries(tables)
    .filter(([table]) => table !== 'migrations' && table !== 'typeorm_metadata')
    .reduce((sum, [, rows]) => sum + rows, 0);
}
