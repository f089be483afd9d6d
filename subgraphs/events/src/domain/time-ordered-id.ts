import { randomBytes } from 'node:crypto';

/**
 * A UUID of version 7 (RFC 9562): 48 bits of Unix milliseconds first, then 12 bits of
 * sequence and 62 random bits. As text such ids sort in the order they were made, so a
 * page "newest first" or "oldest first" is a keyset on the primary key alone.
 */
export function timeOrderedId(milliseconds: number, sequence: number, random: Uint8Array): string {
  const bytes = new Uint8Array(16);
  let rest = Math.max(0, Math.floor(milliseconds));
  for (let index = 5; index >= 0; index -= 1) {
    bytes[index] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  bytes[6] = 0x70 | ((sequence >> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  bytes.set(random.subarray(0, 8), 8);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Ids of one process in the order they were asked for, even within one millisecond or
 * while a test clock stands still: the sequence counts up inside a millisecond, and a
 * clock that goes back keeps the last millisecond used.
 */
export function createIdSequence(random: () => Uint8Array = () => randomBytes(8)): (at: Date) => string {
  let lastMilliseconds = -1;
  let sequence = 0;
  return (at) => {
    let milliseconds = at.getTime();
    if (milliseconds <= lastMilliseconds) {
      milliseconds = lastMilliseconds;
      sequence += 1;
      if (sequence > 0xfff) {
        milliseconds += 1;
        sequence = 0;
      }
    } else {
      sequence = 0;
    }
    lastMilliseconds = milliseconds;
    return timeOrderedId(milliseconds, sequence, random());
  };
}
