import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, deadlineRule } from '../../subgraphs/events/src/domain/categories.js';
import { NO_TIMING, stageOf, timingAfter, timingOfReport } from '../../subgraphs/events/src/domain/deadlines.js';
import { planDeadlineAction } from '../../subgraphs/events/src/domain/escalation.js';
import {
  addWorkingMinutes,
  parseDateList,
  parseWorkingHours,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../../subgraphs/events/src/domain/working-time.js';
import { eventsConfigSchema } from '../../subgraphs/events/src/config.js';

const calendar: WorkingCalendar = {
  periods: parseWorkingHours('09:00-12:00,13:30-17:30')!,
  // The 2026 National Day holiday, and the Saturday worked in exchange.
  holidays: parseDateList('2026-10-01..2026-10-07')!,
  workdays: parseDateList('2026-10-10')!,
};
/** An instant in Asia/Shanghai. */
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (date: Date) => date.toISOString();

describe('working time in Asia/Shanghai', () => {
  it('counts working minutes inside the working periods of a day', () => {
    expect(iso(addWorkingMinutes(at('2026-11-30T09:00:00'), 60, calendar))).toBe(iso(at('2026-11-30T10:00:00')));
    // 11:30 + 60 minutes: 30 before lunch, 30 after it.
    expect(iso(addWorkingMinutes(at('2026-11-30T11:30:00'), 60, calendar))).toBe(iso(at('2026-11-30T14:00:00')));
    // Reported at lunch: the clock starts at 13:30.
    expect(iso(addWorkingMinutes(at('2026-11-30T12:15:00'), 10, calendar))).toBe(iso(at('2026-11-30T13:40:00')));
  });

  it('skips nights and weekends: Friday afternoon plus one working hour is Monday morning', () => {
    expect(iso(addWorkingMinutes(at('2026-11-27T17:00:00'), 60, calendar))).toBe(iso(at('2026-11-30T09:30:00')));
    expect(iso(addWorkingMinutes(at('2026-11-28T10:00:00'), 60, calendar))).toBe(iso(at('2026-11-30T10:00:00')));
  });

  it('skips holidays and works the weekend days worked in exchange', () => {
    // 30 September 17:00 + one hour: 30 minutes that day, then the holiday week and the weekend; Thursday 8 October.
    expect(iso(addWorkingMinutes(at('2026-09-30T17:00:00'), 60, calendar))).toBe(iso(at('2026-10-08T09:30:00')));
    // Friday 9 October 17:30 + one hour: Saturday 10 October is a working day.
    expect(iso(addWorkingMinutes(at('2026-10-09T17:30:00'), 60, calendar))).toBe(iso(at('2026-10-10T10:00:00')));
  });

  it('adds working days as working minutes: three working days of seven hours from Monday noon end Thursday noon', () => {
    expect(iso(addWorkingMinutes(at('2026-11-30T12:00:00'), 3 * 420, calendar))).toBe(iso(at('2026-12-03T12:00:00')));
  });

  it('measures working minutes between two instants, the inverse of adding them', () => {
    expect(workingMinutesBetween(at('2026-11-27T17:00:00'), at('2026-11-30T09:30:00'), calendar)).toBe(60);
    expect(workingMinutesBetween(at('2026-11-30T10:00:00'), at('2026-11-30T09:00:00'), calendar)).toBe(0);
    const start = at('2026-11-30T11:17:00');
    expect(workingMinutesBetween(start, addWorkingMinutes(start, 1000, calendar), calendar)).toBe(1000);
  });

  it('parses working hours and date lists, and refuses malformed ones', () => {
    expect(parseWorkingHours('13:30-17:30, 09:00-12:00')).toEqual([
      [540, 720],
      [810, 1050],
    ]);
    for (const bad of ['9:00-12:00', '09:00-08:00', '09:00-12:00,11:00-13:00', '', '09:60-10:00'])
      expect(parseWorkingHours(bad)).toBeNull();
    expect([...parseDateList('2026-10-01..2026-10-03,2027-01-01')!]).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2027-01-01',
    ]);
    for (const bad of ['2026-02-30', '2026-10-05..2026-10-01', '20261001']) expect(parseDateList(bad)).toBeNull();
  });

  it('reads the calendar from the environment and names a bad variable', () => {
    const parsed = eventsConfigSchema.safeParse({
      EVENTS_HOLIDAYS: '2026-10-01..2026-10-07',
      EVENTS_WORKDAYS: '2026-10-10',
    });
    expect(parsed.success && parsed.data.calendar.holidays.size).toBe(7);
    const bad = eventsConfigSchema.safeParse({ EVENTS_WORKING_HOURS: '9-5' });
    expect(bad.error?.issues[0]?.path).toEqual(['EVENTS_WORKING_HOURS']);
  });
});

