import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickAtRandom } from '../../subgraphs/events/src/domain/drill.js';
import { Drill } from '../../subgraphs/events/src/entities/drill.js';
import { GridEvent } from '../../subgraphs/events/src/entities/grid-event.js';
import { graphql } from '../support/graphql.js';
import { startEvents, STREET, token, type EventServices } from './support.js';

let services: EventServices;
let streetAdmin: string;
/** Micro-grid leaders and workers of the street, as the grids subgraph serves them. */
let eligible: { id: string; personId: string; gridCode: string }[];

beforeAll(async () => {
  services = await startEvents({ grids: true, demo: false, clock: '2026-11-30T01:30:00Z' });
  streetAdmin = await token('STREET_ADMIN', [STREET], undefined, 'street');
  const { data } = await graphql(
    services.grids!.url,
    `{ grids(areaCode: "${STREET}", type: MICRO, first: 100) { pageInfo { hasNextPage } edges { node { code staff { id role person { id } } } } } }`,
    { token: streetAdmin },
  );
  expect(data?.grids.pageInfo.hasNextPage).toBe(false);
  const seen = new Map<string, { id: string; personId: string; gridCode: string }>();
  for (const { node } of [...data!.grids.edges].sort((a, b) => (a.node.code < b.node.code ? -1 : 1))) {
    for (const staff of node.staff) {
      if (['MICRO_GRID_LEADER', 'MICRO_GRID_WORKER'].includes(staff.role) && !seen.has(staff.id))
        seen.set(staff.id, { id: staff.id, personId: staff.person.id, gridCode: node.code });
    }
  }
  eligible = [...seen.values()];
});
afterAll(() => services?.stop());

const START = `mutation($input: StartDrillInput!) { startDrill(input: $input) {
  drill { id seed requestedWorkers area { code } participants { staff { id } grid { code } community { code } event { id source status assignee { id } } } }
  userErrors { code field message } } }`;
const RESULTS = `query($id: ID!) { drill(id: $id) {
  participants { staff { id } secondsToAccept secondsToFeedback }
  ranking { rank community { code } workers accepted feedbackSubmitted averageSecondsToAccept averageSecondsToFeedback } } }`;
