import type { Connection } from '../../kit/src/connection.js';
import type { BuildingEntity } from './entities/building.js';
import type { GridEntity } from './entities/grid.js';
import type { PartyBranchMemberEntity } from './entities/party-branch.js';
import type { ServiceStationEntity } from './entities/service-station.js';
import type { CoordinateSystem, GridGeometry } from './domain/geometry.js';

export type GridConnectionModel = Connection<GridEntity>;
export type BuildingConnectionModel = Connection<BuildingEntity>;

/** A Person as the people subgraph references it: its key alone. */
export interface PersonReference {
  id: string;
}

export interface GridBoundaryModel {
  crs: CoordinateSystem;
  geometry: GridGeometry;
}

/** A card is asked of a building; its staff are resolved from the building's micro-grid. */
export interface ServiceCardModel {
  building: BuildingEntity;
}

/** A station found by `serviceStationsNear`, with its exact distance. */
export interface NearbyServiceStationModel {
  station: ServiceStationEntity;
  distanceMeters: number;
}

/** A membership with whether its person is the branch's secretary. */
export interface PartyBranchMembershipModel {
  membership: PartyBranchMemberEntity;
  secretary: boolean;
}
