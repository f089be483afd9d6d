import type { GridFacts } from '../domain/dispatch.js';
import type { Context } from '../context.js';
import type { StaffFacts } from '../domain/visit.js';

/**
 * Grid data the events domain needs, asked of the graph through the gateway with the
 * caller's own token (DESIGN rule 1): the caller's scope applies there too, so a grid
 * outside it reads as null. The events subgraph never reads the grids database.
 */
/** The place query asks only for what is named, so it needs no field of a subgraph it does not use. */
function placeQuery(withBuilding: boolean, withPerson: boolean): string {
  const variables = ['$id: ID!', withBuilding ? '$buildingId: ID!' : '', withPerson ? '$personId: ID!' : '']
    .filter(Boolean)
    .join(', ');
  const building = withBuilding ? 'building(id: $buildingId) { id grid { id code } }' : '';
  const person = withPerson ? 'person(id: $personId) { id }' : '';
  return `query EventPlace(${variables}) { grid(id: $id) { id code type status } ${building} ${person} }`;
}

const STAFF = 'staff { id role person { id } }';
const DISPATCH_QUERY = `query DispatchGrid($id: ID!) { grid(id: $id) { id code type ${STAFF} parent { id code type ${STAFF} } } }`;

/** Micro-grids under an area with their staff, a page at a time (a street has thousands). */
const MICRO_GRIDS_QUERY = `query DrillGrids($areaCode: ID!, $after: String) {
  grids(areaCode: $areaCode, type: MICRO, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id code ${STAFF} } }
  }
}`;

/** A staff visit also asks for the caller's own staff roles: who may record it depends on them. */
const VISIT_STAFF = 'id role active person { id } grids { code }';
const PERSON_QUERY = `query VisitFacts($personId: ID!, $staffId: ID!, $volunteerId: ID!, $callerId: ID!, $byStaff: Boolean!, $byVolunteer: Boolean!, $askCaller: Boolean!) {
  person(id: $personId) { id grid { id code } }
  gridStaff(id: $staffId) @include(if: $byStaff) { ${VISIT_STAFF} }
  volunteer(id: $volunteerId) @include(if: $byVolunteer) { id person { id } }
  caller: person(id: $callerId) @include(if: $askCaller) { id staffRoles { ${VISIT_STAFF} } }
}`;

export interface GridSummary {
  id: string;
  code: string;
  type: GridFacts['type'];
  status: 'ACTIVE' | 'RETIRED';
}

export interface PlaceFacts {
  grid: GridSummary | null;
  building?: { id: string; grid: { id: string; code: string } } | null;
  person?: { id: string } | null;
}

/** The grid an event or inspection happens in, the building and the reporting resident when named. */
export function placeFacts(
  context: Context,
  gridId: string,
  named: { buildingId: string | null; personId: string | null },
): Promise<PlaceFacts> {
  const variables = {
    id: gridId,
    ...(named.buildingId ? { buildingId: named.buildingId } : {}),
    ...(named.personId ? { personId: named.personId } : {}),
  };
  return context.runtime.graph.request<PlaceFacts>(
    placeQuery(named.buildingId !== null, named.personId !== null),
    variables,
    context.runtime.authorization,
  );
}

export async function gridWithStaff(context: Context, gridId: string): Promise<GridFacts | null> {
  const { grid } = await context.runtime.graph.request<{ grid: GridFacts | null }>(
    DISPATCH_QUERY,
    { id: gridId },
    context.runtime.authorization,
  );
  return grid;
}

export interface MicroGridStaff {
  id: string;
  code: string;
  staff: GridFacts['staff'];
}

/** Every active micro-grid under an area with its staff; bounded by the area's size, a hundred grids a request. */
export async function microGridsUnder(context: Context, areaCode: string): Promise<MicroGridStaff[]> {
  const grids: MicroGridStaff[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = {
      grids: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: MicroGridStaff }[] };
    };
    const page: Page = await context.runtime.graph.request<Page>(
      MICRO_GRIDS_QUERY,
      { areaCode, after },
      context.runtime.authorization,
    );
    grids.push(...page.grids.edges.map((edge) => edge.node));
    if (!page.grids.pageInfo.hasNextPage || !page.grids.pageInfo.endCursor) return grids;
    after = page.grids.pageInfo.endCursor;
  }
}

export interface VisitFacts {
  person: { id: string; grid: { id: string; code: string } } | null;
  gridStaff?: StaffFacts | null;
  volunteer?: { id: string; person: { id: string } } | null;
  /** The caller's own record and staff roles, asked for a staff visit when the token names a person. */
  caller?: { id: string; staffRoles: StaffFacts[] } | null;
}

export async function visitFacts(
  context: Context,
  personId: string,
  visitor: { kind: 'STAFF' | 'VOLUNTEER'; id: string },
): Promise<VisitFacts> {
  const callerId = context.viewer.personId ?? '';
  return context.runtime.graph.request<VisitFacts>(
    PERSON_QUERY,
    {
      personId,
      staffId: visitor.kind === 'STAFF' ? visitor.id : '',
      volunteerId: visitor.kind === 'VOLUNTEER' ? visitor.id : '',
      callerId,
      byStaff: visitor.kind === 'STAFF',
      byVolunteer: visitor.kind === 'VOLUNTEER',
      askCaller: visitor.kind === 'STAFF' && callerId !== '',
    },
    context.runtime.authorization,
  );
}
