import { EntitySchema } from 'typeorm';

/**
 * The spatial index of grid boundaries: one row for every cell of the fixed lattice
 * (domain/cells.ts) that a grid's bounding box touches. `locateGrid` finds its candidates
 * with one equality lookup on a cell, so the rows it reads depend on how many grids cover
 * that spot, not on how many grids exist. A B-tree on the box columns alone could use
 * only one of the four range conditions and would read a band across the whole city.
 */
export interface GridCellEntity {
  cellX: number;
  cellY: number;
  gridId: string;
}

export const GridCell = new EntitySchema<GridCellEntity>({
  name: 'GridCell',
  tableName: 'grid_cell',
  columns: {
    cellX: { name: 'cell_x', type: 'int', primary: true },
    cellY: { name: 'cell_y', type: 'int', primary: true },
    gridId: { name: 'grid_id', type: 'varchar', length: 36, primary: true },
  },
});
