import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { viewerFromClaims } from '../../subgraphs/kit/src/auth.js';
import { actsFor, organises } from '../../subgraphs/volunteers/src/domain/access.js';
import { checkActivity } from '../../subgraphs/volunteers/src/domain/activity-input.js';
import { checkRestock, matchRestock } from '../../subgraphs/volunteers/src/domain/care-drive.js';
import { nextStatus, type ActivityStatus } from '../../subgraphs/volunteers/src/domain/activity-status.js';
import {
  checkInProblem,
  checkOutProblem,
  type AttendanceRequest,
} from '../../subgraphs/volunteers/src/domain/attendance.js';
import { correctionRequest, decisionProblem } from '../../subgraphs/volunteers/src/domain/corrections.js';
import {
  cancellationProblem,
  enrolmentProblem,
  type ActivityFacts,
} from '../../subgraphs/volunteers/src/domain/enrolment.js';
import { balanceAfter, pointsFor, STARTING_POINT_RATES } from '../../subgraphs/volunteers/src/domain/points.js';
import {
  cancellable,
  requestProblems,
  rewardProblem,
  sameRequest,
} from '../../subgraphs/volunteers/src/domain/redemption.js';
import { confirmation } from '../../subgraphs/volunteers/src/domain/service-records.js';
import { serviceMinutes, windowMinutes } from '../../subgraphs/volunteers/src/domain/service-hours.js';
import { minutesToNextStar, starFor } from '../../subgraphs/volunteers/src/domain/stars.js';
import { periodLabel, statsRangeProblem } from '../../subgraphs/volunteers/src/domain/stats-range.js';
import { PROBLEMS } from '../../subgraphs/volunteers/src/domain/problems.js';
import { checkProfile } from '../../subgraphs/volunteers/src/domain/volunteer-profile.js';
import { formatUuidV7, newId } from '../../subgraphs/volunteers/src/domain/ids.js';
import { DEFAULT_RATES } from '../../subgraphs/volunteers/src/migrations/1764500000000-volunteer-domain.js';

const at = (time: string) => new Date(`2026-12-01T${time}:00+08:00`);
const code = (result: { problem: { code: string } } | object | null) =>
  result && 'problem' in result ? result.problem.code : null;
const activity = (values: Partial<ActivityFacts> = {}): ActivityFacts => ({
  status: 'PUBLISHED',
  startsAt: at('09:00'),
  endsAt: at('12:00'),
  capacity: 2,
  enrolledCount: 0,
  ...values,
});

describe('the activity status flow', () => {
  const flow = (status: ActivityStatus, action: 'PUBLISH' | 'START' | 'FINISH' | 'CANCEL') =>
    nextStatus({ status, startsAt: at('09:00') }, action, at('08:00'));

  it('moves DRAFT → PUBLISHED → ONGOING → FINISHED, and cancels a draft or a published activity', () => {
    expect(flow('DRAFT', 'PUBLISH')).toEqual({ to: 'PUBLISHED' });
    expect(flow('PUBLISHED', 'START')).toEqual({ to: 'ONGOING' });
    expect(flow('ONGOING', 'FINISH')).toEqual({ to: 'FINISHED' });
    expect(flow('DRAFT', 'CANCEL')).toEqual({ to: 'CANCELLED' });
    expect(flow('PUBLISHED', 'CANCEL')).toEqual({ to: 'CANCELLED' });
  });

  it('refuses every other step with a message naming the current status', () => {
    for (const [status, action] of [
      ['DRAFT', 'START'],
      ['PUBLISHED', 'FINISH'],
      ['ONGOING', 'CANCEL'],
      ['FINISHED', 'START'],
      ['CANCELLED', 'PUBLISH'],
      ['FINISHED', 'CANCEL'],
    ] as const) {
      const result = flow(status, action);
      expect(code(result), `${status} ${action}`).toBe('INVALID_TRANSITION');
    }
    const refused = flow('FINISHED', 'CANCEL') as { problem: { message: string } };
    expect(refused.problem.message).toBe('活动当前为“已结束”，不能取消');
  });

  it('does not publish an activity whose start has passed', () => {
    expect(code(nextStatus({ status: 'DRAFT', startsAt: at('09:00') }, 'PUBLISH', at('09:00')))).toBe('STARTS_IN_PAST');
  });
});

