import { EntitySchema } from 'typeorm';
import type { HazardLevel, InspectionStatus } from '../domain/inspection.js';

/** 安全巡查: an inspection of a grid or a building. */
export interface InspectionEntity {
  id: string;
  gridId: string;
  areaCode: string;
  buildingId: string | null;
  title: string;
  inspectedAt: Date;
  inspectorSubject: string;
  inspectorPersonId: string | null;
  status: InspectionStatus;
  closedAt: Date | null;
  createdAt: Date;
}

/** One finding of an inspection; one that needs fixing links to its rectification event. */
export interface InspectionFindingEntity {
  id: string;
  inspectionId: string;
  areaCode: string;
  position: number;
  description: string;
  hazardLevel: HazardLevel;
  needsRectification: boolean;
  rectificationEventId: string | null;
  photos: string[] | null;
}

export const Inspection = new EntitySchema<InspectionEntity>({
  name: 'Inspection',
  tableName: 'inspection',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    buildingId: { name: 'building_id', type: 'varchar', length: 36, nullable: true },
    title: { type: 'varchar', length: 200 },
    inspectedAt: { name: 'inspected_at', type: 'datetime' },
    inspectorSubject: { name: 'inspector_subject', type: 'varchar', length: 120 },
    inspectorPersonId: { name: 'inspector_person_id', type: 'varchar', length: 36, nullable: true },
    status: { type: 'varchar', length: 16 },
    closedAt: { name: 'closed_at', type: 'datetime', nullable: true },
    createdAt: { name: 'created_at', type: 'datetime' },
  },
});

export const InspectionFinding = new EntitySchema<InspectionFindingEntity>({
  name: 'InspectionFinding',
  tableName: 'inspection_finding',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    inspectionId: { name: 'inspection_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    position: { type: 'int' },
    description: { type: 'varchar', length: 500 },
    hazardLevel: { name: 'hazard_level', type: 'varchar', length: 16 },
    needsRectification: { name: 'needs_rectification', type: 'boolean' },
    rectificationEventId: { name: 'rectification_event_id', type: 'varchar', length: 36, nullable: true },
    photos: { type: 'simple-json', nullable: true },
  },
});
