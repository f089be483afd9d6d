import { createHash } from 'node:crypto';
import type { Database } from '../../kit/src/database.js';
import type { Logger } from '../../kit/src/logger.js';
import { seedEmptyDatabase, type DemoDataOptions } from '../../kit/src/seeding.js';
import { generateCommunityLife, generateGridsExtras } from './demo/extras.js';
import { generateWorld } from '../../kit/src/demo/world.js';
import { boundaryColumns } from './domain/boundary-columns.js';
import { dedicatedKindFromName } from './domain/dedicated-kind.js';
import { Area } from './entities/area.js';
import { Building } from './entities/building.js';
import { Grid, type GridEntity } from './entities/grid.js';
import { GridCell, type GridCellEntity } from './entities/grid-cell.js';
import { GridStaff } from './entities/grid-staff.js';
import { PartyBranch, PartyBranchGrid, PartyBranchMember } from './entities/party-branch.js';
import { ServiceBrand, ServiceBrandGrid } from './entities/service-brand.js';
import { ServiceStation } from './entities/service-station.js';
import { StaffAssignment, type StaffAssignmentEntity } from './entities/staff-assignment.js';

/** The same id for the same assignment on every run, as every other demo row has. */
function assignmentId(staffId: string, gridId: string): string {
  const hex = createHash('sha1').update(`${staffId}:${gridId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The demo world's grids part: areas, grids with boundaries, buildings, staff and their
 * assignments, and community life: service stations, party branches and brands.
 */
export async function seedIfEmpty(db: Database, options: DemoDataOptions, logger: Logger): Promise<void> {
  await seedEmptyDatabase(db, Area, logger, async (insert) => {
    const world = generateWorld(options);
    const extras = generateGridsExtras(world, options.seed);
    // Before any insert: on MySQL, TypeORM writes values read back after an insert into the
    // very objects inserted (world.areas among them), in an order that need not match.
    const life = generateCommunityLife(world, options.seed);
    const boundaryOf = new Map(world.boundaries.map((boundary) => [boundary.gridId, boundary]));
    const cells: GridCellEntity[] = [];
    const grids: GridEntity[] = world.grids.map((grid) => {
      const drawn = boundaryOf.get(grid.id);
      const boundary = boundaryColumns(drawn?.polygon ?? null, drawn?.crs ?? 'GCJ02');
      cells.push(...boundary.cells.map((cell) => ({ ...cell, gridId: grid.id })));
      return {
        ...grid,
        dedicatedKind: grid.type === 'DEDICATED' ? dedicatedKindFromName(grid.dedicatedTo) : null,
        ...boundary.columns,
      };
    });
    const staff = [...world.staff, ...extras.staff];
    const appointed = new Map(staff.map((member) => [member.id, member]));
    const assignments: StaffAssignmentEntity[] = [...world.assignments, ...extras.assignments].map(
      ({ staffId, gridId }) => ({
        id: assignmentId(staffId, gridId),
        staffId,
        gridId,
        buildingId: extras.stewardBuildings.get(staffId) ?? null,
        startedAt: appointed.get(staffId)?.createdAt ?? new Date(),
        endedAt: null,
        leaderOfGridId: appointed.get(staffId)?.role === 'MICRO_GRID_LEADER' ? gridId : null,
      }),
    );
    await insert(Area, world.areas);
    await insert(Grid, grids);
    await insert(GridCell, cells);
    const gridCreated = new Map(world.grids.map((grid) => [grid.id, grid.createdAt]));
    await insert(
      Building,
      world.buildings.map((building) => ({
        ...building,
        locationCrs: 'GCJ02' as const,
        createdAt: gridCreated.get(building.gridId) ?? new Date(),
      })),
    );
    await insert(
      GridStaff,
      staff.map((member) => ({ ...member, workPhone: extras.workPhones.get(member.id) ?? null })),
    );
    await insert(StaffAssignment, assignments);
    await insert(ServiceStation, life.stations);
    await insert(PartyBranch, life.branches);
    await insert(PartyBranchGrid, life.branchGrids);
    await insert(PartyBranchMember, life.branchMembers);
    await insert(ServiceBrand, life.brands);
    await insert(ServiceBrandGrid, life.brandGrids);
  });
}
