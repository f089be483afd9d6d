import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { storedNow } from '../../../kit/src/time.js';
import type { PiiField } from '../domain/privacy.js';
import { PiiAccessLog, type PiiAccessLogEntity } from '../entities/pii-access-log.js';

export interface PiiRead {
  personId: string;
  areaCode: string;
  field: PiiField;
  /** A purpose code of the catalogue, or SELF_ACCESS. */
  purpose: string;
  /** The note declared with it, if any. */
  note: string | null;
  /** The person read their own record. */
  selfAccess: boolean;
}

const ROWS_PER_STATEMENT = 500;

/**
 * The access log of one request: no mutation, but the one write a read makes (every
 * unmasked read is logged), so it sits with the writes. Unmasked reads resolved together
 * (a page of 100 people with their numbers and phones) become one row per person,
 * purpose and note (a self-access is a row of its own), written in one multi-row INSERT; a field
 * is served in full only after its row is written, so a read that cannot be logged is
 * not served.
 */
export function createPiiLog(dataSource: DataSource, viewer: Viewer): DataLoader<PiiRead, true, string> {
  return new DataLoader<PiiRead, true, string>(
    async (reads) => {
      // Whole seconds, as stored: the log's cursors compare what is stored.
      const accessedAt = storedNow();
      const rows = new Map<string, PiiAccessLogEntity>();
      for (const read of reads) {
        const key = `${read.personId}|${read.purpose}|${read.note ?? ''}|${read.selfAccess}`;
        const row = rows.get(key);
        if (row) {
          if (!row.fields.split(',').includes(read.field)) row.fields = `${row.fields},${read.field}`;
          continue;
        }
        rows.set(key, {
          id: randomUUID(),
          viewerSubject: viewer.subject,
          viewerRoles: viewer.roles.join(','),
          personId: read.personId,
          areaCode: read.areaCode,
          fields: read.field,
          purpose: read.purpose,
          note: read.note,
          selfAccess: read.selfAccess,
          accessedAt,
        });
      }
      const values = [...rows.values()];
      for (let index = 0; index < values.length; index += ROWS_PER_STATEMENT) {
        await dataSource
          .createQueryBuilder()
          .insert()
          .into(PiiAccessLog)
          .values(values.slice(index, index + ROWS_PER_STATEMENT))
          .updateEntity(false)
          .execute();
      }
      return reads.map(() => true as const);
    },
    { cacheKeyFn: (read) => `${read.personId}|${read.field}|${read.purpose}|${read.note ?? ''}|${read.selfAccess}` },
  );
}
