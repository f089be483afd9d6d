import { describe, expect, it } from 'vitest';
import type { Role } from '../../subgraphs/kit/src/auth.js';
import { EVENT_STATUSES, type EventStatus } from '../../subgraphs/events/src/domain/event-values.js';
import {
  checkStep,
  STEP_RULES,
  stepsFrom,
  type Actor,
  type FlowEvent,
  type ManualStep,
} from '../../subgraphs/events/src/domain/status-flow.js';

const community: Actor = { subject: 'c', roles: ['COMMUNITY_WORKER'], personId: null };
const street: Actor = { subject: 's', roles: ['STREET_ADMIN'], personId: null };
const worker: Actor = { subject: 'w', roles: ['GRID_WORKER'], personId: 'worker-person' };
const otherWorker: Actor = { subject: 'o', roles: ['GRID_WORKER'], personId: 'other-person' };
const resident: Actor = { subject: 'r', roles: ['RESIDENT'], personId: 'resident-person' };

const event = (status: EventStatus, overrides: Partial<FlowEvent> = {}): FlowEvent => ({
  status,
  assigneePersonId: 'worker-person',
  reporterId: 'resident-person',
  suspendedFrom: null,
  ...overrides,
});
const codes = (result: ReturnType<typeof checkStep>) =>
  result.ok ? [] : result.problems.map((problem) => problem.code);

