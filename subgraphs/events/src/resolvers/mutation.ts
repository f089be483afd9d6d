import { commentOnTopic } from '../actions/comment-on-topic.js';
import { configureEventCategory } from '../actions/configure-event-category.js';
import { decideTopic } from '../actions/decide-topic.js';
import { dispatchEvent } from '../actions/dispatch-event.js';
import { evaluateEvent } from '../actions/evaluate-event.js';
import { raiseTopic } from '../actions/raise-topic.js';
import { recordInspection } from '../actions/record-inspection.js';
import { recordVisit } from '../actions/record-visit.js';
import { reportEvent } from '../actions/report-event.js';
import { startDrill } from '../actions/start-drill.js';
import { submitEventFeedback } from '../actions/submit-event-feedback.js';
import { takeStep } from '../actions/take-step.js';
import { voteOnTopic } from '../actions/vote-on-topic.js';
import { withdrawTopic } from '../actions/withdraw-topic.js';
import type { MutationResolvers } from '../generated/resolvers.js';

/** The steps with nothing of their own (register, cancel, accept...) are the common step path with the step's name. */
export const Mutation: MutationResolvers = {
  reportEvent: (_, { input }, context) => reportEvent(context, input),
  registerEvent: (_, { input }, context) => takeStep(context, 'REGISTER', input),
  cancelEvent: (_, { input }, context) => takeStep(context, 'CANCEL', input),
  dispatchEvent: (_, { input }, context) => dispatchEvent(context, input),
  acceptEvent: (_, { input }, context) => takeStep(context, 'ACCEPT', input),
  returnEvent: (_, { input }, context) => takeStep(context, 'RETURN', input),
  startEventHandling: (_, { input }, context) => takeStep(context, 'START', input),
  submitEventFeedback: (_, { input }, context) => submitEventFeedback(context, input),
  verifyEvent: (_, { input }, context) => takeStep(context, 'VERIFY', input),
  reopenEvent: (_, { input }, context) => takeStep(context, 'REOPEN', input),
  closeEvent: (_, { input }, context) => takeStep(context, 'CLOSE', input),
  suspendEvent: (_, { input }, context) => takeStep(context, 'SUSPEND', input),
  resumeEvent: (_, { input }, context) => takeStep(context, 'RESUME', input),
  evaluateEvent: (_, { input }, context) => evaluateEvent(context, input),
  recordInspection: (_, { input }, context) => recordInspection(context, input),
  recordVisit: (_, { input }, context) => recordVisit(context, input),
  startDrill: (_, { input }, context) => startDrill(context, input),
  configureEventCategory: (_, { input }, context) => configureEventCategory(context, input),
  raiseTopic: (_, { input }, context) => raiseTopic(context, input),
  commentOnTopic: (_, { input }, context) => commentOnTopic(context, input),
  voteOnTopic: (_, { input }, context) => voteOnTopic(context, input),
  decideTopic: (_, { input }, context) => decideTopic(context, input),
  withdrawTopic: (_, { input }, context) => withdrawTopic(context, input),
};
