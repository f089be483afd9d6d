import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupPageLoader } from '../../kit/src/connection.js';
import { createGroupLoader, createRowLoader } from '../../kit/src/loaders.js';
import { whereInScope } from '../../kit/src/scope.js';
import type { TagCatalogue } from './domain/tags.js';
import { Household } from './entities/household.js';
import { Person } from './entities/person.js';
import { PersonTag } from './entities/person-tag.js';
import { ResidenceMove } from './entities/residence-move.js';
import { createPiiLog } from './pii-log.js';
import { createPopulationStatsLoader } from './population-stats.js';
import { loadTagCatalogue } from './tag-catalogue.js';

/** Every people row carries the area code of its grid; scope applies to it in SQL. */
function inScope(viewer: Viewer) {
  return (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => {
    whereInScope(qb, viewer, `${alias}.areaCode`);
  };
}

export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const scope = inScope(viewer);
  let catalogue: Promise<TagCatalogue> | undefined;
  const tagCatalogue = () => (catalogue ??= loadTagCatalogue(dataSource));
  return {
    personById: createRowLoader(dataSource, Person, 'id', { restrict: scope }),
    /** The active tag catalogue, read at most once per request. */
    tagCatalogue,
    /** Forget the catalogue after it changed. */
    clearTagCatalogue: () => {
      catalogue = undefined;
    },
    /** Tags that hold now: a closed tag (`until` set) is history. */
    currentTagsByPerson: createGroupLoader(dataSource, PersonTag, 'personId', {
      restrict: (qb, alias) => {
        scope(qb, alias);
        qb.andWhere(`${alias}.until IS NULL`);
      },
      orderBy: 'code',
    }),
    tagHistoryByPerson: createGroupLoader(dataSource, PersonTag, 'personId', { restrict: scope, orderBy: 'since' }),
    /** Moves of people already found visible: the whole history, wherever it took them. */
    movesByPerson: createGroupLoader(dataSource, ResidenceMove, 'personId', { orderBy: 'recordedAt' }),
    householdById: createRowLoader(dataSource, Household, 'id', { restrict: scope }),
    membersByHousehold: createGroupLoader(dataSource, Person, 'householdId', { restrict: scope, orderBy: 'birthDate' }),
    /** Pages of residents under many grids' codes in a fixed number of statements. */
    residentsUnderCode: createGroupPageLoader(dataSource, Person, viewer, { groupBy: 'areaCode', match: 'prefix', areaCodeProperty: 'areaCode' }),
    residentsOfBuilding: createGroupPageLoader(dataSource, Person, viewer, { groupBy: 'buildingId', match: 'equal', areaCodeProperty: 'areaCode' }),
    populationStats: createPopulationStatsLoader(dataSource, viewer, tagCatalogue),
    /** The request's PII access log: unmasked reads, written in batches. */
    piiLog: createPiiLog(dataSource, viewer),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
