import type { Gender, ResidencyType } from './enums.js';
import { AGE_BANDS, type AgeBand } from './age-bands.js';
import type { TagCatalogue } from './tags.js';
import { areaPrefix } from '../../../kit/src/area-code.js';

const GENDERS: readonly Gender[] = ['MALE', 'FEMALE'];
const RESIDENCY_TYPES: readonly ResidencyType[] = ['REGISTERED', 'PERMANENT', 'FLOATING'];

/** Counts of ACTIVE residents under a code, every dimension listed in full (zeros included). */
export interface PopulationStatsModel {
  areaCode: string;
  complete: boolean;
  total: number;
  byGender: { gender: Gender; count: number }[];
  byResidencyType: { residencyType: ResidencyType; count: number }[];
  byAgeBand: { band: AgeBand; label: string; minAge: number; maxAge: number | null; count: number }[];
  byTag: { code: string; label: string; count: number }[];
}

/** One group of the SQL aggregation: residents of one gender, residency type and age band. */
export interface PopulationGroup {
  gender: string;
  residencyType: string;
  /** Index into AGE_BANDS. */
  band: number;
  count: number;
}

/**
 * The code prefix a statistics area covers. A city's code (510100) is not a prefix of its
 * districts' (510115): a city counts every district of its first four digits, a province
 * (510000) every code of its first two. The kit's one rule (`areaPrefix`).
 */
export function statisticsPrefix(areaCode: string): string {
  return areaPrefix(areaCode);
}

/** Folds the SQL groups into the statistics' dimensions. */
export function summarisePopulation(
  areaCode: string,
  complete: boolean,
  groups: readonly PopulationGroup[],
  tagCounts: ReadonlyMap<string, number>,
  catalogue: TagCatalogue,
): PopulationStatsModel {
  const sum = (keep: (group: PopulationGroup) => boolean) =>
    groups.filter(keep).reduce((total, group) => total + group.count, 0);
  return {
    areaCode,
    complete,
    total: sum(() => true),
    byGender: GENDERS.map((gender) => ({ gender, count: sum((group) => group.gender === gender) })),
    byResidencyType: RESIDENCY_TYPES.map((residencyType) => ({
      residencyType,
      count: sum((group) => group.residencyType === residencyType),
    })),
    byAgeBand: AGE_BANDS.map((band, index) => ({ ...band, count: sum((group) => group.band === index) })),
    byTag: catalogue
      .kinds()
      .map((kind) => ({ code: kind.code, label: kind.label, count: tagCounts.get(kind.code) ?? 0 })),
  };
}
