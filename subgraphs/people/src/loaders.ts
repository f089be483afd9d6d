import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupPageLoader } from '../../kit/src/connection.js';
import { createGroupLoader, createRowLoader } from '../../kit/src/loaders.js';
import { whereInScope } from '../../kit/src/scope.js';
import { Household } from './entities/household.js';
import { Person } from './entities/person.js';
import { PersonTag } from './entities/person-tag.js';

/** Every people row carries the area code of its grid; scope applies to it in SQL. */
function inScope(viewer: Viewer) {
  return (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => {
    whereInScope(qb, viewer, `${alias}.areaCode`);
  };
}

export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const scope = inScope(viewer);
  return {
    personById: createRowLoader(dataSource, Person, 'id', { restrict: scope }),
    /** Tags that hold now: a closed tag (`until` set) is history. */
    currentTagsByPerson: createGroupLoader(dataSource, PersonTag, 'personId', {
      restrict: (qb, alias) => {
        scope(qb, alias);
        qb.andWhere(`${alias}.until IS NULL`);
      },
      orderBy: 'code',
    }),
    householdById: createRowLoader(dataSource, Household, 'id', { restrict: scope }),
    membersByHousehold: createGroupLoader(dataSource, Person, 'householdId', { restrict: scope, orderBy: 'birthDate' }),
    /** Pages of residents under many grids' codes in a fixed number of statements. */
    residentsUnderCode: createGroupPageLoader(dataSource, Person, viewer, { groupBy: 'areaCode', match: 'prefix', areaCodeProperty: 'areaCode' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
