import { randomUUID } from 'node:crypto';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { storedNow } from '../../../kit/src/time.js';
import { dedicatedKindFromName } from '../domain/dedicated-kind.js';

const BOX_COLUMNS = ['min_lng', 'min_lat', 'max_lng', 'max_lat'];
const CHUNK = 200;

/**
 * The grids domain: boundaries with a spatial index of cells, dedicated-grid kinds,
 * buildings, work phones, and staff assignments with a start and an end. Rows written
 * by the first version are carried over: each old assignment starts when its staff
 * record was created, and one of an inactive staff member ends when this migration runs.
 * Raw SQL rather than entities, so later entity changes cannot change what this does.
 */
export class GridDomain1764500000000 implements MigrationInterface {
  name = 'GridDomain1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    await queryRunner.addColumns('grid', [
      new TableColumn({ name: 'dedicated_kind', type: 'varchar', length: '16', isNullable: true }),
      // A MultiPolygon of a large community outgrows MySQL's 64 KB TEXT.
      new TableColumn({ name: 'boundary', type: mysql ? 'mediumtext' : 'text', isNullable: true }),
      new TableColumn({ name: 'boundary_crs', type: 'varchar', length: '8', isNullable: true }),
      ...BOX_COLUMNS.map((name) => new TableColumn({ name, type: 'double', isNullable: true })),
    ]);
    await queryRunner.addColumn(
      'grid_staff',
      new TableColumn({ name: 'work_phone', type: 'varchar', length: '20', isNullable: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'grid_cell',
        columns: [
          { name: 'cell_x', type: 'int', isPrimary: true },
          { name: 'cell_y', type: 'int', isPrimary: true },
          { name: 'grid_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'idx_grid_cell_grid', columnNames: ['grid_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'building',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'grid_id', type: 'varchar', length: '36' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'address', type: 'varchar', length: '200' },
          { name: 'units', type: 'int' },
          { name: 'floors', type: 'int' },
          { name: 'household_count', type: 'int' },
          { name: 'lng', type: 'double', isNullable: true },
          { name: 'lat', type: 'double', isNullable: true },
          { name: 'location_crs', type: 'varchar', length: '8', isNullable: true },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'uq_building_grid_name', columnNames: ['grid_id', 'name'], isUnique: true }),
          new TableIndex({ name: 'idx_building_area', columnNames: ['area_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'grid_assignment',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'staff_id', type: 'varchar', length: '36' },
          { name: 'grid_id', type: 'varchar', length: '36' },
          { name: 'building_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'started_at', type: 'datetime' },
          { name: 'ended_at', type: 'datetime', isNullable: true },
          { name: 'leader_of_grid_id', type: 'varchar', length: '36', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_grid_assignment_grid', columnNames: ['grid_id', 'ended_at'] }),
          new TableIndex({ name: 'idx_grid_assignment_staff', columnNames: ['staff_id'] }),
          new TableIndex({ name: 'uq_grid_assignment_leader', columnNames: ['leader_of_grid_id'], isUnique: true }),
        ],
      }),
    );
    await this.recordDedicatedKinds(queryRunner);
    await this.carryOverAssignments(queryRunner, mysql);
    await queryRunner.dropTable('staff_assignment');
  }

  private async recordDedicatedKinds(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: string; dedicated_to: string | null }[] = await queryRunner.query(
      "SELECT id, dedicated_to FROM grid WHERE type = 'DEDICATED'",
    );
    for (const row of rows) {
      const kind = dedicatedKindFromName(row.dedicated_to);
      if (kind) await queryRunner.query('UPDATE grid SET dedicated_kind = ? WHERE id = ?', [kind, row.id]);
    }
  }

  private async carryOverAssignments(queryRunner: QueryRunner, mysql: boolean): Promise<void> {
    const rows: { staff_id: string; grid_id: string; role: string; active: number | boolean; created_at: unknown }[] =
      await queryRunner.query(
        'SELECT a.staff_id, a.grid_id, s.role, s.active, s.created_at FROM staff_assignment a JOIN grid_staff s ON s.id = a.staff_id ORDER BY s.created_at, a.staff_id',
      );
    const now = storedNow();
    // SQLite keeps TypeORM's UTC text form; mysql2 formats a Date itself.
    const endedAt = mysql ? now : now.toISOString().replace('T', ' ').replace('Z', '');
    const leaders = new Set<string>();
    const values = rows.map((row) => {
      const open = Boolean(Number(row.active));
      // Old data may hold two active leaders of one micro-grid: the earlier keeps the
      // slot, so the migration never fails on the unique index.
      const leads = open && row.role === 'MICRO_GRID_LEADER' && !leaders.has(row.grid_id);
      if (leads) leaders.add(row.grid_id);
      return [
        randomUUID(),
        row.staff_id,
        row.grid_id,
        null,
        row.created_at,
        open ? null : endedAt,
        leads ? row.grid_id : null,
      ];
    });
    for (let index = 0; index < values.length; index += CHUNK) {
      const chunk = values.slice(index, index + CHUNK);
      await queryRunner.query(
        `INSERT INTO grid_assignment (id, staff_id, grid_id, building_id, started_at, ended_at, leader_of_grid_id) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flat(),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'staff_assignment',
        columns: [
          { name: 'staff_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'grid_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'idx_staff_assignment_grid', columnNames: ['grid_id'] })],
      }),
    );
    await queryRunner.query(
      'INSERT INTO staff_assignment (staff_id, grid_id) SELECT DISTINCT staff_id, grid_id FROM grid_assignment',
    );
    for (const table of ['grid_assignment', 'building', 'grid_cell']) await queryRunner.dropTable(table);
    await queryRunner.dropColumn('grid_staff', 'work_phone');
    for (const column of ['dedicated_kind', 'boundary', 'boundary_crs', ...BOX_COLUMNS])
      await queryRunner.dropColumn('grid', column);
  }
}
