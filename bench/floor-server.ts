/**
 * The raw-SQL floor: a plain HTTP server over mysql2 that answers each read operation with
 * the same JSON as the graph, using one hand-written statement per step of the federated
 * plan and nothing else (no auth, no GraphQL). Our p50 is compared with its p50.
 * Env: FLOOR_PORT, FLOOR_PREFIX (database prefix), BENCH_MYSQL_URL.
 */
import { createServer } from 'node:http';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { ageOn } from '../subgraphs/people/src/domain/id-number.js';
import { maskDocumentNumber as maskIdNumber, maskPhone } from '../subgraphs/people/src/domain/masking.js';
import { starFor } from '../subgraphs/volunteers/src/domain/stars.js';

const prefix = process.env.FLOOR_PREFIX ?? 'bench_156000';
const base = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
const pool: Pool = createPool({ uri: base.toString(), connectionLimit: 20, charset: 'utf8mb4_unicode_ci' });
const db = (name: string) => `\`${prefix}_${name}\``;

type Row = RowDataPacket & Record<string, unknown>;
async function rows(sql: string, params: unknown[]): Promise<Row[]> {
  const [result] = await pool.query<Row[]>(sql, params);
  return result;
}
const ids = (values: unknown[]) => [...new Set(values.filter((value): value is string => typeof value === 'string'))];
const inList = (values: string[]) => (values.length ? values : ['']);

