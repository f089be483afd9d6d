import { Brackets, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupPageLoader } from '../../kit/src/connection.js';
import { createGroupLoader, createRowLoader, inScopeRule, type Restrict } from '../../kit/src/loaders.js';
import { whereInScope } from '../../kit/src/scope.js';
import type { TagCatalogue } from './domain/tags.js';
import { Household } from './entities/household.js';
import { Person } from './entities/person.js';
import { PersonTag, type PersonTagEntity } from './entities/person-tag.js';
import { ResidenceMove } from './entities/residence-move.js';
import { createPiiLog } from './actions/pii-log.js';
import { createPopulationStatsLoader } from './queries/population-stats.js';
import { loadTagCatalogue } from './queries/tag-catalogue.js';

/** Every people row carries the area code of its grid; scope applies to it in SQL. */
const inScope = inScopeRule;

/**
 * Scope, or the viewer's own rows whatever the scope: their record, its tags, their
 * household and its members (`own` says which, in SQL, with `:ownPersonId`). A resident's
 * token is scoped to where the token service last placed them; the record says where they
 * live now. Without `personId` this is the scope alone, the same statement as before.
 */
function inScopeOrOwn<T extends ObjectLiteral>(
  viewer: Viewer,
  own: (qb: SelectQueryBuilder<T>, alias: string) => string,
): Restrict<T> {
  const { personId } = viewer;
  if (!personId) return inScope(viewer);
  return (qb, alias) => {
    qb.andWhere(
      new Brackets((inner) => {
        whereInScope(inner, viewer, `${alias}.areaCode`);
        inner.orWhere(own(qb, alias), { ownPersonId: personId });
      }),
    );
  };
}

/** `column IN (the household of the viewer's own record)`: one statement still. */
function inOwnHousehold<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): string {
  return `${column} IN ${qb.subQuery().select('own.householdId').from(Person, 'own').where('own.id = :ownPersonId').getQuery()}`;
}

export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const ownTags = inScopeOrOwn<PersonTagEntity>(viewer, (_, alias) => `${alias}.personId = :ownPersonId`);
  let catalogue: Promise<TagCatalogue> | undefined;
  const tagCatalogue = () => (catalogue ??= loadTagCatalogue(dataSource));
  return {
    personById: createRowLoader(dataSource, Person, 'id', {
      restrict: inScopeOrOwn(viewer, (_, alias) => `${alias}.id = :ownPersonId`),
    }),
    /** The active tag catalogue, read at most once per request. */
    tagCatalogue,
    /** Forget the catalogue after it changed. */
    clearTagCatalogue: () => {
      catalogue = undefined;
    },
    /** Tags that hold now: a closed tag (`until` set) is history. */
    currentTagsByPerson: createGroupLoader(dataSource, PersonTag, 'personId', {
      restrict: (qb, alias) => {
        ownTags(qb, alias);
        qb.andWhere(`${alias}.until IS NULL`);
      },
      orderBy: 'code',
    }),
    tagHistoryByPerson: createGroupLoader(dataSource, PersonTag, 'personId', { restrict: ownTags, orderBy: 'since' }),
    /** Moves of people already found visible: the whole history, wherever it took them. */
    movesByPerson: createGroupLoader(dataSource, ResidenceMove, 'personId', { orderBy: 'recordedAt' }),
    householdById: createRowLoader(dataSource, Household, 'id', {
      restrict: inScopeOrOwn(viewer, (qb, alias) => inOwnHousehold(qb, `${alias}.id`)),
    }),
    membersByHousehold: createGroupLoader(dataSource, Person, 'householdId', {
      restrict: inScopeOrOwn(viewer, (qb, alias) => inOwnHousehold(qb, `${alias}.householdId`)),
      orderBy: 'birthDate',
    }),
    /** Pages of residents under many grids' codes in a fixed number of statements. */
    residentsUnderCode: createGroupPageLoader(dataSource, Person, viewer, {
      groupBy: 'areaCode',
      match: 'prefix',
      areaCodeProperty: 'areaCode',
    }),
    residentsOfBuilding: createGroupPageLoader(dataSource, Person, viewer, {
      groupBy: 'buildingId',
      match: 'equal',
      areaCodeProperty: 'areaCode',
    }),
    populationStats: createPopulationStatsLoader(dataSource, viewer, tagCatalogue),
    /** The request's PII access log: unmasked reads, written in batches. */
    piiLog: createPiiLog(dataSource, viewer),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
