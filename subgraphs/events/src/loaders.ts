import type { DataSource } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupPageLoader, type GroupPageLoader } from '../../kit/src/connection.js';
import { createGroupLoader, createRowLoader, inScopeRule, overlapsScopeRule } from '../../kit/src/loaders.js';
import { createDrillRankingLoader } from './queries/drill-ranking.js';
import { createMedianLoader, createStatsLoader } from './queries/event-stats.js';
import { createLastVisitLoader } from './queries/last-visit.js';
import { createTopicCountLoaders } from './queries/topic-counts.js';
import type { TopicStatus } from './domain/deliberation.js';
import type { EventStatus } from './domain/event-values.js';
import { Drill, DrillParticipant } from './entities/drill.js';
import { EventAction } from './entities/event-action.js';
import { EventCategory, type EventCategoryEntity } from './entities/event-category.js';
import { GridEvent, type GridEventEntity } from './entities/grid-event.js';
import { Inspection, InspectionFinding } from './entities/inspection.js';
import { Topic, TopicComment, TopicDecision, type TopicEntity } from './entities/topic.js';
import { Visit } from './entities/visit.js';

/** Per-request loaders; every one applies the viewer's scope to `area_code` in SQL. */
export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const scoped = { restrict: inScopeRule(viewer) };
  const eventPages = (groupBy: 'areaCode' | 'assigneeId' | 'reporterId', statuses?: readonly EventStatus[]) =>
    createGroupPageLoader(dataSource, GridEvent, viewer, {
      groupBy,
      match: groupBy === 'areaCode' ? 'prefix' : 'equal',
      areaCodeProperty: 'areaCode',
      ...(statuses ? { filter: { status: [...statuses] } } : {}),
    });
  // One page loader per status filter asked in this request, so equal filters batch together.
  const assigned = new Map<string, GroupPageLoader<GridEventEntity>>();
  let categories: Promise<EventCategoryEntity[]> | undefined;
  /** Deliberation-hall rows serve their grid: visible inside the scope and on the path above it. */
  const visibleTopics = { restrict: overlapsScopeRule(viewer) };
  const topicPages = new Map<string, GroupPageLoader<TopicEntity>>();
  // Topics and comments keyset on their time-ordered ids, under the same visibility rule.
  const hallPages = { areaCodeProperty: 'areaCode', scope: 'overlaps' } as const;
  return {
    eventById: createRowLoader(dataSource, GridEvent, 'id', scoped),
    /** Keyed by an area-code prefix: a grid's events are those under its code. */
    eventsUnderArea: eventPages('areaCode'),
    eventsByAssignee: (statuses: readonly EventStatus[] | null | undefined) => {
      const key = statuses?.length ? [...new Set(statuses)].sort().join(',') : '';
      const existing = assigned.get(key);
      if (existing) return existing;
      const loader = eventPages('assigneeId', key ? (key.split(',') as EventStatus[]) : undefined);
      assigned.set(key, loader);
      return loader;
    },
    eventsByReporter: eventPages('reporterId'),
    timelineByEvent: createGroupLoader(dataSource, EventAction, 'eventId', { ...scoped, orderBy: 'version' }),
    /** The whole catalogue, read once per request. */
    categories: () =>
      (categories ??= dataSource.getRepository(EventCategory).find({ order: { sortOrder: 'ASC', name: 'ASC' } })),
    statsByArea: createStatsLoader(dataSource, viewer),
    medianByStats: createMedianLoader(dataSource, viewer),
    inspectionById: createRowLoader(dataSource, Inspection, 'id', scoped),
    findingById: createRowLoader(dataSource, InspectionFinding, 'id', scoped),
    findingsByInspection: createGroupLoader(dataSource, InspectionFinding, 'inspectionId', {
      ...scoped,
      orderBy: 'position',
    }),
    visitById: createRowLoader(dataSource, Visit, 'id', scoped),
    visitsByPerson: createGroupPageLoader(dataSource, Visit, viewer, {
      groupBy: 'personId',
      match: 'equal',
      areaCodeProperty: 'areaCode',
    }),
    lastVisitByPerson: createLastVisitLoader(dataSource, viewer),
    drillById: createRowLoader(dataSource, Drill, 'id', scoped),
    participantsByDrill: createGroupLoader(dataSource, DrillParticipant, 'drillId', {
      ...scoped,
      orderBy: 'communityCode',
    }),
    rankingByDrill: createDrillRankingLoader(dataSource, viewer),
    topicById: createRowLoader(dataSource, Topic, 'id', visibleTopics),
    /** Keyed by a grid's prefix: its topics and those of grids inside it, newest first, of one status or any. */
    topicsUnderArea: (status: TopicStatus | null | undefined) => {
      const key = status ?? '';
      let loader = topicPages.get(key);
      if (!loader) {
        loader = createGroupPageLoader(dataSource, Topic, viewer, {
          ...hallPages,
          groupBy: 'areaCode',
          match: 'prefix',
          direction: 'DESC',
          ...(status ? { filter: { status } } : {}),
        });
        topicPages.set(key, loader);
      }
      return loader;
    },
    commentsByTopic: createGroupPageLoader(dataSource, TopicComment, viewer, {
      ...hallPages,
      groupBy: 'topicId',
      match: 'equal',
      direction: 'ASC',
    }),
    decisionByTopic: createRowLoader(dataSource, TopicDecision, 'topicId', visibleTopics),
    eventsByTopic: createGroupLoader(dataSource, GridEvent, 'topicId', { ...scoped, orderBy: 'id' }),
    ...createTopicCountLoaders(dataSource, viewer),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
