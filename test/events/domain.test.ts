import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, categoryDefinitionProblems } from '../../subgraphs/events/src/domain/categories.js';
import { chosenChain, responsibleChain, type GridFacts } from '../../subgraphs/events/src/domain/dispatch.js';
import { pickAtRandom, rankCommunities, seededRandom } from '../../subgraphs/events/src/domain/drill.js';
import { checkReport } from '../../subgraphs/events/src/domain/event-report.js';
import {
  checkInspection,
  inspectionStatus,
  rectificationPriority,
} from '../../subgraphs/events/src/domain/inspection.js';
import { medianOf, medianWindow, summarize } from '../../subgraphs/events/src/domain/stats.js';
import type { Actor } from '../../subgraphs/events/src/domain/status-flow.js';
import { checkVisit } from '../../subgraphs/events/src/domain/visit.js';

const staff = (id: string, role: GridFacts['staff'][number]['role']) => ({ id, role, person: { id: `person-${id}` } });
const micro: GridFacts = {
  id: 'm',
  code: '510116001001001001',
  type: 'MICRO',
  staff: [
    staff('s-steward', 'BUILDING_STEWARD'),
    staff('s-worker', 'MICRO_GRID_WORKER'),
    staff('s-leader', 'MICRO_GRID_LEADER'),
  ],
  parent: { id: 'g', code: '510116001001001', type: 'GENERAL', staff: [staff('s-grid', 'GRID_WORKER')] },
};

describe('who is responsible for an event', () => {
  it('chains the micro-grid leader, the general grid’s worker and the community, lowest first', () => {
    expect(responsibleChain(micro)).toEqual([
      { level: 'MICRO_GRID', staffId: 's-leader', personId: 'person-s-leader' },
      { level: 'GRID', staffId: 's-grid', personId: 'person-s-grid' },
      { level: 'COMMUNITY', staffId: null, personId: null },
    ]);
  });

  it('falls back to a micro-grid worker, then the grid worker, then the community', () => {
    const noLeader = { ...micro, staff: micro.staff.filter((member) => member.role !== 'MICRO_GRID_LEADER') };
    expect(responsibleChain(noLeader)[0]).toMatchObject({ level: 'MICRO_GRID', staffId: 's-worker' });
    const nobody = { ...micro, staff: [] };
    expect(responsibleChain(nobody).map((link) => link.staffId)).toEqual(['s-grid', null]);
    expect(responsibleChain({ ...nobody, parent: { ...micro.parent!, staff: [] } })).toEqual([
      { level: 'COMMUNITY', staffId: null, personId: null },
    ]);
  });

  it('uses a general or dedicated grid’s own worker, and no one for a community total grid', () => {
    const general: GridFacts = { ...micro.parent!, staff: micro.parent!.staff, parent: null };
    expect(responsibleChain(general).map((link) => link.level)).toEqual(['GRID', 'COMMUNITY']);
    expect(responsibleChain({ ...general, type: 'COMMUNITY_TOTAL' }).map((link) => link.level)).toEqual(['COMMUNITY']);
  });

  it('dispatches to chosen staff serving the grid or the general grid above it, escalating from their level', () => {
    expect(chosenChain(micro, 's-steward')!.map((link) => link.staffId)).toEqual(['s-steward', 's-grid', null]);
    expect(chosenChain(micro, 's-grid')!.map((link) => link.level)).toEqual(['GRID', 'COMMUNITY']);
    expect(chosenChain(micro, 'someone-elsewhere')).toBeNull();
  });
});

