import { randomBytes } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): a millisecond timestamp first, so ids sort in the order rows were
 * made. Pages of a volunteer's ledger, enrolments and redemptions are keyset pages by
 * id, and read oldest first because of it. Within one millisecond a counter keeps ids
 * of this process increasing.
 */
export function formatUuidV7(milliseconds: number, counter: number, random: Buffer): string {
  const time = milliseconds.toString(16).padStart(12, '0').slice(-12);
  const versionAndCounter = (0x7000 | (counter & 0xfff)).toString(16);
  const variant = ((random[0] ?? 0) & 0x3f) | 0x80;
  const tail = Buffer.concat([Buffer.from([variant]), random.subarray(1, 8)]).toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8)}-${versionAndCounter}-${tail.slice(0, 4)}-${tail.slice(4, 16)}`;
}

let lastMilliseconds = 0;
let counter = 0;

export function newId(now: number = Date.now()): string {
  if (now > lastMilliseconds) {
    lastMilliseconds = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMilliseconds += 1;
    counter = 0;
  }
  return formatUuidV7(lastMilliseconds, counter, randomBytes(8));
}
