import { shanghaiToday } from '../../../kit/src/time.js';
import { requireFullReadOf, requirePersonAccess } from '../domain/access.js';
import { ageOn } from '../domain/id-number.js';
import { maskBirthDate, maskDocumentNumber, maskName, maskPhone } from '../domain/masking.js';
import { chronological } from '../domain/moves.js';
import type { PersonResolvers } from '../generated/resolvers.js';
import { readsNameOf } from '../queries/reads-name.js';
import { revealed } from './unmask.js';

export const Person: PersonResolvers = {
  __resolveReference: (reference, { loaders, viewer }) => {
    requirePersonAccess(viewer, reference.id);
    return loaders.personById.load(reference.id);
  },
  name: (person, _, context) => {
    const shown = (full: boolean) => (full ? person.name : maskName(person.name));
    const reads = readsNameOf(context, person);
    return typeof reads === 'boolean' ? shown(reads) : reads.then(shown);
  },
  idNumber: (person, args, context) =>
    revealed(context, person, 'idNumber', args, person.idNumber, maskDocumentNumber(person.idNumber)),
  phone: (person, args, context) =>
    person.phone ? revealed(context, person, 'phone', args, person.phone, maskPhone(person.phone)) : null,
  birthDate: (person, args, context) =>
    revealed(context, person, 'birthDate', args, person.birthDate, maskBirthDate(person.birthDate)),
  age: (person) => ageOn(person.birthDate, shanghaiToday()),
  birthYear: (person) => Number(person.birthDate.slice(0, 4)),
  tags: (person, _, { loaders, viewer }) => {
    requireFullReadOf(viewer, person);
    return loaders.currentTagsByPerson.load(person.id);
  },
  tagHistory: (person, _, { loaders, viewer }) => {
    requireFullReadOf(viewer, person);
    return loaders.tagHistoryByPerson.load(person.id);
  },
  grid: (person) => ({ id: person.gridId, code: person.areaCode }),
  building: (person, _, { viewer }) => {
    requireFullReadOf(viewer, person);
    return person.buildingId ? { id: person.buildingId } : null;
  },
  room: (person, _, { viewer }) => {
    requireFullReadOf(viewer, person);
    return person.room;
  },
  household: (person, _, { loaders, viewer }) => {
    requireFullReadOf(viewer, person);
    return person.householdId ? loaders.householdById.load(person.householdId) : null;
  },
  statusReason: (person, _, { viewer }) => {
    requireFullReadOf(viewer, person);
    return person.statusReason;
  },
  residenceHistory: async (person, _, { loaders, viewer }) => {
    requireFullReadOf(viewer, person);
    return chronological(await loaders.movesByPerson.load(person.id));
  },
};