describe('hours, stars and points', () => {
  it('counts only the time inside the window, in whole minutes: arriving early or leaving late adds nothing', () => {
    expect(serviceMinutes(at('08:30'), at('12:45'), at('09:00'), at('12:00'))).toBe(180);
    expect(serviceMinutes(at('09:20'), at('11:05'), at('09:00'), at('12:00'))).toBe(105);
    expect(serviceMinutes(new Date(at('09:00').getTime() + 59_000), at('09:01'), at('09:00'), at('12:00'))).toBe(0);
    expect(serviceMinutes(at('12:10'), at('12:40'), at('09:00'), at('12:00'))).toBe(0);
    expect(windowMinutes(at('09:00'), at('12:00'))).toBe(180);
  });

  it('gives one star at 100 hours, two at 300, three at 600, four at 1,000 and five at 1,500', () => {
    const cases: [number, number][] = [
      [0, 0],
      [99.99, 0],
      [100, 1],
      [299, 1],
      [300, 2],
      [600, 3],
      [999, 3],
      [1000, 4],
      [1500, 5],
      [4000, 5],
    ];
    for (const [hours, star] of cases) expect(starFor(Math.round(hours * 60)), `${hours} h`).toBe(star);
    expect(minutesToNextStar(90 * 60)).toBe(600);
    expect(minutesToNextStar(1500 * 60)).toBeNull();
  });

  it('earns whole points at the rate per hour, rounded down', () => {
    expect(pointsFor(180, 10)).toBe(30);
    expect(pointsFor(95, 12)).toBe(19);
    expect(pointsFor(5, 10)).toBe(0);
  });

  it('never lets a balance go below zero', () => {
    expect(balanceAfter(100, -100)).toEqual({ balance: 0 });
    expect(balanceAfter(100, 20)).toEqual({ balance: 120 });
    const short = balanceAfter(99, -100) as { problem: { code: string; message: string } };
    expect(short.problem).toMatchObject({
      code: 'INSUFFICIENT_POINTS',
      message: '积分不足：需要 100 分，当前余额 99 分',
    });
  });

  it('starts every database with the rates the domain knows', () => {
    expect(Object.fromEntries(DEFAULT_RATES)).toEqual(STARTING_POINT_RATES);
  });
});

describe('enrolment', () => {
  it('enrols once, in a published activity before it starts, while places are free', () => {
    const now = at('08:00');
    expect(enrolmentProblem(activity(), null, now)).toBeNull();
    expect(enrolmentProblem(activity(), { status: 'CANCELLED' }, now)).toBeNull();
    expect(enrolmentProblem(activity(), { status: 'ENROLLED' }, now)?.code).toBe('ALREADY_ENROLLED');
    expect(enrolmentProblem(activity({ enrolledCount: 2 }), null, now)?.code).toBe('ACTIVITY_FULL');
    expect(enrolmentProblem(activity({ status: 'CANCELLED' }), null, now)?.code).toBe('ACTIVITY_CANCELLED');
    expect(enrolmentProblem(activity({ status: 'FINISHED' }), null, now)?.code).toBe('ACTIVITY_FINISHED');
    expect(enrolmentProblem(activity({ status: 'DRAFT' }), null, now)?.code).toBe('ACTIVITY_NOT_OPEN');
    expect(enrolmentProblem(activity({ status: 'ONGOING' }), null, now)?.code).toBe('ENROLMENT_CLOSED');
    expect(enrolmentProblem(activity(), null, at('09:00'))?.code).toBe('ENROLMENT_CLOSED');
  });

  it('cancels an enrolment only before the start', () => {
    expect(cancellationProblem(activity(), { status: 'ENROLLED' }, at('08:59'))).toBeNull();
    expect(cancellationProblem(activity(), { status: 'ENROLLED' }, at('09:00'))?.code).toBe('CANCEL_CLOSED');
    expect(cancellationProblem(activity(), { status: 'CANCELLED' }, at('08:00'))?.code).toBe('ENROLMENT_CANCELLED');
    expect(cancellationProblem(activity({ status: 'ONGOING' }), { status: 'CHECKED_IN' }, at('08:00'))?.code).toBe(
      'CANCEL_CLOSED',
    );
  });
});