describe('deadlines per category and priority', () => {
  const hazard = DEFAULT_CATEGORIES.find((category) => category.name === '安全隐患')!;
  const normal = deadlineRule(hazard, 'NORMAL');
  const urgent = deadlineRule(hazard, 'URGENT');

  it('gives a normal event one working hour to register, and an urgent one ten clock minutes', () => {
    expect(timingOfReport(at('2026-11-27T17:00:00'), normal, calendar)).toMatchObject({
      deadlineAt: at('2026-11-30T09:30:00'),
      deadlineStage: 'REGISTER',
    });
    expect(timingOfReport(at('2026-11-28T23:55:00'), urgent, calendar)).toMatchObject({
      deadlineAt: at('2026-11-29T00:05:00'),
      deadlineStage: 'REGISTER',
    });
  });

  it('runs the finish clock from registration, the accept clock from dispatch, and back to finishing once accepted', () => {
    const reported = timingOfReport(at('2026-11-30T09:00:00'), normal, calendar);
    const registered = timingAfter({
      step: 'REGISTER',
      to: 'REGISTERED',
      current: reported,
      now: at('2026-11-30T09:20:00'),
      rule: normal,
      calendar,
    });
    // 安全隐患: two working days.
    expect(registered).toMatchObject({
      deadlineStage: 'FINISH',
      finishDueAt: at('2026-12-02T09:20:00'),
      deadlineAt: at('2026-12-02T09:20:00'),
    });
    const dispatched = timingAfter({
      step: 'DISPATCH',
      to: 'DISPATCHED',
      current: registered,
      now: at('2026-11-30T11:40:00'),
      rule: normal,
      calendar,
    });
    expect(dispatched).toMatchObject({
      deadlineStage: 'ACCEPT',
      deadlineAt: at('2026-11-30T14:10:00'),
      finishDueAt: at('2026-12-02T09:20:00'),
    });
    const accepted = timingAfter({
      step: 'ACCEPT',
      to: 'ACCEPTED',
      current: dispatched,
      now: at('2026-11-30T13:45:00'),
      rule: normal,
      calendar,
    });
    expect(accepted).toMatchObject({ deadlineStage: 'FINISH', deadlineAt: at('2026-12-02T09:20:00') });
    const closed = timingAfter({
      step: 'CLOSE',
      to: 'CLOSED',
      current: accepted,
      now: at('2026-12-01T10:00:00'),
      rule: normal,
      calendar,
    });
    expect(closed).toMatchObject({ deadlineAt: null, deadlineStage: null, finishDueAt: at('2026-12-02T09:20:00') });
  });

  it('keeps an explicit rectification date over the category’s limit', () => {
    const reported = timingOfReport(at('2026-11-30T09:00:00'), normal, calendar, at('2026-12-15T18:00:00'));
    const registered = timingAfter({
      step: 'REGISTER',
      to: 'REGISTERED',
      current: reported,
      now: at('2026-11-30T09:20:00'),
      rule: normal,
      calendar,
    });
    expect(registered.finishDueAt).toEqual(at('2026-12-15T18:00:00'));
  });

  it('stops the clock while suspended and gives back the time that was left', () => {
    const current = {
      ...NO_TIMING,
      deadlineAt: at('2026-12-02T09:20:00'),
      deadlineStage: 'FINISH' as const,
      finishDueAt: at('2026-12-02T09:20:00'),
    };
    const suspended = timingAfter({
      step: 'SUSPEND',
      to: 'SUSPENDED',
      current,
      now: at('2026-12-01T09:20:00'),
      rule: normal,
      calendar,
    });
    expect(suspended).toMatchObject({ deadlineAt: null, deadlineStage: null, suspendedRemainingMinutes: 420 });
    const resumed = timingAfter({
      step: 'RESUME',
      to: 'IN_PROGRESS',
      current: suspended,
      now: at('2026-12-10T14:00:00'),
      rule: normal,
      calendar,
    });
    expect(resumed).toMatchObject({
      deadlineStage: 'FINISH',
      deadlineAt: at('2026-12-11T14:00:00'),
      finishDueAt: at('2026-12-11T14:00:00'),
      suspendedRemainingMinutes: null,
    });
  });

  it('keeps the overdue mark while the same deadline runs, and clears it when a new one starts', () => {
    const late = {
      ...NO_TIMING,
      deadlineAt: at('2026-11-30T10:00:00'),
      deadlineStage: 'FINISH' as const,
      finishDueAt: at('2026-11-30T10:00:00'),
      overdueMarked: true,
    };
    expect(
      timingAfter({
        step: 'START',
        to: 'IN_PROGRESS',
        current: late,
        now: at('2026-11-30T11:00:00'),
        rule: normal,
        calendar,
      }).overdueMarked,
    ).toBe(true);
    expect(
      timingAfter({
        step: 'DISPATCH',
        to: 'DISPATCHED',
        current: late,
        now: at('2026-11-30T11:00:00'),
        rule: normal,
        calendar,
      }).overdueMarked,
    ).toBe(false);
  });

  it('names the running stage of every status', () => {
    expect(
      ['REPORTED', 'DISPATCHED', 'IN_PROGRESS', 'SUSPENDED', 'CLOSED'].map((status) => stageOf(status as never)),
    ).toEqual(['REGISTER', 'ACCEPT', 'FINISH', null, null]);
  });
});

