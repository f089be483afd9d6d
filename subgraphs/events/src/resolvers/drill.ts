import type {
  DrillCommunityResultResolvers,
  DrillParticipantResolvers,
  DrillResolvers,
} from '../generated/resolvers.js';
import { readDrill } from '../queries/event-pages.js';

export const Drill: DrillResolvers = {
  __resolveReference: (reference, context) => readDrill(reference, context),
  area: (drill) => ({ code: drill.areaCode }),
  participants: (drill, _, { loaders }) => loaders.participantsByDrill.load(drill.id),
  ranking: (drill, _, { loaders }) => loaders.rankingByDrill.load(drill.id),
};

export const DrillParticipant: DrillParticipantResolvers = {
  staff: (participant) => ({ id: participant.staffId }),
  grid: (participant) => ({ id: participant.gridId, code: participant.areaCode }),
  community: (participant) => ({ code: participant.communityCode }),
  event: async (participant, _, { loaders }) => {
    const event = await loaders.eventById.load(participant.eventId);
    if (!event) throw new Error(`drill event ${participant.eventId} is missing`);
    return event;
  },
  secondsToAccept: (participant) => participant.acceptSeconds,
  secondsToFeedback: (participant) => participant.feedbackSeconds,
};

export const DrillCommunityResult: DrillCommunityResultResolvers = {
  community: (result) => ({ code: result.communityCode }),
};
