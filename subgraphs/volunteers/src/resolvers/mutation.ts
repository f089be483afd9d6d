import { changeActivityStatus, createActivity } from '../actions/activities.js';
import { checkIn, checkOut } from '../actions/attendance.js';
import { decideCorrection, requestCorrection } from '../actions/corrections.js';
import { cancelEnrolment, enrol } from '../actions/enrolment.js';
import { adjustPoints, setPointRate } from '../actions/points.js';
import { closeDrive, confirmDelivery, createCareDrive, recordDelivery, restockDrive } from '../actions/care-drives.js';
import { claimProject, closeProject, decideProject, proposeProject, startProject } from '../actions/projects.js';
import { confirmServiceRecord } from '../actions/records.js';
import { cancelRedemption, confirmRedemptionPickup, redeemReward } from '../actions/redemption.js';
import { createReward, restockReward, setRewardActive } from '../actions/rewards.js';
import { createVolunteerTeam, joinTeam, leaveTeam } from '../actions/teams.js';
import { registerVolunteer, updateVolunteerProfile } from '../actions/volunteers.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { outcome } from '../refusal.js';

/** One business action per mutation; each is an action function, its refusals the payload's user errors. */
export const Mutation: MutationResolvers = {
  registerVolunteer: (_, { input }, context) => outcome('volunteer', () => registerVolunteer(context, input)),
  updateVolunteerProfile: (_, { input }, context) => outcome('volunteer', () => updateVolunteerProfile(context, input)),
  createVolunteerTeam: (_, { input }, context) => outcome('team', () => createVolunteerTeam(context, input)),
  joinTeam: (_, { input }, context) => outcome('membership', () => joinTeam(context, input)),
  leaveTeam: (_, { input }, context) => outcome('membership', () => leaveTeam(context, input)),
  createActivity: (_, { input }, context) => outcome('activity', () => createActivity(context, input)),
  publishActivity: (_, { input }, context) => outcome('activity', () => changeActivityStatus(context, 'PUBLISH', input)),
  startActivity: (_, { input }, context) => outcome('activity', () => changeActivityStatus(context, 'START', input)),
  finishActivity: (_, { input }, context) => outcome('activity', () => changeActivityStatus(context, 'FINISH', input)),
  cancelActivity: (_, { input }, context) => outcome('activity', () => changeActivityStatus(context, 'CANCEL', input)),
  enrol: (_, { input }, context) => outcome('enrolment', () => enrol(context, input)),
  cancelEnrolment: (_, { input }, context) => outcome('enrolment', () => cancelEnrolment(context, input)),
  checkIn: (_, { input }, context) => outcome('enrolment', () => checkIn(context, input)),
  checkOut: (_, { input }, context) => outcome('enrolment', () => checkOut(context, input)),
  confirmServiceRecord: (_, { input }, context) => outcome('record', () => confirmServiceRecord(context, input)),
  requestCorrection: (_, { input }, context) => outcome('correction', () => requestCorrection(context, input)),
  decideCorrection: (_, { input }, context) => outcome('correction', () => decideCorrection(context, input)),
  setPointRate: (_, { input }, context) => outcome('category', () => setPointRate(context, input)),
  adjustPoints: (_, { input }, context) => outcome('entry', () => adjustPoints(context, input)),
  createReward: (_, { input }, context) => outcome('reward', () => createReward(context, input)),
  restockReward: (_, { input }, context) => outcome('reward', () => restockReward(context, input)),
  setRewardActive: (_, { input }, context) => outcome('reward', () => setRewardActive(context, input)),
  redeemReward: async (_, { input }, context) => {
    const { redeemed, userErrors } = await outcome('redeemed', () => redeemReward(context, input));
    return { redemption: redeemed?.redemption ?? null, replayed: redeemed?.replayed ?? false, userErrors };
  },
  cancelRedemption: (_, { input }, context) => outcome('redemption', () => cancelRedemption(context, input)),
  confirmRedemptionPickup: (_, { input }, context) => outcome('redemption', () => confirmRedemptionPickup(context, input)),
  proposeProject: (_, { input: { neededSkills, ...input } }, context) => outcome('project', () => proposeProject(context, { ...input, skills: neededSkills })),
  approveProject: (_, { input }, context) => outcome('project', () => decideProject(context, true, input)),
  rejectProject: (_, { input }, context) => outcome('project', () => decideProject(context, false, input)),
  claimProject: (_, { input }, context) => outcome('project', () => claimProject(context, input)),
  startProject: (_, { input }, context) => outcome('project', () => startProject(context, input)),
  closeProject: (_, { input }, context) => outcome('project', () => closeProject(context, input)),
  createCareDrive: (_, { input }, context) => outcome('drive', () => createCareDrive(context, input)),
  recordCareDelivery: (_, { input }, context) => outcome('delivery', () => recordDelivery(context, input)),
  confirmCareDelivery: (_, { input }, context) => outcome('delivery', () => confirmDelivery(context, input)),
  restockCareDrive: (_, { input }, context) => outcome('drive', () => restockDrive(context, input)),
  closeCareDrive: (_, { input }, context) => outcome('drive', () => closeDrive(context, input)),
};
