import { ageOn, maskIdNumber, maskPhone } from '../domain/id-number.js';
import { shanghaiToday } from '../../../kit/src/time.js';
import { maskName } from '../domain/names.js';
import { TAG_LABELS } from '../domain/tags.js';
import { readsNames, requireFullRead, requirePeopleAccess } from '../access.js';
import type { PersonResolvers, PersonTagResolvers } from '../generated/resolvers.js';

export const Person: PersonResolvers = {
  __resolveReference: (reference, { loaders, viewer }) => {
    requirePeopleAccess(viewer);
    return loaders.personById.load(reference.id);
  },
  name: (person, _, { viewer }) => (readsNames(viewer) ? person.name : maskName(person.name)),
  idNumber: (person) => maskIdNumber(person.idNumber),
  phone: (person) => (person.phone ? maskPhone(person.phone) : null),
  age: (person) => ageOn(person.birthDate, shanghaiToday()),
  birthYear: (person) => Number(person.birthDate.slice(0, 4)),
  tags: (person, _, { loaders }) => loaders.currentTagsByPerson.load(person.id),
  grid: (person) => ({ id: person.gridId, code: person.areaCode }),
  household: (person, _, { loaders, viewer }) => {
    requireFullRead(viewer);
    return person.householdId ? loaders.householdById.load(person.householdId) : null;
  },
};

export const PersonTag: PersonTagResolvers = {
  label: (tag) => TAG_LABELS[tag.code] ?? tag.code,
};
