import { randomUUID } from 'node:crypto';
import { requirePermission } from '../../kit/src/auth.js';
import { userError, type UserError } from '../../kit/src/errors.js';
import { inScope } from '../../kit/src/scope.js';
import { readsNames } from './access.js';
import type { Context } from './context.js';
import { Person, type PersonEntity } from './entities/person.js';
import { PersonTag, type PersonTagEntity } from './entities/person-tag.js';
import {
  checkRegistration,
  duplicateProblem,
  residenceGridProblem,
  type GridFacts,
  type Registration,
  type RegistrationProblem,
  type RegistrationRequest,
} from './domain/registration.js';
import { inTransaction, isUniqueViolation } from '../../kit/src/transaction.js';

export interface RegisterPersonResult {
  person: PersonEntity | null;
  userErrors: UserError[];
}

const GRID_QUERY = 'query($id: ID!){ grid(id: $id) { id code type status } }';

function failed(problems: RegistrationProblem[]): RegisterPersonResult {
  return { person: null, userErrors: problems.map((problem) => userError(problem.code, problem.message, ['input', problem.field])) };
}

/** The grid as the graph shows it to the caller: the caller's token, so the caller's scope. */
async function residenceGrid(context: Context, gridId: string): Promise<{ grid: GridFacts | null; problem: RegistrationProblem | null }> {
  const { grid } = await context.runtime.graph.request<{ grid: GridFacts | null }>(GRID_QUERY, { id: gridId }, context.runtime.authorization);
  return { grid, problem: residenceGridProblem(grid, (areaCode) => inScope(context.viewer, areaCode)) };
}

function newPerson(registration: Registration, grid: GridFacts): { person: PersonEntity; tags: PersonTagEntity[] } {
  // Whole seconds: MySQL's DATETIME keeps no fraction, and the payload should show what is stored.
  const registeredAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const { identity } = registration;
  const person: PersonEntity = {
    id: randomUUID(),
    name: registration.name,
    idNumber: identity.idNumber,
    gender: identity.gender,
    birthDate: identity.birthDate,
    phone: registration.phone,
    residencyType: registration.residencyType,
    gridId: grid.id,
    areaCode: grid.code,
    householdId: null,
    householdRelation: null,
    status: 'ACTIVE',
    registeredAt,
  };
  const tags = registration.tags.map((code) => ({ id: randomUUID(), personId: person.id, code, areaCode: grid.code, since: registeredAt, until: null }));
  return { person, tags };
}

/** The existing record's id when the viewer could read it, else nothing. */
async function visibleHolderOf(context: Context, idNumber: string): Promise<string | null> {
  const existing = await context.db.dataSource.getRepository(Person).findOneBy({ idNumber });
  if (!existing || !readsNames(context.viewer) || !inScope(context.viewer, existing.areaCode)) return null;
  return existing.id;
}

/**
 * Registers a resident: every problem with the input, the grid or the ID number comes
 * back as a user error, and then nothing is written. Duplicates are found by the unique
 * index as the row is written, so two racing requests cannot both succeed.
 */
export async function registerPerson(context: Context, request: RegistrationRequest): Promise<RegisterPersonResult> {
  requirePermission(context.viewer, 'person:write');
  const checked = checkRegistration(request);
  const gridId = request.gridId.trim();
  const located = gridId ? await residenceGrid(context, gridId) : null;
  const problems = [...checked.problems, ...(located?.problem ? [located.problem] : [])];
  if (problems.length || !checked.registration || !located?.grid) return failed(problems);

  const { person, tags } = newPerson(checked.registration, located.grid);
  try {
    await inTransaction(context.db, async (manager) => {
      await manager.insert(Person, person);
      if (tags.length) await manager.insert(PersonTag, tags);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return failed([duplicateProblem(await visibleHolderOf(context, person.idNumber))]);
  }
  context.loaders.personById.clear(person.id);
  return { person, userErrors: [] };
}
