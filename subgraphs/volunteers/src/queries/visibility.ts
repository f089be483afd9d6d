import { Brackets, type ObjectLiteral } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { inScopeRule, overlapsScopeRule, type Restrict } from '../../../kit/src/loaders.js';
import { whereInScope } from '../../../kit/src/scope.js';

/** Volunteers and activities sit in an area: visible inside the viewer's scope. */
export const inScopeOf = inScopeRule;

/**
 * Rows that join two places (an enrolment: where the activity is and where the volunteer
 * lives): visible to the viewers of either, so an organiser sees the volunteers of their
 * activity and a community sees what its residents did elsewhere.
 */
export function inScopeOfEither<T extends ObjectLiteral>(viewer: Viewer, first: string, second: string): Restrict<T> {
  return (qb, alias) => {
    qb.andWhere(
      new Brackets((either) => {
        either.orWhere(new Brackets((inner) => void whereInScope(inner, viewer, `${alias}.${first}`)));
        either.orWhere(new Brackets((inner) => void whereInScope(inner, viewer, `${alias}.${second}`)));
      }),
    );
  };
}

/**
 * Teams and rewards serve an area: a street-wide team (雷锋伙伴) or a street's catalogue is
 * visible to a worker of each of its communities, a neighbouring community's is not.
 */
export const teamVisibility = overlapsScopeRule;