describe('drills', () => {
  const candidates = Array.from({ length: 20 }, (_, index) => ({ id: `staff-${String(index).padStart(2, '0')}` }));

  it('picks the same workers for the same seed, whatever order the candidates came in', () => {
    const picked = pickAtRandom(candidates, 5, 42).map((candidate) => candidate.id);
    expect(pickAtRandom([...candidates].reverse(), 5, 42).map((candidate) => candidate.id)).toEqual(picked);
    expect(new Set(picked).size).toBe(5);
    expect(pickAtRandom(candidates, 5, 43).map((candidate) => candidate.id)).not.toEqual(picked);
    expect(pickAtRandom(candidates, 50, 1)).toHaveLength(20);
  });

  it('draws from a generator that is deterministic and spread over [0, 1)', () => {
    const random = seededRandom(7);
    const draws = Array.from({ length: 1000 }, () => random());
    expect(seededRandom(7)()).toBe(draws[0]);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.filter((draw) => draw < 0.5).length).toBeGreaterThan(450);
  });

  it('ranks communities by share with feedback, share accepted, then speed; equals share a rank', () => {
    const row = (
      communityCode: string,
      feedbackSubmitted: number,
      accepted: number,
      feedback: number | null,
      accept: number | null,
    ) => ({
      communityCode,
      workers: 2,
      accepted,
      feedbackSubmitted,
      averageSecondsToAccept: accept,
      averageSecondsToFeedback: feedback,
    });
    const ranked = rankCommunities([
      row('C', 1, 2, 900, 60),
      row('A', 2, 2, 1200, 100),
      row('D', 0, 0, null, null),
      row('B', 2, 2, 600, 300),
      row('E', 1, 2, 900, 60),
    ]);
    expect(ranked.map((result) => [result.communityCode, result.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 3],
      ['E', 3],
      ['D', 5],
    ]);
  });
});

describe('statistics', () => {
  it('reads the middle one or two closing times and takes their mean', () => {
    expect(medianWindow(0)).toBeNull();
    expect(medianWindow(5)).toEqual({ offset: 2, take: 1 });
    expect(medianWindow(6)).toEqual({ offset: 2, take: 2 });
    expect(medianOf([100, 300])).toBe(200);
    expect(medianOf([])).toBeNull();
  });

  it('folds status × category groups into counts, the on-time rate and overdue events', () => {
    const stats = summarize(
      [
        { status: 'CLOSED', category: '安全隐患', count: 3, closed: 3, closedOnTime: 2, overdue: 0, timed: 3 },
        { status: 'CLOSED', category: '矛盾纠纷', count: 1, closed: 1, closedOnTime: 1, overdue: 0, timed: 1 },
        { status: 'DISPATCHED', category: '安全隐患', count: 2, closed: 0, closedOnTime: 0, overdue: 1, timed: 0 },
      ],
      3600,
    );
    expect(stats).toEqual({
      total: 6,
      byStatus: [
        { status: 'CLOSED', count: 4 },
        { status: 'DISPATCHED', count: 2 },
      ],
      byCategory: [
        { category: '安全隐患', count: 5 },
        { category: '矛盾纠纷', count: 1 },
      ],
      closed: 4,
      closedOnTime: 3,
      onTimeRate: 0.75,
      overdue: 1,
      medianSecondsToClose: 3600,
    });
    expect(summarize([], null).onTimeRate).toBeNull();
  });
});