const handlers: Record<string, (params: URLSearchParams) => Promise<unknown>> = {
  async residents(params) {
    const area = `${params.get('area')}%`;
    const page = await rows(
      `SELECT p.id, p.name, p.id_number, p.birth_date, p.phone, p.household_id, p.building_id, p.room, COUNT(*) OVER () AS total
       FROM ${db('people')}.person p
       WHERE p.area_code LIKE ? AND EXISTS (SELECT 1 FROM ${db('people')}.person_tag t WHERE t.person_id = p.id AND t.code = 'EMPTY_NEST_ELDER' AND t.until IS NULL AND t.area_code LIKE ?)
       ORDER BY p.id LIMIT 50`,
      [area, area],
    );
    const householdIds = ids(page.map((row) => row.household_id));
    const households = await rows(`SELECT id, address FROM ${db('people')}.household WHERE id IN (?)`, [
      inList(householdIds),
    ]);
    const [members, buildings] = await Promise.all([
      rows(`SELECT name, household_id, household_relation FROM ${db('people')}.person WHERE household_id IN (?)`, [
        inList(householdIds),
      ]),
      rows(`SELECT id, name, address FROM ${db('grids')}.building WHERE id IN (?)`, [
        inList(ids(page.map((row) => row.building_id))),
      ]),
    ]);
    const today = new Date();
    return {
      data: {
        people: {
          totalCount: Number(page[0]?.total ?? 0),
          edges: page.map((row) => {
            const household = households.find((h) => h.id === row.household_id);
            return {
              node: {
                id: row.id,
                name: row.name,
                idNumber: maskIdNumber(String(row.id_number)),
                age: ageOn(String(row.birth_date), today),
                phone: row.phone ? maskPhone(String(row.phone)) : null,
                room: row.room,
                building:
                  buildings
                    .filter((b) => b.id === row.building_id)
                    .map((b) => ({ name: b.name, address: b.address }))[0] ?? null,
                household: household
                  ? {
                      address: household.address,
                      members: members
                        .filter((m) => m.household_id === household.id)
                        .map((m) => ({ relation: m.household_relation, person: { name: m.name } })),
                    }
                  : null,
              },
            };
          }),
        },
      },
    };
  },

  async dashboard(params) {
    const code = String(params.get('code'));
    const area = await rows(`SELECT code, name FROM ${db('grids')}.area WHERE code = ?`, [code]);
    const grids = await rows(
      `SELECT id, code, name, type FROM ${db('grids')}.grid WHERE code LIKE ? AND status = 'ACTIVE' ORDER BY code LIMIT 50`,
      [`${code}%`],
    );
    const gridIds = inList(ids(grids.map((grid) => grid.id)));
    const staff = await rows(
      `SELECT a.grid_id, s.role, s.person_id FROM ${db('grids')}.grid_assignment a JOIN ${db('grids')}.grid_staff s ON s.id = a.staff_id WHERE a.grid_id IN (?) AND a.ended_at IS NULL`,
      [gridIds],
    );
    const names = await rows(`SELECT id, name FROM ${db('people')}.person WHERE id IN (?)`, [
      inList(ids(staff.map((row) => row.person_id))),
    ]);
    const prefixOf = (grid: Row) =>
      String(grid.code).endsWith('000') && String(grid.code).length === 15
        ? String(grid.code).slice(0, 12)
        : String(grid.code);
    const perGrid = (select: string) =>
      grids.length
        ? rows(
            grids.map(() => select).join(' UNION ALL '),
            grids.flatMap((grid) => [grid.id, `${prefixOf(grid)}%`]),
          )
        : Promise.resolve([] as Row[]);
    const [residents, tags, events, activities] = await Promise.all([
      perGrid(`SELECT ? AS k, COUNT(*) AS n FROM ${db('people')}.person WHERE area_code LIKE ? AND status = 'ACTIVE'`),
      perGrid(
        `SELECT ? AS k, code, COUNT(*) AS n FROM ${db('people')}.person_tag WHERE area_code LIKE ? AND until IS NULL GROUP BY code`,
      ),
      perGrid(
        `SELECT ? AS k, COUNT(*) AS total, SUM(status IN ('CLOSED', 'EVALUATED')) AS closed,
         SUM(status IN ('CLOSED', 'EVALUATED') AND closed_at <= finish_due_at) AS on_time, SUM(overdue_marked) AS overdue
         FROM ${db('events')}.grid_event WHERE area_code LIKE ?`,
      ),
      perGrid(`SELECT ? AS k, COUNT(*) AS n FROM ${db('volunteers')}.activity WHERE area_code LIKE ?`),
    ]);
    const count = (list: Row[], id: unknown) => Number(list.find((row) => row.k === id)?.n ?? 0);
    return {
      data: {
        area: area[0]
          ? {
              name: area[0].name,
              grids: {
                edges: grids.map((grid) => {
                  const stats = events.find((row) => row.k === grid.id);
                  const closed = Number(stats?.closed ?? 0);
                  return {
                    node: {
                      id: grid.id,
                      name: grid.name,
                      type: grid.type,
                      staff: staff
                        .filter((row) => row.grid_id === grid.id)
                        .map((row) => ({
                          role: row.role,
                          person: { name: names.find((n) => n.id === row.person_id)?.name ?? null },
                        })),
                      residentStats: {
                        total: count(residents, grid.id),
                        byTag: tags
                          .filter((row) => row.k === grid.id)
                          .map((row) => ({ code: row.code, count: Number(row.n) })),
                      },
                      eventStats: {
                        total: Number(stats?.total ?? 0),
                        closed,
                        overdue: Number(stats?.overdue ?? 0),
                        onTimeRate: closed ? Number(stats?.on_time ?? 0) / closed : null,
                      },
                      activities: { totalCount: count(activities, grid.id) },
                    },
                  };
                }),
              },
            }
          : null,
      },
    };
  },

  async openEvents(params) {
    const events = await rows(
      // The same deferred join the events subgraph sends: the page's ids from index entries
      // alone, then only those rows (a plain ORDER BY … LIMIT reads the row of every index
      // entry it walks to check status and area code).
      `SELECT e.id, e.title, e.status, e.grid_id, e.reporter_id, e.assignee_id FROM ${db('events')}.grid_event e
       JOIN (SELECT id, reported_at FROM ${db('events')}.grid_event WHERE area_code LIKE ? AND status IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS')
             ORDER BY reported_at DESC, id DESC LIMIT 100) page ON page.id = e.id
       ORDER BY page.reported_at DESC, page.id DESC`,
      [`${params.get('area')}%`],
    );
    const grids = await rows(`SELECT id, name, community_code FROM ${db('grids')}.grid WHERE id IN (?)`, [
      inList(ids(events.map((e) => e.grid_id))),
    ]);
    const communities = await rows(`SELECT code, name FROM ${db('grids')}.area WHERE code IN (?)`, [
      inList(ids(grids.map((g) => g.community_code))),
    ]);
    const staff = await rows(`SELECT id, role, person_id FROM ${db('grids')}.grid_staff WHERE id IN (?)`, [
      inList(ids(events.map((e) => e.assignee_id))),
    ]);
    const people = await rows(`SELECT id, name FROM ${db('people')}.person WHERE id IN (?)`, [
      inList(ids([...events.map((e) => e.reporter_id), ...staff.map((s) => s.person_id)])),
    ]);
    const name = (id: unknown) => people.find((p) => p.id === id)?.name ?? null;
    return {
      data: {
        events: {
          edges: events.map((event) => {
            const grid = grids.find((g) => g.id === event.grid_id);
            const assignee = staff.find((s) => s.id === event.assignee_id);
            return {
              node: {
                id: event.id,
                title: event.title,
                status: event.status,
                grid: grid
                  ? {
                      name: grid.name,
                      community: { name: communities.find((c) => c.code === grid.community_code)?.name ?? null },
                    }
                  : null,
                reporter: event.reporter_id ? { name: name(event.reporter_id) } : null,
                assignee: assignee ? { role: assignee.role, person: { name: name(assignee.person_id) } } : null,
              },
            };
          }),
        },
      },
    };
  },

  async personDetail(params) {
    const id = String(params.get('id'));
    const person = (
      await rows(`SELECT id, name, birth_date, household_id, building_id FROM ${db('people')}.person WHERE id = ?`, [
        id,
      ])
    )[0];
    if (!person) return { data: { person: null } };
    const [tags, household, volunteer, visits, building] = await Promise.all([
      rows(`SELECT code FROM ${db('people')}.person_tag WHERE person_id = ? AND until IS NULL`, [id]),
      rows(`SELECT address FROM ${db('people')}.household WHERE id = ?`, [person.household_id]),
      rows(
        `SELECT (SELECT COALESCE(SUM(r.minutes), 0) FROM ${db('volunteers')}.service_record r WHERE r.volunteer_id = v.id AND r.status = 'CONFIRMED') AS confirmed_minutes, t.name
         FROM ${db('volunteers')}.volunteer v LEFT JOIN ${db('volunteers')}.team_membership m ON m.volunteer_id = v.id AND m.left_at IS NULL LEFT JOIN ${db('volunteers')}.volunteer_team t ON t.id = m.team_id WHERE v.person_id = ?`,
        [id],
      ),
      rows(
        `SELECT visited_at, outcome, COUNT(*) OVER () AS total, MAX(visited_at) OVER () AS last_at FROM ${db('events')}.visit WHERE person_id = ? ORDER BY id LIMIT 5`,
        [id],
      ),
      rows(
        `SELECT b.id, b.name, b.grid_id, g.parent_id FROM ${db('grids')}.building b JOIN ${db('grids')}.grid g ON g.id = b.grid_id WHERE b.id = ?`,
        [person.building_id],
      ),
    ]);
    const home = building[0];
    const staff = home
      ? await rows(
          `SELECT s.role, s.person_id, s.work_phone, a.grid_id, a.building_id FROM ${db('grids')}.grid_assignment a JOIN ${db('grids')}.grid_staff s ON s.id = a.staff_id
           WHERE a.ended_at IS NULL AND a.grid_id IN (?, ?)`,
          [home.grid_id, home.parent_id ?? ''],
        )
      : [];
    const names = await rows(`SELECT id, name FROM ${db('people')}.person WHERE id IN (?)`, [
      inList(ids(staff.map((row) => row.person_id))),
    ]);
    const card = (row: Row) => ({
      person: { name: names.find((n) => n.id === row.person_id)?.name ?? null },
      workPhone: row.work_phone,
    });
    const minutes = Number(volunteer[0]?.confirmed_minutes ?? 0);
    const stewards = staff.filter((row) => row.role === 'BUILDING_STEWARD' && row.grid_id === home?.grid_id);
    return {
      data: {
        person: {
          name: person.name,
          age: ageOn(String(person.birth_date), new Date()),
          tags: tags.map((t) => ({ code: t.code })),
          household: household[0] ? { address: household[0].address } : null,
          volunteer: volunteer[0]
            ? {
                totalHours: minutes / 60,
                star: starFor(minutes),
                teams: volunteer.filter((v) => v.name).map((v) => ({ name: v.name })),
              }
            : null,
          visits: {
            totalCount: Number(visits[0]?.total ?? 0),
            edges: visits.map((v) => ({ node: { visitedAt: v.visited_at, outcome: v.outcome } })),
          },
          lastVisitAt: visits[0]?.last_at ?? null,
          building: home
            ? {
                name: home.name,
                serviceCard: {
                  microGridLeader:
                    staff
                      .filter((row) => row.role === 'MICRO_GRID_LEADER' && row.grid_id === home.grid_id)
                      .map(card)[0] ?? null,
                  gridWorkers: staff
                    .filter((row) => row.role === 'GRID_WORKER' && row.grid_id === home.parent_id)
                    .map(card),
                  buildingStewards: (stewards.some((row) => row.building_id === home.id)
                    ? stewards.filter((row) => row.building_id === home.id)
                    : stewards
                  ).map(card),
                },
              }
            : null,
        },
      },
    };
  },
};

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  const handler = handlers[url.pathname.slice(1)];
  if (url.pathname === '/health') {
    response.writeHead(200).end('ok');
    return;
  }
  if (!handler) {
    response.writeHead(404).end();
    return;
  }
  handler(url.searchParams).then(
    (body) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    },
    (error: Error) => {
      response.writeHead(500).end(error.message);
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.FLOOR_PORT ?? 4390), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
