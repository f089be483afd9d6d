/**
 * 网格赶考: a drill sends DRILL events to micro-grid workers picked at random and ranks
 * communities by how fast their workers respond. The pick is seedable, so a drill can be
 * replayed and a test knows who is picked.
 */
export const MAX_DRILL_WORKERS = 200;

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` distinct candidates, drawn by a seeded Fisher–Yates shuffle of the candidates sorted by id. */
export function pickAtRandom<T extends { id: string }>(candidates: readonly T[], count: number, seed: number): T[] {
  const pool = [...new Map(candidates.map((candidate) => [candidate.id, candidate])).values()].sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  const random = seededRandom(seed);
  for (let index = pool.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [pool[index], pool[other]] = [pool[other] as T, pool[index] as T];
  }
  return pool.slice(0, count);
}

/** One community's results, as the ranking statement aggregates them. */
export interface CommunityDrillResult {
  communityCode: string;
  workers: number;
  accepted: number;
  feedbackSubmitted: number;
  averageSecondsToAccept: number | null;
  averageSecondsToFeedback: number | null;
}

export interface RankedCommunity extends CommunityDrillResult {
  rank: number;
}

/** Shorter first; no time at all (nobody got that far) last. */
function slower(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

/**
 * Ranks communities: the larger share of workers who submitted feedback first, then the
 * larger share who accepted, then the shorter average time to feedback and to accept.
 * Equal results share a rank (1, 2, 2, 4).
 */
export function rankCommunities(results: readonly CommunityDrillResult[]): RankedCommunity[] {
  const compare = (a: CommunityDrillResult, b: CommunityDrillResult) =>
    b.feedbackSubmitted / b.workers - a.feedbackSubmitted / a.workers ||
    b.accepted / b.workers - a.accepted / a.workers ||
    slower(a.averageSecondsToFeedback, b.averageSecondsToFeedback) ||
    slower(a.averageSecondsToAccept, b.averageSecondsToAccept);
  const sorted = [...results].sort((a, b) => compare(a, b) || (a.communityCode < b.communityCode ? -1 : 1));
  return sorted.map((result, index) => {
    const tiedWith = sorted.findIndex((other) => compare(other, result) === 0);
    return { ...result, rank: (tiedWith === -1 ? index : tiedWith) + 1 };
  });
}
