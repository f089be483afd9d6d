import { Brackets, type WhereExpressionBuilder } from 'typeorm';
import { ancestorCodes, areaPrefix } from './area-code.js';
import type { Viewer } from './auth.js';

/**
 * DESIGN rule 4: a row is visible when its area code starts with one of the viewer's
 * scope prefixes. Scopes are digit strings checked and normalised when the token is
 * verified (a city's 510100 is the prefix 5101), so they are safe inside LIKE patterns.
 */
export function inScope(viewer: Viewer, areaCode: string): boolean {
  return viewer.scopes.some((prefix) => areaCode.startsWith(prefix));
}

/** Areas above the viewer's scope are visible too: they are the path up to the city. */
export function isAncestorOfScope(viewer: Viewer, areaCode: string): boolean {
  return viewer.scopes.some((prefix) => prefix.startsWith(areaCode));
}

/** Adds the scope rule to a query builder: `(alias.areaCode LIKE 's1%' OR ...)`, or nothing visible. */
export function whereInScope<T extends WhereExpressionBuilder>(qb: T, viewer: Viewer, column: string): T {
  if (viewer.scopes.length === 0) return qb.andWhere('1 = 0') as T;
  return qb.andWhere(
    new Brackets((inner) => {
      viewer.scopes.forEach((prefix, index) => {
        inner.orWhere(`${column} LIKE :scope${index}`, { [`scope${index}`]: `${prefix}%` });
      });
    }),
  ) as T;
}

/** The same rule as raw SQL with positional parameters, for hand-built statements. */
export function scopeSql(viewer: Viewer, column: string): { sql: string; params: string[] } {
  if (viewer.scopes.length === 0) return { sql: '1 = 0', params: [] };
  return {
    sql: `(${viewer.scopes.map(() => `${column} LIKE ?`).join(' OR ')})`,
    params: viewer.scopes.map((prefix) => `${prefix}%`),
  };
}

/**
 * Narrows a requested area prefix to the viewer's scope: the prefixes both allow. A padded
 * city or province code (510100, 510000) is read as its prefix (5101, 51).
 */
export function narrowScope(viewer: Viewer, requested: string | null | undefined): Viewer {
  if (!requested) return viewer;
  const areaCode = areaPrefix(requested);
  const scopes: string[] = [];
  for (const prefix of viewer.scopes) {
    if (areaCode.startsWith(prefix)) scopes.push(areaCode);
    else if (prefix.startsWith(areaCode)) scopes.push(prefix);
  }
  return { ...viewer, scopes: [...new Set(scopes)] };
}

/**
 * For rows that serve an area rather than sit in it (a street-wide team, a community's
 * grid worker, the street itself): visible inside the viewer's scope and on the path
 * above it, never beside it.
 */
export function whereOverlapsScope<T extends WhereExpressionBuilder>(qb: T, viewer: Viewer, column: string): T {
  const ancestors = [...new Set(viewer.scopes.flatMap((scope) => ancestorCodes(scope)))];
  if (ancestors.length === 0) return whereInScope(qb, viewer, column);
  return qb.andWhere(
    new Brackets((inner) => {
      viewer.scopes.forEach((prefix, index) => {
        inner.orWhere(`${column} LIKE :overlap${index}`, { [`overlap${index}`]: `${prefix}%` });
      });
      inner.orWhere(`${column} IN (:...ancestorCodes)`, { ancestorCodes: ancestors });
    }),
  );
}

/** `whereOverlapsScope` as raw SQL with positional parameters, for hand-built statements. */
export function overlapsScopeSql(viewer: Viewer, column: string): { sql: string; params: string[] } {
  const ancestors = [...new Set(viewer.scopes.flatMap((scope) => ancestorCodes(scope)))];
  if (ancestors.length === 0) return scopeSql(viewer, column);
  const inside = scopeSql(viewer, column);
  return {
    sql: `(${inside.sql} OR ${column} IN (${ancestors.map(() => '?').join(', ')}))`,
    params: [...inside.params, ...ancestors],
  };
}