describe('the scheduled check’s plan for a late event', () => {
  const rule = deadlineRule(DEFAULT_CATEGORIES[0]!, 'NORMAL');
  const chain = [
    { level: 'MICRO_GRID' as const, staffId: 'leader', personId: 'p1' },
    { level: 'GRID' as const, staffId: 'worker', personId: 'p2' },
    { level: 'COMMUNITY' as const, staffId: null, personId: null },
  ];
  const late = {
    ...NO_TIMING,
    status: 'DISPATCHED' as const,
    deadlineAt: at('2026-11-30T10:00:00'),
    deadlineStage: 'ACCEPT' as const,
    escalationChain: chain,
    escalationIndex: 0,
  };

  it('escalates an event not accepted in time one level, with a new time to accept', () => {
    const plan = planDeadlineAction(late, at('2026-11-30T10:05:00'), rule, calendar);
    expect(plan).toMatchObject({
      step: 'ESCALATE',
      link: chain[1],
      escalationIndex: 1,
      note: '超过接收时限未接收，升级派遣至网格责任人',
    });
    expect(plan.step === 'ESCALATE' && plan.timing).toMatchObject({
      deadlineAt: at('2026-11-30T11:05:00'),
      overdueMarked: false,
    });
    expect(
      planDeadlineAction({ ...late, escalationIndex: 1 }, at('2026-11-30T10:05:00'), rule, calendar),
    ).toMatchObject({ step: 'ESCALATE', link: chain[2], note: '超过接收时限未接收，升级派遣至社区' });
  });

  it('marks overdue what cannot escalate: the top of the chain, or any other stage', () => {
    expect(planDeadlineAction({ ...late, escalationIndex: 2 }, at('2026-11-30T10:05:00'), rule, calendar)).toEqual({
      step: 'OVERDUE',
      note: '已超过接收时限',
    });
    expect(
      planDeadlineAction(
        { ...late, status: 'IN_PROGRESS', deadlineStage: 'FINISH' },
        at('2026-11-30T10:05:00'),
        rule,
        calendar,
      ),
    ).toEqual({ step: 'OVERDUE', note: '已超过办结时限' });
  });
});
