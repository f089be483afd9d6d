import { randomUUID } from 'node:crypto';
import { moveKind } from '../domain/moves.js';
import type { OccupationCode } from '../domain/occupations.js';
import { DEFAULT_RESIDENCY_TYPE, type PersonRecord } from '../domain/person-record.js';
import type { Placement } from '../domain/placement.js';
import type { PersonEntity } from '../entities/person.js';
import type { PersonTagEntity } from '../entities/person-tag.js';
import type { ResidenceMoveEntity } from '../entities/residence-move.js';

/** The rows a new resident is written as: the person and the tags they start with. */
export function newPersonRows(
  record: PersonRecord,
  placement: Placement,
  registeredAt: Date,
  today: string,
): { person: PersonEntity; tags: PersonTagEntity[] } {
  const person: PersonEntity = {
    id: randomUUID(),
    name: record.name,
    documentType: record.documentType,
    idNumber: record.idNumber,
    gender: record.gender,
    birthDate: record.birthDate,
    phone: record.phone,
    residencyType: record.residencyType ?? DEFAULT_RESIDENCY_TYPE,
    residencySince: record.residencySince ?? today,
    residencyUntil: record.residencyUntil,
    gridId: placement.gridId,
    areaCode: placement.areaCode,
    buildingId: placement.buildingId,
    room: placement.room,
    householdId: null,
    householdRelation: null,
    status: 'ACTIVE',
    statusSince: today,
    statusReason: null,
    registeredAt,
  };
  const tags = (record.tags ?? []).map((tag) => newTagRow(person, tag, registeredAt));
  return { person, tags };
}

export function newTagRow(
  person: Pick<PersonEntity, 'id' | 'areaCode'>,
  tag: { code: string; occupation: OccupationCode | null },
  since: Date,
): PersonTagEntity {
  return {
    id: randomUUID(),
    personId: person.id,
    code: tag.code,
    areaCode: person.areaCode,
    since,
    until: null,
    occupation: tag.occupation,
  };
}

/** The row a move is recorded as. */
export function moveRow(
  person: PersonEntity,
  to: Placement | null,
  details: { movedOn: string; leftFor: string | null; reason: string | null; recordedBy: string; recordedAt: Date },
): ResidenceMoveEntity {
  return {
    id: randomUUID(),
    personId: person.id,
    areaCode: to?.areaCode ?? person.areaCode,
    kind: moveKind(person, to),
    movedOn: details.movedOn,
    fromGridId: person.gridId,
    fromAreaCode: person.areaCode,
    fromBuildingId: person.buildingId,
    fromRoom: person.room,
    toGridId: to?.gridId ?? null,
    toAreaCode: to?.areaCode ?? null,
    toBuildingId: to?.buildingId ?? null,
    toRoom: to?.room ?? null,
    leftFor: details.leftFor,
    reason: details.reason,
    recordedBy: details.recordedBy,
    recordedAt: details.recordedAt,
  };
}
