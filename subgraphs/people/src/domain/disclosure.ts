import type { PopulationStatsModel } from './population.js';

/**
 * Statistical disclosure control for viewers who see aggregates only (ANALYST,
 * `person:count` without `person:read`): a count below 5 people could point at a person
 * (the one 低保 household of a micro-grid), so it is not shown. Viewers who read the
 * register itself see every count exactly.
 */
export const MINIMUM_CELL_SIZE = 5;

export const SMALL_CELL_REASON = `少于${MINIMUM_CELL_SIZE}人的统计格不向分析人员显示（防止识别到个人）`;
export const COMPLEMENT_REASON = '为防止由合计反推被隐藏的小格，此格一并隐藏';

/** A count as shown: the number, or null with the reason it is hidden. */
export interface ShownCount {
  count: number | null;
  suppressed: boolean;
  suppressedReason: string | null;
}

const shown = (count: number): ShownCount => ({ count, suppressed: false, suppressedReason: null });
const hidden = (reason: string): ShownCount => ({ count: null, suppressed: true, suppressedReason: reason });

/**
 * The cells of one breakdown as shown. Primary: every count below the minimum is hidden.
 * Secondary, for a breakdown that adds up to a total shown beside it: when exactly one
 * cell is hidden, the total minus the others would give it back, so the smallest other
 * cell is hidden too.
 */
export function suppressCells(counts: readonly number[], addsUpToShownTotal: boolean): ShownCount[] {
  const cells = counts.map((count) => (count < MINIMUM_CELL_SIZE ? hidden(SMALL_CELL_REASON) : shown(count)));
  if (addsUpToShownTotal && cells.filter((cell) => cell.suppressed).length === 1) {
    let smallest = -1;
    counts.forEach((count, index) => {
      if (!cells[index]?.suppressed && (smallest < 0 || count < (counts[smallest] ?? 0))) smallest = index;
    });
    if (smallest >= 0) cells[smallest] = hidden(COMPLEMENT_REASON);
  }
  return cells;
}

/** Population statistics as a viewer may see them. */
export interface DisclosedPopulationStats {
  areaCode: string;
  complete: boolean;
  total: number | null;
  totalSuppressed: boolean;
  totalSuppressedReason: string | null;
  minimumCellSize: number | null;
  byGender: ({ gender: PopulationStatsModel['byGender'][number]['gender'] } & ShownCount)[];
  byResidencyType: ({ residencyType: PopulationStatsModel['byResidencyType'][number]['residencyType'] } & ShownCount)[];
  byAgeBand: (Omit<PopulationStatsModel['byAgeBand'][number], 'count'> & ShownCount)[];
  byTag: (Omit<PopulationStatsModel['byTag'][number], 'count'> & ShownCount)[];
}

/** Every count exactly: the statistics of a viewer who reads the register. */
export function exactStats(stats: PopulationStatsModel): DisclosedPopulationStats {
  const exact = <T extends { count: number }>(cell: T) => ({ ...cell, ...shown(cell.count) });
  return {
    areaCode: stats.areaCode,
    complete: stats.complete,
    total: stats.total,
    totalSuppressed: false,
    totalSuppressedReason: null,
    minimumCellSize: null,
    byGender: stats.byGender.map(exact),
    byResidencyType: stats.byResidencyType.map(exact),
    byAgeBand: stats.byAgeBand.map(exact),
    byTag: stats.byTag.map(exact),
  };
}

/** Small cells suppressed: the statistics of a viewer who sees aggregates only. */
export function suppressedStats(stats: PopulationStatsModel): DisclosedPopulationStats {
  const [total] = suppressCells([stats.total], false) as [ShownCount];
  const breakdown = <T extends { count: number }>(cells: readonly T[], partition: boolean) => {
    const shownCells = suppressCells(
      cells.map((cell) => cell.count),
      partition && !total.suppressed,
    );
    return cells.map((cell, index) => ({ ...cell, ...(shownCells[index] as ShownCount) }));
  };
  return {
    areaCode: stats.areaCode,
    complete: stats.complete,
    total: total.count,
    totalSuppressed: total.suppressed,
    totalSuppressedReason: total.suppressedReason,
    minimumCellSize: MINIMUM_CELL_SIZE,
    byGender: breakdown(stats.byGender, true),
    byResidencyType: breakdown(stats.byResidencyType, true),
    byAgeBand: breakdown(stats.byAgeBand, true),
    // Tags overlap (a person carries several) and leave most people out: no total to subtract from.
    byTag: breakdown(stats.byTag, false),
  };
}

/** The statistics as the viewer may see them: exact with `person:read`, suppressed without. */
export function disclosedStats(readsRegister: boolean, stats: PopulationStatsModel): DisclosedPopulationStats {
  return readsRegister ? exactStats(stats) : suppressedStats(stats);
}
