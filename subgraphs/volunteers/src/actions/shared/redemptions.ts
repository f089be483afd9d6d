import { refuse } from '../../../../kit/src/problems.js';
import type { Context } from '../../context.js';
import { sees } from '../../domain/access.js';
import { problem } from '../../domain/problems.js';
import { Redemption, type RedemptionEntity } from '../../entities/redemption.js';
import { Volunteer, type VolunteerEntity } from '../../entities/volunteer.js';

/** A redemption the viewer may see, with its volunteer: their own, their residents', or their catalogue's. */
export async function visibleRedemption(
  context: Context,
  redemptionId: string,
): Promise<{ redemption: RedemptionEntity; volunteer: VolunteerEntity }> {
  const { dataSource } = context.db;
  const redemption = await dataSource.getRepository(Redemption).findOneBy({ id: redemptionId });
  const volunteer = redemption
    ? await dataSource.getRepository(Volunteer).findOneBy({ id: redemption.volunteerId })
    : null;
  if (!redemption || !volunteer) refuse(problem('REDEMPTION_NOT_FOUND', 'redemptionId'));
  const { viewer } = context;
  if (!sees(viewer, volunteer, [redemption.areaCode, redemption.rewardAreaCode]))
    refuse(problem('REDEMPTION_NOT_FOUND', 'redemptionId'));
  return { redemption, volunteer };
}
