import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventAction } from '../../subgraphs/events/src/entities/event-action.js';
import { GridEvent } from '../../subgraphs/events/src/entities/grid-event.js';
import { Inspection, InspectionFinding } from '../../subgraphs/events/src/entities/inspection.js';
import {
  demoWorld,
  JIEDAISI,
  SANYIQIAO,
  staffedMicroGrid,
  startEvents,
  token,
  type DemoBuilding,
  type DemoGrid,
  type DemoStaff,
  type EventServices,
} from './support.js';

let micro: DemoGrid;
let leader: DemoStaff;
let building: DemoBuilding;
let elsewhere: DemoBuilding;
let services: EventServices;
let community: string;
let leaderToken: string;

beforeAll(async () => {
  ({ micro, leader } = staffedMicroGrid(SANYIQIAO));
  building = demoWorld().buildings.find((row) => row.gridId === micro.id)!;
  elsewhere = demoWorld().buildings.find((row) => row.areaCode.startsWith(JIEDAISI))!;
  services = await startEvents({ grids: true, clock: '2026-11-30T01:30:00Z' });
  community = await token('COMMUNITY_WORKER', [SANYIQIAO], undefined, 'community');
  leaderToken = await token('GRID_WORKER', [SANYIQIAO], leader.personId, 'leader');
});
afterAll(() => services?.stop());

const RECORD = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) {
  inspection { id status closedAt building { id } grid { id }
    findings { id description hazardLevel needsRectification rectification { id status category source priority finishDeadline rectificationOf { id } } } }
  userErrors { code field message } } }`;
const STEP = (name: string, type = 'EventStepInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { event { status } userErrors { code } } }`;

async function closeRectification(eventId: string) {
  for (const [name, as, input, type] of [
    ['registerEvent', community, {}, undefined],
    ['dispatchEvent', community, {}, 'DispatchEventInput'],
    ['acceptEvent', leaderToken, {}, undefined],
    ['startEventHandling', leaderToken, {}, undefined],
    ['submitEventFeedback', leaderToken, { note: '已整改' }, 'SubmitEventFeedbackInput'],
    ['verifyEvent', community, {}, undefined],
  ] as const) {
    const { data } = await services.ask(STEP(name, type), { input: { eventId, ...input } }, as);
    expect(data?.[name].userErrors, name).toEqual([]);
  }
}

async function tableCounts() {
  const { dataSource } = services.events.db;
  return Promise.all(
    [Inspection, InspectionFinding, GridEvent, EventAction].map((entity) => dataSource.getRepository(entity).count()),
  );
}

