import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupLoader, createRowLoader } from '../../kit/src/loaders.js';
import { whereInScope, whereOverlapsScope } from '../../kit/src/scope.js';
import { PartyBranch, PartyBranchGrid, PartyBranchMember } from './entities/party-branch.js';
import { ServiceBrand, ServiceBrandGrid } from './entities/service-brand.js';
import { ServiceStation } from './entities/service-station.js';
import { createPrefixGroupLoader } from '../../kit/src/loaders.js';

type Restrict = (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => void;

/**
 * Loaders of community life. Stations sit in a grid, so the grid rule applies to them
 * (inside the viewer's scope). Branches and brands serve an area rather than sit in it:
 * like staff, they are visible inside the scope and on the path above it, so a resident
 * scoped to a micro-grid sees the branch of their general grid and their community's
 * brands. Link rows carry no code of their own: the branch, brand or grid they lead to
 * applies the rule.
 */
export function createCommunityLoaders(dataSource: DataSource, viewer: Viewer) {
  const stationScope: Restrict = (qb, alias) => {
    whereInScope(qb, viewer, `${alias}.areaCode`);
  };
  const activeStations: Restrict = (qb, alias) => {
    stationScope(qb, alias);
    qb.andWhere(`${alias}.status = 'ACTIVE'`);
  };
  const overlapBy =
    (property: string): Restrict =>
    (qb, alias) => {
      whereOverlapsScope(qb, viewer, `${alias}.${property}`);
    };
  return {
    stationById: createRowLoader(dataSource, ServiceStation, 'id', { restrict: stationScope }),
    /** Keyed by a grid's area prefix (gridAreaPrefix): the stations in the grid and inside it. */
    activeStationsUnder: createPrefixGroupLoader(dataSource, ServiceStation, 'areaCode', { restrict: activeStations, orderBy: 'name' }),
    stationsUnder: createPrefixGroupLoader(dataSource, ServiceStation, 'areaCode', { restrict: stationScope, orderBy: 'name' }),
    branchById: createRowLoader(dataSource, PartyBranch, 'id', { restrict: overlapBy('areaCode') }),
    branchGridsByBranch: createGroupLoader(dataSource, PartyBranchGrid, 'branchId', { orderBy: 'gridCode' }),
    branchGridsByGridCode: createGroupLoader(dataSource, PartyBranchGrid, 'gridCode'),
    membershipsByBranch: createGroupLoader(dataSource, PartyBranchMember, 'branchId', { orderBy: 'joinedAt' }),
    currentMembershipByPerson: createRowLoader(dataSource, PartyBranchMember, 'currentPersonId'),
    brandById: createRowLoader(dataSource, ServiceBrand, 'id', { restrict: overlapBy('communityCode') }),
    /** Keyed by an area prefix (areaPrefix): the brands of the communities under it. */
    brandsUnder: createPrefixGroupLoader(dataSource, ServiceBrand, 'communityCode', { restrict: overlapBy('communityCode'), orderBy: 'communityCode' }),
    brandGridsByBrand: createGroupLoader(dataSource, ServiceBrandGrid, 'brandId', { orderBy: 'gridCode' }),
    brandGridsByGridCode: createGroupLoader(dataSource, ServiceBrandGrid, 'gridCode'),
  };
}

export type CommunityLoaders = ReturnType<typeof createCommunityLoaders>;