describe('attendance', () => {
  const request = (values: Partial<AttendanceRequest> = {}): AttendanceRequest => ({
    activity: activity({ status: 'ONGOING' }),
    enrolment: { status: 'ENROLLED', checkedInAt: null },
    at: null,
    byOrganizer: false,
    now: at('09:10'),
    ...values,
  });

  it('lets a volunteer check in now while the activity is ongoing', () => {
    expect(checkInProblem(request())).toBeNull();
    expect(checkInProblem(request({ activity: activity({ status: 'PUBLISHED' }) }))?.code).toBe('ACTIVITY_NOT_ONGOING');
    expect(checkInProblem(request({ now: at('12:00') }))?.code).toBe('CHECK_IN_AFTER_END');
    expect(checkInProblem(request({ enrolment: { status: 'CHECKED_IN', checkedInAt: at('09:00') } }))?.code).toBe(
      'ALREADY_CHECKED_IN',
    );
  });

  it('lets only an organiser set the time, never in the future, also after the activity finished', () => {
    expect(checkInProblem(request({ at: at('09:00') }))?.code).toBe('TIME_SET_BY_ORGANIZER');
    expect(
      checkInProblem(request({ at: at('09:00'), byOrganizer: true, activity: activity({ status: 'FINISHED' }) })),
    ).toBeNull();
    expect(checkInProblem(request({ at: at('09:30'), byOrganizer: true }))?.code).toBe('TIME_IN_FUTURE');
  });

  it('refuses a check-out before a check-in, or earlier than it', () => {
    expect(checkOutProblem(request())?.code).toBe('CHECK_IN_REQUIRED');
    const checkedIn = { status: 'CHECKED_IN' as const, checkedInAt: at('09:05') };
    expect(checkOutProblem(request({ enrolment: checkedIn }))).toBeNull();
    expect(checkOutProblem(request({ enrolment: checkedIn, at: at('09:00'), byOrganizer: true }))?.code).toBe(
      'CHECK_OUT_BEFORE_CHECK_IN',
    );
    expect(checkOutProblem(request({ enrolment: { status: 'CHECKED_OUT', checkedInAt: at('09:05') } }))?.code).toBe(
      'ALREADY_CHECKED_OUT',
    );
  });
});