describe('the status flow', () => {
  const happyPath: [ManualStep, EventStatus, Actor, EventStatus][] = [
    ['REGISTER', 'REPORTED', community, 'REGISTERED'],
    ['DISPATCH', 'REGISTERED', community, 'DISPATCHED'],
    ['ACCEPT', 'DISPATCHED', worker, 'ACCEPTED'],
    ['START', 'ACCEPTED', worker, 'IN_PROGRESS'],
    ['SUBMIT_FEEDBACK', 'IN_PROGRESS', worker, 'FEEDBACK_SUBMITTED'],
    ['VERIFY', 'FEEDBACK_SUBMITTED', street, 'VERIFIED'],
    ['CLOSE', 'VERIFIED', community, 'CLOSED'],
    ['EVALUATE', 'CLOSED', resident, 'EVALUATED'],
  ];
  for (const [step, from, actor, to] of happyPath) {
    it(`lets ${actor.roles[0]} take ${step} from ${from} to ${to}`, () => {
      expect(checkStep(step, event(from), actor, '说明')).toEqual({ ok: true, to });
    });
  }

  it('allows each step only from the statuses the flow names, and refuses every other with INVALID_TRANSITION', () => {
    for (const step of Object.keys(STEP_RULES) as ManualStep[]) {
      const actor =
        STEP_RULES[step].by === 'COMMUNITY' ? community : STEP_RULES[step].by === 'ASSIGNEE' ? worker : resident;
      for (const status of EVENT_STATUSES) {
        const result = checkStep(step, event(status, { suspendedFrom: 'ACCEPTED' }), actor, '说明');
        if (STEP_RULES[step].from.includes(status)) expect(result.ok).toBe(true);
        else
          expect(codes(result)).toEqual([
            step === 'EVALUATE' && status === 'EVALUATED' ? 'ALREADY_EVALUATED' : 'INVALID_TRANSITION',
          ]);
      }
    }
  });

  it('refuses closing without verification, naming both the status and the step in Chinese', () => {
    const result = checkStep('CLOSE', event('FEEDBACK_SUBMITTED'), community, null);
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'INVALID_TRANSITION', message: '事件当前状态为“已反馈”，不能执行“结案”' }],
    });
  });

  it('reopens into handling after feedback, verification or closing, and the assignee starts again', () => {
    for (const from of ['FEEDBACK_SUBMITTED', 'VERIFIED', 'CLOSED'] as const)
      expect(checkStep('REOPEN', event(from), community, '未解决')).toEqual({ ok: true, to: 'REOPENED' });
    expect(checkStep('START', event('REOPENED'), worker, null)).toEqual({ ok: true, to: 'IN_PROGRESS' });
    expect(checkStep('DISPATCH', event('REOPENED'), community, null)).toEqual({ ok: true, to: 'DISPATCHED' });
  });

  it('resumes a suspended event to the status it was suspended in', () => {
    expect(checkStep('SUSPEND', event('IN_PROGRESS'), community, '等待协调')).toEqual({ ok: true, to: 'SUSPENDED' });
    expect(checkStep('RESUME', event('SUSPENDED', { suspendedFrom: 'IN_PROGRESS' }), community, null)).toEqual({
      ok: true,
      to: 'IN_PROGRESS',
    });
    expect(checkStep('RESUME', event('SUSPENDED', { suspendedFrom: 'DISPATCHED' }), community, null)).toEqual({
      ok: true,
      to: 'DISPATCHED',
    });
  });

  it('keeps each party to its steps: a worker cannot register, the community cannot accept a worker’s event, a resident cannot verify', () => {
    expect(codes(checkStep('REGISTER', event('REPORTED'), worker, null))).toEqual(['ROLE_NOT_ALLOWED']);
    expect(codes(checkStep('ACCEPT', event('DISPATCHED'), community, null))).toEqual(['NOT_ASSIGNEE']);
    expect(codes(checkStep('VERIFY', event('FEEDBACK_SUBMITTED'), resident, null))).toEqual(['ROLE_NOT_ALLOWED']);
    for (const role of ['VOLUNTEER', 'ANALYST', 'INTEGRATION'] as Role[]) {
      expect(
        codes(
          checkStep('ACCEPT', event('DISPATCHED'), { subject: 'x', roles: [role], personId: 'worker-person' }, null),
        ),
      ).toEqual(['ROLE_NOT_ALLOWED']);
    }
  });

  it('lets only the worker it is dispatched to handle an event: feedback on an event not yours is NOT_ASSIGNEE', () => {
    expect(codes(checkStep('SUBMIT_FEEDBACK', event('IN_PROGRESS'), otherWorker, '已处理'))).toEqual(['NOT_ASSIGNEE']);
    expect(codes(checkStep('ACCEPT', event('DISPATCHED'), { ...worker, personId: null }, null))).toEqual([
      'NOT_ASSIGNEE',
    ]);
  });

  it('lets the community handle an event dispatched to the community, and no grid worker', () => {
    const toCommunity = event('DISPATCHED', { assigneePersonId: null });
    expect(checkStep('ACCEPT', toCommunity, community, null)).toEqual({ ok: true, to: 'ACCEPTED' });
    expect(codes(checkStep('ACCEPT', toCommunity, worker, null))).toEqual(['NOT_ASSIGNEE']);
  });

  it('lets only the reporter evaluate, once', () => {
    expect(codes(checkStep('EVALUATE', event('CLOSED'), { ...resident, personId: 'someone-else' }, null))).toEqual([
      'NOT_REPORTER',
    ]);
    expect(codes(checkStep('EVALUATE', event('CLOSED', { reporterId: null }), resident, null))).toEqual([
      'NOT_REPORTER',
    ]);
    expect(codes(checkStep('EVALUATE', event('EVALUATED'), resident, null))).toEqual(['ALREADY_EVALUATED']);
  });

  it('requires a note for cancelling, returning, reopening, suspending and feedback, alongside any flow problem', () => {
    expect(codes(checkStep('CANCEL', event('REPORTED'), community, '  '))).toEqual(['NOTE_REQUIRED']);
    expect(codes(checkStep('RETURN', event('DISPATCHED'), worker, null))).toEqual(['NOTE_REQUIRED']);
    expect(codes(checkStep('SUBMIT_FEEDBACK', event('ACCEPTED'), worker, null))).toEqual([
      'INVALID_TRANSITION',
      'NOTE_REQUIRED',
    ]);
  });

  it('names the steps a client may offer from each status', () => {
    expect(stepsFrom('REPORTED')).toEqual(['REGISTER', 'CANCEL']);
    expect(stepsFrom('DISPATCHED')).toEqual(['ACCEPT', 'RETURN', 'SUSPEND']);
    expect(stepsFrom('CLOSED')).toEqual(['REOPEN', 'EVALUATE']);
    expect(stepsFrom('CANCELLED')).toEqual([]);
  });
});
