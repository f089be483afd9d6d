/** The four subgraphs, their default ports and the names used in env variables. */
export const SUBGRAPHS = [
  { name: 'people', defaultPort: 4001 },
  { name: 'grids', defaultPort: 4002 },
  { name: 'volunteers', defaultPort: 4003 },
  { name: 'events', defaultPort: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const GATEWAY_DEFAULT_PORT = 4000;