describe('confirmation and corrections', () => {
  const pending = { status: 'PENDING' as const, computedMinutes: 150, windowMinutes: 180 };

  it('confirms the computed hours, or adjusted ones within the window with a reason', () => {
    expect(confirmation(pending, 'FINISHED', null, null)).toEqual({
      confirmation: { minutes: 150, adjustmentReason: null },
    });
    expect(confirmation(pending, 'FINISHED', 2.5, null)).toEqual({
      confirmation: { minutes: 150, adjustmentReason: null },
    });
    expect(confirmation(pending, 'FINISHED', 2, ' 中途离开 ')).toEqual({
      confirmation: { minutes: 120, adjustmentReason: '中途离开' },
    });
    expect(code(confirmation(pending, 'FINISHED', 2, ''))).toBe('REASON_REQUIRED');
    expect(code(confirmation(pending, 'FINISHED', 3.5, '加班'))).toBe('HOURS_EXCEED_WINDOW');
    expect(code(confirmation(pending, 'FINISHED', -1, '负数'))).toBe('INVALID_HOURS');
    expect(code(confirmation(pending, 'ONGOING', null, null))).toBe('ACTIVITY_NOT_FINISHED');
    expect(code(confirmation({ ...pending, status: 'CONFIRMED' }, 'FINISHED', null, null))).toBe(
      'RECORD_ALREADY_CONFIRMED',
    );
  });

  it('takes a correction of a confirmed record to other hours within the window, with a reason', () => {
    const confirmed = { status: 'CONFIRMED' as const, minutes: 120, windowMinutes: 180, correctionPending: false };
    expect(correctionRequest(confirmed, 3, '实际服务到结束')).toEqual({ minutes: 180, reason: '实际服务到结束' });
    expect(code(correctionRequest(confirmed, 2, '没变'))).toBe('CORRECTION_UNCHANGED');
    expect(code(correctionRequest(confirmed, 4, '超出'))).toBe('HOURS_EXCEED_WINDOW');
    expect(code(correctionRequest(confirmed, 3, ''))).toBe('REASON_REQUIRED');
    expect(code(correctionRequest({ ...confirmed, correctionPending: true }, 3, '再申请'))).toBe(
      'CORRECTION_ALREADY_PENDING',
    );
    expect(code(correctionRequest({ ...confirmed, status: 'PENDING' }, 3, '未确认'))).toBe('RECORD_NOT_CONFIRMED');
    expect(code(correctionRequest({ ...confirmed, windowMinutes: null }, 900, '开账记录'))).toBeNull();
  });

  it('decides a pending correction once, with a reason', () => {
    expect(decisionProblem({ status: 'PENDING' }, '核实无误')).toEqual({ reason: '核实无误' });
    expect(code(decisionProblem({ status: 'PENDING' }, ' '))).toBe('REASON_REQUIRED');
    expect(code(decisionProblem({ status: 'APPROVED' }, '再次'))).toBe('CORRECTION_ALREADY_DECIDED');
  });
});

describe('rewards and redemptions', () => {
  it('refuses a quantity outside 1–99 and a malformed idempotency key', () => {
    expect(requestProblems({ rewardId: 'r', quantity: 1, idempotencyKey: 'key-0001' })).toEqual([]);
    expect(requestProblems({ rewardId: 'r', quantity: -1, idempotencyKey: 'key-0001' }).map((p) => p.code)).toEqual([
      'INVALID_QUANTITY',
    ]);
    expect(requestProblems({ rewardId: 'r', quantity: 0, idempotencyKey: 'short' }).map((p) => p.code)).toEqual([
      'INVALID_QUANTITY',
      'INVALID_IDEMPOTENCY_KEY',
    ]);
    expect(
      requestProblems({ rewardId: 'r', quantity: 1.5, idempotencyKey: 'has space 123' }).map((p) => p.code),
    ).toEqual(['INVALID_QUANTITY', 'INVALID_IDEMPOTENCY_KEY']);
  });

  it('names one request by its reward and quantity', () => {
    expect(sameRequest({ rewardId: 'a', quantity: 2 }, { rewardId: 'a', quantity: 2, idempotencyKey: 'k' })).toBe(true);
    expect(sameRequest({ rewardId: 'a', quantity: 2 }, { rewardId: 'a', quantity: 1, idempotencyKey: 'k' })).toBe(
      false,
    );
  });

  it('offers a reward to volunteers living under its catalogue area, while active and in stock', () => {
    const reward = { active: true, stock: 3, areaCode: '510116001' };
    expect(rewardProblem(reward, '510116001001001001', 3)).toBeNull();
    expect(rewardProblem(reward, '510116001001001001', 4)?.code).toBe('OUT_OF_STOCK');
    expect(rewardProblem({ ...reward, active: false }, '510116001001001001', 1)?.code).toBe('REWARD_INACTIVE');
    expect(rewardProblem(reward, '510116004001001001', 1)?.code).toBe('REWARD_NOT_OFFERED');
    expect(cancellable({ status: 'PENDING_PICKUP' })).toBeNull();
    expect(cancellable({ status: 'PICKED_UP' })?.code).toBe('REDEMPTION_NOT_PENDING');
  });
});

