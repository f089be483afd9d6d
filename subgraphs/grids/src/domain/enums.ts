/**
 * The enums grids' tables store. They live in the domain because its rules are written
 * in them; the entities import them from here (domain never imports entities).
 */

/** Administrative levels; each level's statistical code extends the one above it. */
export type AreaLevel = 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';

/** The "3+1" grid system: the community total grid, general, micro and dedicated grids. */
export type GridType = 'COMMUNITY_TOTAL' | 'GENERAL' | 'MICRO' | 'DEDICATED';
export type GridStatus = 'ACTIVE' | 'RETIRED';
/** What a dedicated grid (专属网格) covers. */
export type DedicatedKind = 'SCHOOL' | 'HOSPITAL' | 'MARKET' | 'ENTERPRISE';

/** 网格员 / 微网格长 / 微网格员 / 楼栋管家. */
export type StaffRole = 'GRID_WORKER' | 'MICRO_GRID_LEADER' | 'MICRO_GRID_WORKER' | 'BUILDING_STEWARD';

export type StationStatus = 'ACTIVE' | 'CLOSED';

/** A community's service brand or demonstration point (示范点). */
export type ServiceBrandKind = 'SERVICE_BRAND' | 'DEMONSTRATION_POINT';
