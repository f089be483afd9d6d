import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const TABLES = [
  'service_brand_grid',
  'service_brand',
  'party_branch_member',
  'party_branch_grid',
  'party_branch',
  'service_station',
];

/**
 * Community life (issue 8): service stations for outdoor workers, grid party branches
 * with their grids and members, and a community's service brands and demonstration
 * points with the grids they cover. New tables only; no existing row changes.
 */
export class CommunityLife1764600000000 implements MigrationInterface {
  name = 'CommunityLife1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'service_station',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'grid_id', type: 'varchar', length: '36' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'operator', type: 'varchar', length: '128' },
          { name: 'address', type: 'varchar', length: '200', isNullable: true },
          { name: 'phone', type: 'varchar', length: '20', isNullable: true },
          { name: 'services', type: 'varchar', length: '500' },
          { name: 'audiences', type: 'varchar', length: '500' },
          { name: 'opening_hours', type: 'text' },
          { name: 'lng', type: 'double' },
          { name: 'lat', type: 'double' },
          { name: 'status', type: 'varchar', length: '16', default: "'ACTIVE'" },
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
          { name: 'closed_at', type: 'datetime', isNullable: true },
          { name: 'closed_reason', type: 'varchar', length: '200', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_service_station_grid', columnNames: ['grid_id'] }),
          new TableIndex({ name: 'idx_service_station_area', columnNames: ['area_code'] }),
          // The bounding-box prefilter: a range on lat read from the index, lng checked in it.
          new TableIndex({ name: 'idx_service_station_lat_lng', columnNames: ['lat', 'lng'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'party_branch',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'community_code', type: 'varchar', length: '12' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'secretary_person_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'uq_party_branch_name', columnNames: ['community_code', 'name'], isUnique: true }),
          new TableIndex({ name: 'idx_party_branch_area', columnNames: ['area_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'party_branch_grid',
        columns: [
          { name: 'branch_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'grid_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'grid_code', type: 'varchar', length: '18' },
        ],
        indices: [
          new TableIndex({ name: 'uq_party_branch_grid', columnNames: ['grid_id'], isUnique: true }),
          new TableIndex({ name: 'idx_party_branch_grid_code', columnNames: ['grid_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'party_branch_member',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'branch_id', type: 'varchar', length: '36' },
          { name: 'person_id', type: 'varchar', length: '36' },
          { name: 'joined_at', type: 'datetime' },
          { name: 'left_at', type: 'datetime', isNullable: true },
          { name: 'current_person_id', type: 'varchar', length: '36', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_party_branch_member_branch', columnNames: ['branch_id'] }),
          // One current branch per member; both SQLite and MySQL allow any number of NULLs.
          new TableIndex({
            name: 'uq_party_branch_member_current',
            columnNames: ['current_person_id'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'service_brand',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'community_code', type: 'varchar', length: '12' },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'description', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'uq_service_brand_name', columnNames: ['community_code', 'name'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'service_brand_grid',
        columns: [
          { name: 'brand_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'grid_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'grid_code', type: 'varchar', length: '18' },
        ],
        indices: [new TableIndex({ name: 'idx_service_brand_grid_code', columnNames: ['grid_code'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.dropTable(table);
  }
}
