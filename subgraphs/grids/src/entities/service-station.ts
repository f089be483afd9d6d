import { EntitySchema } from 'typeorm';
import type { OpeningHours } from '../domain/opening-hours.js';
import type { StationStatus } from '../domain/enums.js';
import type { StationKind } from '../domain/station-catalogue.js';

/**
 * A service station (微网格员加油站, 职工驿站...) where outdoor workers rest. The location
 * is stored in GCJ-02 whatever system it was sent in, so one indexed pair of columns
 * serves the bounding-box prefilter of `serviceStationsNear`.
 */
export interface ServiceStationEntity {
  id: string;
  gridId: string;
  /** The grid's code: scope applies to it. */
  areaCode: string;
  name: string;
  kind: StationKind;
  /** The organisation that runs the station (双流区总工会, a community's party-mass centre...). */
  operator: string;
  address: string | null;
  phone: string | null;
  /** Service codes of the catalogue (domain/station-catalogue.ts), in the order given. */
  services: string[];
  /** Who may use the station: audience codes of the catalogue. */
  audiences: string[];
  openingHours: OpeningHours;
  lng: number;
  lat: number;
  status: StationStatus;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  closedReason: string | null;
}

/**
 * Code lists are stored as JSON text (`["REST","HOT_WATER"]`): a filter on one code is a
 * LIKE on its quoted form, which reads the same on SQLite and MySQL.
 */
const codeList = {
  to: (value: string[] | undefined) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null) => (value ? (JSON.parse(value) as string[]) : []),
};

const hoursJson = {
  to: (value: OpeningHours | undefined) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null): OpeningHours =>
    value ? (JSON.parse(value) as OpeningHours) : { alwaysOpen: false, periods: [] },
};

export const ServiceStation = new EntitySchema<ServiceStationEntity>({
  name: 'ServiceStation',
  tableName: 'service_station',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    name: { type: 'varchar', length: 64 },
    kind: { type: 'varchar', length: 32 },
    operator: { type: 'varchar', length: 128 },
    address: { type: 'varchar', length: 200, nullable: true },
    phone: { type: 'varchar', length: 20, nullable: true },
    services: { type: 'varchar', length: 500, transformer: codeList },
    audiences: { type: 'varchar', length: 500, transformer: codeList },
    openingHours: { name: 'opening_hours', type: 'text', transformer: hoursJson },
    lng: { type: 'double' },
    lat: { type: 'double' },
    status: { type: 'varchar', length: 16, default: 'ACTIVE' },
    createdAt: { name: 'created_at', type: 'datetime' },
    updatedAt: { name: 'updated_at', type: 'datetime' },
    closedAt: { name: 'closed_at', type: 'datetime', nullable: true },
    closedReason: { name: 'closed_reason', type: 'varchar', length: 200, nullable: true },
  },
});
