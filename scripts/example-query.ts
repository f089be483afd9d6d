/** The query `npm start` prints and the e2e test runs: one grid, data from all four subgraphs. */
export const EXAMPLE_GRID_CODE = '510116001001001';

export const EXAMPLE_QUERY = `query GridOverview($code: String!) {
  gridByCode(code: $code) {
    name
    type
    community { name parent { name } }
    staff { role person { name phone } }
    children { code name }
    residents(first: 3) { totalCount edges { node { name idNumber age tags { label } volunteer { confirmedHours } } } }
    events(first: 3) { totalCount edges { node { title category status assignee { role person { name } } } } }
    activities(first: 3) { totalCount edges { node { title category status startsAt } } }
  }
}`;