describe('who may act', () => {
  const worker = viewerFromClaims({ sub: 'w', roles: ['COMMUNITY_WORKER'], scopes: ['510116001001'] });
  const volunteer = viewerFromClaims({ sub: 'v', roles: ['VOLUNTEER'], scopes: ['510116001'], personId: 'p1' });
  const gridWorker = viewerFromClaims({ sub: 'g', roles: ['GRID_WORKER'], scopes: ['510116001001'] });

  it('a volunteer acts for themselves, a community worker for the residents of their community', () => {
    expect(actsFor(volunteer, { personId: 'p1', areaCode: '510116001002001001' })).toBe(true);
    expect(actsFor(volunteer, { personId: 'p2', areaCode: '510116001001001001' })).toBe(false);
    expect(actsFor(worker, { personId: 'p2', areaCode: '510116001001001001' })).toBe(true);
    expect(actsFor(worker, { personId: 'p2', areaCode: '510116001002001001' })).toBe(false);
    expect(actsFor(gridWorker, { personId: 'p2', areaCode: '510116001001001001' })).toBe(false);
  });

  it('an organiser is a worker whose scope holds the activity, or a leader of its team', () => {
    const held = { areaCode: '510116001001001', teamId: 't1' };
    expect(organises(worker, held, [])).toBe(true);
    expect(organises(worker, { ...held, areaCode: '510116001002001' }, [])).toBe(false);
    expect(organises(volunteer, held, ['t1'])).toBe(true);
    expect(organises(volunteer, held, ['t2'])).toBe(false);
    expect(organises(gridWorker, held, [])).toBe(false);
  });
});

describe('inputs', () => {
  const request = {
    title: '楼道清扫',
    category: '楼道清扫',
    place: '3 栋楼下',
    startsAt: at('09:00'),
    endsAt: at('12:00'),
    capacity: 10,
  };

  it('checks an activity and reports every problem', () => {
    expect(checkActivity(request, ['楼道清扫'], at('08:00')).problems).toEqual([]);
    const bad = checkActivity(
      { ...request, title: '扫', category: '跳舞', endsAt: at('08:00'), capacity: 0 },
      ['楼道清扫'],
      at('10:00'),
    );
    expect(bad.problems.map((p) => p.code)).toEqual([
      'INVALID_TITLE',
      'UNKNOWN_CATEGORY',
      'INVALID_TIME_WINDOW',
      'STARTS_IN_PAST',
      'INVALID_CAPACITY',
    ]);
  });

  it('checks skills and weekly availability', () => {
    expect(
      checkProfile({
        skills: ['急救', '急救', '电工'],
        availability: [
          { weekday: 6, startTime: '09:00', endTime: '12:00' },
          { weekday: 1, startTime: '19:00', endTime: '21:00' },
        ],
      }),
    ).toEqual({
      skills: ['急救', '电工'],
      availability: [
        { weekday: 1, startTime: '19:00', endTime: '21:00' },
        { weekday: 6, startTime: '09:00', endTime: '12:00' },
      ],
      problems: [],
    });
    expect(
      checkProfile({ availability: [{ weekday: 8, startTime: '09:00', endTime: '12:00' }] }).problems.map(
        (p) => p.code,
      ),
    ).toEqual(['INVALID_AVAILABILITY']);
    expect(
      checkProfile({ availability: [{ weekday: 1, startTime: '12:00', endTime: '09:00' }] }).problems.map(
        (p) => p.code,
      ),
    ).toEqual(['INVALID_AVAILABILITY']);
    expect(checkProfile({ skills: [''] }).problems.map((p) => p.code)).toEqual(['INVALID_SKILLS']);
  });

  it('limits statistics ranges and labels periods on the Shanghai calendar', () => {
    expect(statsRangeProblem(at('09:00'), at('08:00'), 'MONTH')?.argument).toBe('to');
    expect(statsRangeProblem(new Date('2025-01-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z'), 'DAY')?.argument).toBe(
      'to',
    );
    expect(statsRangeProblem(new Date('2025-01-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z'), 'MONTH')).toBeNull();
    expect(periodLabel(new Date('2026-11-30T16:30:00Z'), 'MONTH')).toBe('2026-12');
    expect(periodLabel(new Date('2026-11-30T15:30:00Z'), 'DAY')).toBe('2026-11-30');
  });
});

