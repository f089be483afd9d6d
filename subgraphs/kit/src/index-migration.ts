import type { QueryRunner, TableIndex } from 'typeorm';

/**
 * A migration step that puts a wider index in place of a narrower one it serves as well:
 * the new one is built before the old one goes, so no statement runs without either.
 * `down` swaps them back.
 */
export function indexReplacement(table: string, narrower: TableIndex, wider: TableIndex) {
  return {
    up: async (queryRunner: QueryRunner) => {
      await queryRunner.createIndex(table, wider);
      await queryRunner.dropIndex(table, narrower.name as string);
    },
    down: async (queryRunner: QueryRunner) => {
      await queryRunner.createIndex(table, narrower);
      await queryRunner.dropIndex(table, wider.name as string);
    },
  };
}
