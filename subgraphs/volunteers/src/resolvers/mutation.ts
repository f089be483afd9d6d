import { payloadOf } from '../../../kit/src/problems.js';
import { adjustPoints } from '../actions/adjust-points.js';
import { approveProject } from '../actions/approve-project.js';
import { cancelActivity } from '../actions/cancel-activity.js';
import { cancelEnrolment } from '../actions/cancel-enrolment.js';
import { cancelRedemption } from '../actions/cancel-redemption.js';
import { checkIn } from '../actions/check-in.js';
import { checkOut } from '../actions/check-out.js';
import { claimProject } from '../actions/claim-project.js';
import { closeCareDrive } from '../actions/close-care-drive.js';
import { closeProject } from '../actions/close-project.js';
import { confirmCareDelivery } from '../actions/confirm-care-delivery.js';
import { confirmRedemptionPickup } from '../actions/confirm-redemption-pickup.js';
import { confirmServiceRecord } from '../actions/confirm-service-record.js';
import { createActivity } from '../actions/create-activity.js';
import { createCareDrive } from '../actions/create-care-drive.js';
import { createReward } from '../actions/create-reward.js';
import { createVolunteerTeam } from '../actions/create-volunteer-team.js';
import { decideCorrection } from '../actions/decide-correction.js';
import { enrol } from '../actions/enrol.js';
import { finishActivity } from '../actions/finish-activity.js';
import { joinTeam } from '../actions/join-team.js';
import { leaveTeam } from '../actions/leave-team.js';
import { proposeProject } from '../actions/propose-project.js';
import { publishActivity } from '../actions/publish-activity.js';
import { recordCareDelivery } from '../actions/record-care-delivery.js';
import { redeemReward } from '../actions/redeem-reward.js';
import { registerVolunteer } from '../actions/register-volunteer.js';
import { rejectProject } from '../actions/reject-project.js';
import { requestCorrection } from '../actions/request-correction.js';
import { restockCareDrive } from '../actions/restock-care-drive.js';
import { restockReward } from '../actions/restock-reward.js';
import { setPointRate } from '../actions/set-point-rate.js';
import { setRewardActive } from '../actions/set-reward-active.js';
import { startActivity } from '../actions/start-activity.js';
import { startProject } from '../actions/start-project.js';
import { updateVolunteerProfile } from '../actions/update-volunteer-profile.js';
import type { MutationResolvers } from '../generated/resolvers.js';

/** One business action per mutation; each is an action function, its refusals the payload's user errors. */
export const Mutation: MutationResolvers = {
  registerVolunteer: (_, { input }, context) => payloadOf('volunteer', () => registerVolunteer(context, input)),
  updateVolunteerProfile: (_, { input }, context) =>
    payloadOf('volunteer', () => updateVolunteerProfile(context, input)),
  createVolunteerTeam: (_, { input }, context) => payloadOf('team', () => createVolunteerTeam(context, input)),
  joinTeam: (_, { input }, context) => payloadOf('membership', () => joinTeam(context, input)),
  leaveTeam: (_, { input }, context) => payloadOf('membership', () => leaveTeam(context, input)),
  createActivity: (_, { input }, context) => payloadOf('activity', () => createActivity(context, input)),
  publishActivity: (_, { input }, context) => payloadOf('activity', () => publishActivity(context, input)),
  startActivity: (_, { input }, context) => payloadOf('activity', () => startActivity(context, input)),
  finishActivity: (_, { input }, context) => payloadOf('activity', () => finishActivity(context, input)),
  cancelActivity: (_, { input }, context) => payloadOf('activity', () => cancelActivity(context, input)),
  enrol: (_, { input }, context) => payloadOf('enrolment', () => enrol(context, input)),
  cancelEnrolment: (_, { input }, context) => payloadOf('enrolment', () => cancelEnrolment(context, input)),
  checkIn: (_, { input }, context) => payloadOf('enrolment', () => checkIn(context, input)),
  checkOut: (_, { input }, context) => payloadOf('enrolment', () => checkOut(context, input)),
  confirmServiceRecord: (_, { input }, context) => payloadOf('record', () => confirmServiceRecord(context, input)),
  requestCorrection: (_, { input }, context) => payloadOf('correction', () => requestCorrection(context, input)),
  decideCorrection: (_, { input }, context) => payloadOf('correction', () => decideCorrection(context, input)),
  setPointRate: (_, { input }, context) => payloadOf('category', () => setPointRate(context, input)),
  adjustPoints: (_, { input }, context) => payloadOf('entry', () => adjustPoints(context, input)),
  createReward: (_, { input }, context) => payloadOf('reward', () => createReward(context, input)),
  restockReward: (_, { input }, context) => payloadOf('reward', () => restockReward(context, input)),
  setRewardActive: (_, { input }, context) => payloadOf('reward', () => setRewardActive(context, input)),
  redeemReward: async (_, { input }, context) => {
    const { redeemed, userErrors } = await payloadOf('redeemed', () => redeemReward(context, input));
    return { redemption: redeemed?.redemption ?? null, replayed: redeemed?.replayed ?? false, userErrors };
  },
  cancelRedemption: (_, { input }, context) => payloadOf('redemption', () => cancelRedemption(context, input)),
  confirmRedemptionPickup: (_, { input }, context) =>
    payloadOf('redemption', () => confirmRedemptionPickup(context, input)),
  proposeProject: (_, { input: { neededSkills, ...input } }, context) =>
    payloadOf('project', () => proposeProject(context, { ...input, skills: neededSkills })),
  approveProject: (_, { input }, context) => payloadOf('project', () => approveProject(context, input)),
  rejectProject: (_, { input }, context) => payloadOf('project', () => rejectProject(context, input)),
  claimProject: (_, { input }, context) => payloadOf('project', () => claimProject(context, input)),
  startProject: (_, { input }, context) => payloadOf('project', () => startProject(context, input)),
  closeProject: (_, { input }, context) => payloadOf('project', () => closeProject(context, input)),
  createCareDrive: (_, { input }, context) => payloadOf('drive', () => createCareDrive(context, input)),
  recordCareDelivery: (_, { input }, context) => payloadOf('delivery', () => recordCareDelivery(context, input)),
  confirmCareDelivery: (_, { input }, context) => payloadOf('delivery', () => confirmCareDelivery(context, input)),
  restockCareDrive: (_, { input }, context) => payloadOf('drive', () => restockCareDrive(context, input)),
  closeCareDrive: (_, { input }, context) => payloadOf('drive', () => closeCareDrive(context, input)),
};