describe('restocking a care drive', () => {
  const items = [
    { id: 'i-1', name: '燃气报警器' },
    { id: 'i-2', name: '防滑垫' },
  ];
  const codes = (lines: Parameters<typeof checkRestock>[0]) => checkRestock(lines).map((found) => found.code);

  it('takes 1 to 10 lines, each naming its item by id or by name, with 1 to 100000 to add', () => {
    expect(
      codes([
        { itemId: 'i-1', quantity: 1 },
        { name: '防滑垫', quantity: 100_000 },
      ]),
    ).toEqual([]);
    expect(codes([])).toEqual(['INVALID_RESTOCK_ITEMS']);
    expect(codes(Array.from({ length: 11 }, () => ({ itemId: 'i-1', quantity: 1 })))).toEqual([
      'INVALID_RESTOCK_ITEMS',
    ]);
    expect(codes([{ itemId: 'i-1', name: '防滑垫', quantity: 1 }])).toEqual(['INVALID_RESTOCK_ITEMS']);
    expect(codes([{ name: '  ', quantity: 1 }])).toEqual(['INVALID_RESTOCK_ITEMS']);
    for (const quantity of [0, -3, 1.5, 100_001])
      expect(codes([{ itemId: 'i-1', quantity }])).toEqual(['INVALID_RESTOCK_QUANTITY']);
    expect(codes([{ quantity: 0 }])).toEqual(['INVALID_RESTOCK_ITEMS', 'INVALID_RESTOCK_QUANTITY']);
  });

  it("finds the drive's items by id or trimmed name, once each, and names the first unknown one", () => {
    expect(
      matchRestock(
        [
          { itemId: 'i-2', quantity: 5 },
          { name: ' 燃气报警器 ', quantity: 2 },
        ],
        items,
      ),
    ).toEqual({
      matched: [
        { item: items[1], quantity: 5 },
        { item: items[0], quantity: 2 },
      ],
    });
    expect(matchRestock([{ name: '大米', quantity: 5 }], items)).toEqual({
      problem: { code: 'UNKNOWN_DRIVE_ITEM', field: 'items', message: '本次爱心包没有物资“大米”' },
    });
    expect(code(matchRestock([{ itemId: 'i-9', quantity: 5 }], items))).toBe('UNKNOWN_DRIVE_ITEM');
    expect(
      code(
        matchRestock(
          [
            { itemId: 'i-1', quantity: 5 },
            { name: '燃气报警器', quantity: 1 },
          ],
          items,
        ),
      ),
    ).toBe('INVALID_RESTOCK_ITEMS');
  });
});

describe('ids', () => {
  it('sort in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 50 }, () => newId(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
    expect(formatUuidV7(1_800_000_000_000, 1, Buffer.alloc(8))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('the error codes', () => {
  it('are documented for clients exactly as the domain sends them', () => {
    const docs = readFileSync(new URL('../../docs/volunteers.md', import.meta.url), 'utf8');
    const documented = Object.fromEntries(
      [...docs.matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map((match) => [match[1], match[2]]),
    );
    expect(documented).toEqual(PROBLEMS);
  });
});
