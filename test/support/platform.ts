import { createServer } from 'node:net';
import { gatewayConfigSchema } from '../../gateway/src/config.js';
import { createGatewayApp } from '../../gateway/src/server.js';
import { eventsSubgraph } from '../../subgraphs/events/src/module.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import { createLogger, type Logger } from '../../subgraphs/kit/src/logger.js';
import { listen } from '../../subgraphs/kit/src/server.js';
import { peopleSubgraph } from '../../subgraphs/people/src/module.js';
import { volunteersSubgraph } from '../../subgraphs/volunteers/src/module.js';
import { startTestSubgraph, type TestSubgraph } from './subgraph.js';

export interface Platform {
  gatewayUrl: string;
  subgraphs: { people: TestSubgraph; grids: TestSubgraph; volunteers: TestSubgraph; events: TestSubgraph };
  /** SQL statements each subgraph has sent so far. */
  statements: () => Record<string, number>;
  /** Stops one subgraph for real (its port then refuses); `stop` skips it afterwards. */
  stopSubgraph: (name: keyof Platform['subgraphs']) => Promise<void>;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * All four subgraphs, each over a fresh database of its own, and the gateway in front of
 * them, talking real HTTP on ephemeral ports.
 */
export async function startPlatform(
  overrides: Record<string, string> = {},
  options: { gatewayLogger?: Logger } = {},
): Promise<Platform> {
  const gatewayPort = await freePort();
  const graphUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const [people, grids, volunteers, events] = await Promise.all([
    startTestSubgraph(peopleSubgraph, { graphUrl, graphIsGateway: true }),
    startTestSubgraph(gridsSubgraph, { graphUrl, graphIsGateway: true }),
    startTestSubgraph(volunteersSubgraph, { graphUrl, graphIsGateway: true }),
    startTestSubgraph(eventsSubgraph, { graphUrl, graphIsGateway: true }),
  ]);
  const config = gatewayConfigSchema.parse({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    GATEWAY_PORT: String(gatewayPort),
    PEOPLE_URL: people.url,
    GRIDS_URL: grids.url,
    VOLUNTEERS_URL: volunteers.url,
    EVENTS_URL: events.url,
    ...overrides,
  });
  const { app, apollo } = await createGatewayApp(config, options.gatewayLogger ?? createLogger('gateway', 'silent'));
  const gateway = await listen(app, gatewayPort, '127.0.0.1', () => apollo.stop());
  const subgraphs = { people, grids, volunteers, events };
  const stopped = new Set<string>();
  return {
    gatewayUrl: gateway.url,
    subgraphs,
    statements: () =>
      Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.db.statements.count])),
    stopSubgraph: async (name) => {
      stopped.add(name);
      await subgraphs[name].stop();
    },
    stop: async () => {
      await gateway.close();
      await Promise.all(
        Object.entries(subgraphs).flatMap(([name, subgraph]) => (stopped.has(name) ? [] : [subgraph.stop()])),
      );
    },
  };
}