describe('checking input', () => {
  const worker: Actor = { subject: 'w', roles: ['GRID_WORKER'], personId: 'p' };
  const resident: Actor = { subject: 'r', roles: ['RESIDENT'], personId: 'resident' };
  const report = { gridId: 'g', title: '楼道堆放杂物', category: '安全隐患' };
  const codes = (problems: { code: string; field?: string | null | undefined }[]) =>
    problems.map((problem) => [problem.code, problem.field]);

  it('accepts a report and defaults its priority and source', () => {
    const checked = checkReport(
      { ...report, photos: ['https://img.example.cn/1.jpg'], location: { lng: 103.92, lat: 30.57 } },
      DEFAULT_CATEGORIES,
      worker,
    );
    expect(checked.draft).toMatchObject({
      priority: 'NORMAL',
      source: 'PATROL',
      reporterId: null,
      lng: 103.92,
      lat: 30.57,
      photos: ['https://img.example.cn/1.jpg'],
    });
    expect(checkReport(report, DEFAULT_CATEGORIES, resident).draft).toMatchObject({
      source: 'RESIDENT',
      reporterId: 'resident',
    });
  });

  it('reports every problem of a bad report with its code and field', () => {
    const checked = checkReport(
      {
        gridId: ' ',
        title: '坏',
        category: '外星人入侵',
        photos: ['ftp://x'],
        location: { lng: 10, lat: 30 },
        source: 'DRILL',
      },
      DEFAULT_CATEGORIES,
      worker,
    );
    expect(codes(checked.problems)).toEqual([
      ['INVALID_TITLE', 'title'],
      ['INVALID_PHOTO', 'photos'],
      ['INVALID_LOCATION', 'location'],
      ['UNKNOWN_CATEGORY', 'category'],
      ['GRID_NOT_FOUND', 'gridId'],
      ['INVALID_SOURCE', 'source'],
    ]);
    expect(checked.problems.find((problem) => problem.code === 'UNKNOWN_CATEGORY')?.message).toBe(
      '未知的事件类别：外星人入侵（请从事件类别目录中选择）',
    );
  });

  it('lets a resident report only as themselves', () => {
    expect(
      codes(checkReport({ ...report, reporterId: 'someone-else' }, DEFAULT_CATEGORIES, resident).problems),
    ).toEqual([['INVALID_REPORTER', 'reporterId']]);
    expect(codes(checkReport(report, DEFAULT_CATEGORIES, { ...resident, personId: null }).problems)).toEqual([
      ['ROLE_NOT_ALLOWED', undefined],
    ]);
  });

  it('refuses a retired category', () => {
    const retired = DEFAULT_CATEGORIES.map((category) =>
      category.name === '安全隐患' ? { ...category, active: false } : category,
    );
    expect(codes(checkReport(report, retired, worker).problems)).toEqual([['UNKNOWN_CATEGORY', 'category']]);
  });

  it('checks an inspection’s findings one by one and names the bad one', () => {
    const now = new Date('2026-11-30T01:00:00Z');
    const checked = checkInspection(
      {
        gridId: 'g',
        title: '消防安全巡查',
        findings: [
          { description: '灭火器过期', hazardLevel: 'GENERAL', needsRectification: true },
          {
            description: '',
            hazardLevel: 'MINOR',
            needsRectification: false,
            rectifyBy: new Date('2026-11-01T00:00:00Z'),
          },
        ],
      },
      now,
    );
    expect(codes(checked.problems)).toEqual([
      ['INVALID_FINDING', 'findings.1.description'],
      ['INVALID_FINDING', 'findings.1.rectifyBy'],
    ]);
    expect(codes(checkInspection({ gridId: 'g', title: '巡查', findings: [] }, now).problems)).toEqual([
      ['INVALID_FINDING', 'findings'],
    ]);
    expect(rectificationPriority('MAJOR')).toBe('URGENT');
    expect(inspectionStatus(['CLOSED', 'CANCELLED', 'EVALUATED'])).toBe('CLOSED');
    expect(inspectionStatus(['CLOSED', 'IN_PROGRESS'])).toBe('OPEN');
  });

  it('asks a visit for exactly one visitor and a known follow-up category', () => {
    const now = new Date('2026-11-30T01:00:00Z');
    const visit = { personId: 'p', outcome: 'NEEDS_HELP' as const, followUpNeeded: true };
    expect(
      codes(checkVisit({ ...visit, visitorStaffId: 's', visitorVolunteerId: 'v' }, DEFAULT_CATEGORIES, now).problems),
    ).toEqual([['VISITOR_REQUIRED', 'visitorStaffId']]);
    expect(
      codes(
        checkVisit({ ...visit, visitorStaffId: 's', followUp: { category: '不存在' } }, DEFAULT_CATEGORIES, now)
          .problems,
      ),
    ).toEqual([['UNKNOWN_CATEGORY', 'followUp.category']]);
    expect(
      codes(
        checkVisit(
          { ...visit, visitorStaffId: 's', visitedAt: new Date('2027-01-01T00:00:00Z') },
          DEFAULT_CATEGORIES,
          now,
        ).problems,
      ),
    ).toEqual([['INVALID_TIME', 'visitedAt']]);
    expect(checkVisit({ ...visit, visitorVolunteerId: 'v' }, DEFAULT_CATEGORIES, now).visit).toMatchObject({
      visitor: { kind: 'VOLUNTEER', id: 'v' },
      visitedAt: now,
      followUp: { title: '走访发现需跟进事项', category: '关爱走访', priority: 'NORMAL' },
    });
  });

  it('checks a configured category’s name and limits', () => {
    const base = DEFAULT_CATEGORIES[0]!;
    expect(categoryDefinitionProblems(base)).toEqual([]);
    expect(
      categoryDefinitionProblems({ ...base, name: 'a', urgent: { ...base.urgent, acceptMinutes: 0 } }).map(
        (problem) => [problem.code, problem.field],
      ),
    ).toEqual([
      ['INVALID_CATEGORY_NAME', 'name'],
      ['INVALID_TIME_LIMIT', 'urgent.acceptMinutes'],
    ]);
  });
});