const STEP = (name: string, type = 'EventStepInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { userErrors { code } } }`;

describe('drills (网格赶考)', () => {
  it('picks micro-grid workers at random by seed, sends each a DRILL event, and ranks communities by their response', async () => {
    const start = services.clock.now();
    const { data } = await services.ask(
      START,
      { input: { areaCode: STREET, workers: 6, seed: 20261130, title: '第四季度网格赶考' } },
      streetAdmin,
    );
    expect(data?.startDrill.userErrors).toEqual([]);
    const drill = data?.startDrill.drill;
    const picked = pickAtRandom(eligible, 6, 20261130);
    expect(drill.participants.map((participant: { staff: { id: string } }) => participant.staff.id).sort()).toEqual(
      picked.map((worker) => worker.id).sort(),
    );
    for (const participant of drill.participants) {
      const worker = picked.find((candidate) => candidate.id === participant.staff.id)!;
      expect(participant).toMatchObject({
        grid: { code: worker.gridCode },
        community: { code: worker.gridCode.slice(0, 12) },
        event: { source: 'DRILL', status: 'DISPATCHED', assignee: { id: worker.id } },
      });
    }

    // Three workers respond: a fast one, a slower one, and one who only accepts.
    const responses: [number, number, number | null][] = [
      [0, 5, 30],
      [1, 12, 90],
      [2, 20, null],
    ];
    const eventOf = (index: number) =>
      drill.participants.find((participant: { staff: { id: string } }) => participant.staff.id === picked[index]!.id)
        .event.id;
    for (const [index, accept, feedback] of responses) {
      const as = await token('GRID_WORKER', [picked[index]!.gridCode], picked[index]!.personId);
      services.clock.set(new Date(start.getTime() + accept * 60_000));
      expect(
        (await services.ask(STEP('acceptEvent'), { input: { eventId: eventOf(index) } }, as)).data?.acceptEvent
          .userErrors,
      ).toEqual([]);
      if (feedback === null) continue;
      await services.ask(STEP('startEventHandling'), { input: { eventId: eventOf(index) } }, as);
      services.clock.set(new Date(start.getTime() + feedback * 60_000));
      expect(
        (
          await services.ask(
            STEP('submitEventFeedback', 'SubmitEventFeedbackInput'),
            { input: { eventId: eventOf(index), note: '已到现场核实' } },
            as,
          )
        ).data?.submitEventFeedback.userErrors,
      ).toEqual([]);
    }

    const results = (await services.ask(RESULTS, { id: drill.id }, streetAdmin)).data?.drill;
    const secondsOf = new Map(
      responses.map(([index, accept, feedback]) => [
        picked[index]!.id,
        [accept * 60, feedback === null ? null : feedback * 60],
      ]),
    );
    expect(
      results.participants
        .map(
          (participant: {
            staff: { id: string };
            secondsToAccept: number | null;
            secondsToFeedback: number | null;
          }) => [participant.staff.id, participant.secondsToAccept, participant.secondsToFeedback],
        )
        .sort(),
    ).toEqual(picked.map((worker) => [worker.id, ...(secondsOf.get(worker.id) ?? [null, null])]).sort());
    // The expected ranking, worked out by hand from the rule: share with feedback, share accepted, then speed.
    const communities = new Map<string, { workers: number; accept: number[]; feedback: number[] }>();
    for (const worker of picked) {
      const code = worker.gridCode.slice(0, 12);
      const entry = communities.get(code) ?? { workers: 0, accept: [], feedback: [] };
      entry.workers += 1;
      const [accept, feedback] = secondsOf.get(worker.id) ?? [null, null];
      if (accept !== null && accept !== undefined) entry.accept.push(accept);
      if (feedback !== null && feedback !== undefined) entry.feedback.push(feedback);
      communities.set(code, entry);
    }
    const mean = (values: number[]) =>
      values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
    const rows = [...communities.entries()].map(([code, entry]) => ({
      community: { code },
      workers: entry.workers,
      accepted: entry.accept.length,
      feedbackSubmitted: entry.feedback.length,
      averageSecondsToAccept: mean(entry.accept),
      averageSecondsToFeedback: mean(entry.feedback),
    }));
    const key = (row: (typeof rows)[number]) => [
      -row.feedbackSubmitted / row.workers,
      -row.accepted / row.workers,
      row.averageSecondsToFeedback ?? Infinity,
      row.averageSecondsToAccept ?? Infinity,
    ];
    const sorted = rows.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let index = 0; index < x.length; index += 1)
        if (x[index] !== y[index]) return x[index]! < y[index]! ? -1 : 1;
      return a.community.code < b.community.code ? -1 : 1;
    });
    const ranked = sorted.map((row) => ({
      ...row,
      rank: sorted.findIndex((other) => key(other).join() === key(row).join()) + 1,
    }));
    expect(results.ranking).toEqual(ranked);
    expect(results.ranking[0].community.code).toBe(picked[0]!.gridCode.slice(0, 12));
    services.clock.set(start);
  });

  it('picks the same workers again for the same seed', async () => {
    const first = await services.ask(START, { input: { areaCode: STREET, workers: 4, seed: 7 } }, streetAdmin);
    const second = await services.ask(START, { input: { areaCode: STREET, workers: 4, seed: 7 } }, streetAdmin);
    const staff = (payload: typeof first) =>
      payload.data?.startDrill.drill.participants
        .map((participant: { staff: { id: string } }) => participant.staff.id)
        .sort();
    expect(staff(first)).toEqual(staff(second));
    expect(staff(first)).toEqual(
      pickAtRandom(eligible, 4, 7)
        .map((worker) => worker.id)
        .sort(),
    );
    const random = await services.ask(START, { input: { areaCode: STREET, workers: 1 } }, streetAdmin);
    expect(random.data?.startDrill.drill.seed).toEqual(expect.any(Number));
  });

  it('refuses a drill over an empty area, outside the scope, or with bad numbers, and writes nothing', async () => {
    const count = async () => [
      await services.events.db.dataSource.getRepository(Drill).count(),
      await services.events.db.dataSource.getRepository(GridEvent).count(),
    ];
    const before = await count();
    const cases: [Record<string, unknown>, string, string, string[] | null][] = [
      [{ areaCode: '510116001199', workers: 3 }, streetAdmin, 'DRILL_AREA_EMPTY', ['input', 'areaCode']],
      [{ areaCode: '510115001', workers: 3 }, streetAdmin, 'OUT_OF_SCOPE', ['input', 'areaCode']],
      [{ areaCode: '51011600', workers: 3 }, streetAdmin, 'INVALID_AREA_CODE', ['input', 'areaCode']],
      [{ areaCode: STREET, workers: 0 }, streetAdmin, 'INVALID_WORKER_COUNT', ['input', 'workers']],
      [
        { areaCode: STREET, workers: 3, category: '没有的类别' },
        streetAdmin,
        'UNKNOWN_CATEGORY',
        ['input', 'category'],
      ],
      [{ areaCode: STREET, workers: 3 }, await token('GRID_WORKER', [STREET]), 'ROLE_NOT_ALLOWED', null],
    ];
    for (const [input, as, code, field] of cases) {
      const { data } = await services.ask(START, { input }, as);
      expect(data?.startDrill.drill).toBeNull();
      expect(data?.startDrill.userErrors).toEqual([{ code, field, message: expect.stringMatching(/[\u4e00-\u9fa5]/) }]);
    }
    expect(await count()).toEqual(before);
  });
});
