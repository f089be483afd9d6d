import { configureCategory } from '../categories/configure-category.js';
import { decideTopic } from '../deliberation/decide-topic.js';
import { raiseTopic, withdrawTopic } from '../deliberation/raise-topic.js';
import { commentOnTopic, voteOnTopic } from '../deliberation/take-part.js';
import { startDrill } from '../drills/start-drill.js';
import { reportEvent } from '../flow/report-event.js';
import { dispatchEvent, evaluateEvent, plainStep, submitFeedback } from '../flow/steps.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { recordInspection } from '../inspections/record-inspection.js';
import { recordVisit } from '../visits/record-visit.js';

export const Mutation: MutationResolvers = {
  reportEvent: (_, { input }, context) => reportEvent(context, input),
  registerEvent: (_, { input }, context) => plainStep(context, 'REGISTER', input),
  cancelEvent: (_, { input }, context) => plainStep(context, 'CANCEL', input),
  dispatchEvent: (_, { input }, context) => dispatchEvent(context, input),
  acceptEvent: (_, { input }, context) => plainStep(context, 'ACCEPT', input),
  returnEvent: (_, { input }, context) => plainStep(context, 'RETURN', input),
  startEventHandling: (_, { input }, context) => plainStep(context, 'START', input),
  submitEventFeedback: (_, { input }, context) => submitFeedback(context, input),
  verifyEvent: (_, { input }, context) => plainStep(context, 'VERIFY', input),
  reopenEvent: (_, { input }, context) => plainStep(context, 'REOPEN', input),
  closeEvent: (_, { input }, context) => plainStep(context, 'CLOSE', input),
  suspendEvent: (_, { input }, context) => plainStep(context, 'SUSPEND', input),
  resumeEvent: (_, { input }, context) => plainStep(context, 'RESUME', input),
  evaluateEvent: (_, { input }, context) => evaluateEvent(context, input),
  recordInspection: (_, { input }, context) => recordInspection(context, input),
  recordVisit: (_, { input }, context) => recordVisit(context, input),
  startDrill: (_, { input }, context) => startDrill(context, input),
  configureEventCategory: (_, { input }, context) => configureCategory(context, input),
  raiseTopic: (_, { input }, context) => raiseTopic(context, input),
  commentOnTopic: (_, { input }, context) => commentOnTopic(context, input),
  voteOnTopic: (_, { input }, context) => voteOnTopic(context, input),
  decideTopic: (_, { input }, context) => decideTopic(context, input),
  withdrawTopic: (_, { input }, context) => withdrawTopic(context, input),
};
