import { EntitySchema } from 'typeorm';

export interface VolunteerTeamEntity {
  id: string;
  name: string;
  /**
   * The area the team serves: a street for 雷锋伙伴, a community for its own team. Teams
   * are visible inside the viewer's scope and above it (see loaders.ts).
   */
  areaCode: string;
}

export const VolunteerTeam = new EntitySchema<VolunteerTeamEntity>({
  name: 'VolunteerTeam',
  tableName: 'volunteer_team',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 64 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
  },
});