describe('inspections and rectification (安全巡查整改)', () => {
  it('turns each finding that needs fixing into a rectification event linked both ways, and closes only after both close', async () => {
    const rectifyBy = '2026-12-04T18:00:00+08:00';
    const { data } = await services.ask(
      RECORD,
      {
        input: {
          gridId: micro.id,
          buildingId: building.id,
          title: '冬季消防安全巡查',
          findings: [
            { description: '楼道堆放电动车', hazardLevel: 'GENERAL', needsRectification: true, rectifyBy },
            { description: '消防栓无水', hazardLevel: 'MAJOR', needsRectification: true },
            { description: '疏散指示灯完好', hazardLevel: 'MINOR', needsRectification: false },
          ],
        },
      },
      leaderToken,
    );
    expect(data?.recordInspection.userErrors).toEqual([]);
    const inspection = data?.recordInspection.inspection;
    expect(inspection).toMatchObject({
      status: 'OPEN',
      closedAt: null,
      building: { id: building.id },
      grid: { id: micro.id },
    });
    const [first, second, third] = inspection.findings;
    expect(first).toMatchObject({
      hazardLevel: 'GENERAL',
      rectification: {
        status: 'REPORTED',
        category: '安全隐患',
        source: 'INSPECTION',
        priority: 'NORMAL',
        rectificationOf: { id: first.id },
      },
    });
    expect(second).toMatchObject({
      hazardLevel: 'MAJOR',
      rectification: { priority: 'URGENT', rectificationOf: { id: second.id } },
    });
    expect(third).toMatchObject({ needsRectification: false, rectification: null });

    await closeRectification(first.rectification.id);
    // The rectification date given on the finding is the event's finish deadline.
    const { data: read } = await services.ask(
      `{ event(id: "${first.rectification.id}") { finishDeadline } }`,
      {},
      community,
    );
    expect(read?.event.finishDeadline).toBe(new Date(rectifyBy).toISOString());
    const closeFirst = await services.ask(
      STEP('closeEvent'),
      { input: { eventId: first.rectification.id } },
      community,
    );
    expect(closeFirst.data?.closeEvent.userErrors).toEqual([]);
    const halfway = await services.ask(`{ inspection(id: "${inspection.id}") { status closedAt } }`, {}, community);
    expect(halfway.data?.inspection).toEqual({ status: 'OPEN', closedAt: null });

    await closeRectification(second.rectification.id);
    services.clock.advance(30);
    await services.ask(STEP('closeEvent'), { input: { eventId: second.rectification.id } }, community);
    const closed = await services.ask(`{ inspection(id: "${inspection.id}") { status closedAt } }`, {}, community);
    expect(closed.data?.inspection).toEqual({ status: 'CLOSED', closedAt: services.clock.now().toISOString() });
  });

  it('closes an inspection when its last two rectifications close at the same moment', async () => {
    const { data } = await services.ask(
      RECORD,
      {
        input: {
          gridId: micro.id,
          title: '燃气安全巡查',
          findings: [
            { description: '燃气软管老化', hazardLevel: 'GENERAL', needsRectification: true },
            { description: '燃气报警器失效', hazardLevel: 'GENERAL', needsRectification: true },
          ],
        },
      },
      community,
    );
    const [one, two] = data!.recordInspection.inspection.findings.map(
      (finding: { rectification: { id: string } }) => finding.rectification.id,
    );
    await closeRectification(one);
    await closeRectification(two);
    const results = await Promise.all(
      [one, two].map((eventId) => services.ask(STEP('closeEvent'), { input: { eventId } }, community)),
    );
    expect(results.map((result) => result.data?.closeEvent.userErrors)).toEqual([[], []]);
    const read = await services.ask(
      `{ inspection(id: "${data?.recordInspection.inspection.id}") { status } }`,
      {},
      community,
    );
    expect(read.data?.inspection.status).toBe('CLOSED');
  });

  it('closes an inspection at once when nothing needs fixing; a cancelled rectification counts as finished', async () => {
    const { data } = await services.ask(
      RECORD,
      {
        input: {
          gridId: micro.id,
          title: '日常巡查',
          findings: [{ description: '一切正常', hazardLevel: 'MINOR', needsRectification: false }],
        },
      },
      leaderToken,
    );
    expect(data?.recordInspection.inspection).toMatchObject({
      status: 'CLOSED',
      closedAt: services.clock.now().toISOString(),
    });
    const { data: other } = await services.ask(
      RECORD,
      {
        input: {
          gridId: micro.id,
          title: '复查',
          findings: [{ description: '疑似漏水', hazardLevel: 'MINOR', needsRectification: true }],
        },
      },
      leaderToken,
    );
    const eventId = other?.recordInspection.inspection.findings[0].rectification.id;
    await services.ask(STEP('cancelEvent'), { input: { eventId, note: '经核实为空调冷凝水' } }, community);
    const read = await services.ask(
      `{ inspection(id: "${other?.recordInspection.inspection.id}") { status } }`,
      {},
      community,
    );
    expect(read.data?.inspection.status).toBe('CLOSED');
  });

  it('refuses a bad inspection with stable codes and writes nothing of it', async () => {
    const before = await tableCounts();
    const finding = { description: '灭火器过期', hazardLevel: 'GENERAL', needsRectification: true };
    const foreignGrid = demoWorld().grids.find((grid) => grid.type === 'MICRO' && grid.communityCode === JIEDAISI)!;
    const cases: [Record<string, unknown>, string, [string, string[]][]][] = [
      [
        { gridId: foreignGrid.id, title: '巡查', findings: [finding] },
        community,
        [['GRID_NOT_FOUND', ['input', 'gridId']]],
      ],
      [
        { gridId: micro.id, buildingId: elsewhere.id, title: '巡查', findings: [finding] },
        community,
        [['BUILDING_NOT_FOUND', ['input', 'buildingId']]],
      ],
      [{ gridId: micro.id, title: '巡查', findings: [] }, community, [['INVALID_FINDING', ['input', 'findings']]]],
      [
        { gridId: micro.id, title: '巡查', findings: [finding, { ...finding, description: '' }] },
        community,
        [['INVALID_FINDING', ['input', 'findings', '1', 'description']]],
      ],
      [
        { gridId: micro.id, title: '巡查', findings: [finding] },
        await token('RESIDENT', [SANYIQIAO], 'p'),
        [['ROLE_NOT_ALLOWED', null as never]],
      ],
    ];
    for (const [input, as, expected] of cases) {
      const { data } = await services.ask(RECORD, { input }, as);
      expect(data?.recordInspection.inspection).toBeNull();
      expect(
        data?.recordInspection.userErrors.map((error: { code: string; field: string[] | null }) => [
          error.code,
          error.field,
        ]),
      ).toEqual(expected);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('lists inspections under an area, open ones when asked', async () => {
    const { data } = await services.ask(
      `{ open: inspections(areaCode: "${micro.code}", status: OPEN) { totalCount } all: inspections(areaCode: "${micro.code}") { totalCount } }`,
      {},
      community,
    );
    const rows = await services.events.db.dataSource.getRepository(Inspection).find();
    const mine = rows.filter((row) => row.areaCode.startsWith(micro.code));
    expect(data).toEqual({
      open: { totalCount: mine.filter((row) => row.status === 'OPEN').length },
      all: { totalCount: mine.length },
    });
  });
});
