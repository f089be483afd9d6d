import cluster from 'node:cluster';
import { parseConfig } from '../../subgraphs/kit/src/config.js';
import { createLogger } from '../../subgraphs/kit/src/logger.js';
import { listen, stopOnSignals } from '../../subgraphs/kit/src/server.js';
import { gatewayConfigSchema } from './config.js';
import { createGatewayApp } from './server.js';

const config = parseConfig(gatewayConfigSchema);
const logger = createLogger('gateway', config.LOG_LEVEL);

if (config.GATEWAY_WORKERS > 1 && cluster.isPrimary) {
  // The gateway keeps no state, so workers share the port and the kernel spreads connections.
  let stopping = false;
  for (let index = 0; index < config.GATEWAY_WORKERS; index += 1) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code }, 'gateway worker exited; starting another');
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    // Each worker drains for up to the grace period; past it and a margin, the primary leaves.
    setTimeout(() => process.exit(0), (config.SHUTDOWN_GRACE_SECONDS + 5) * 1000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  logger.info({ workers: config.GATEWAY_WORKERS, port: config.GATEWAY_PORT }, 'gateway primary started');
} else {
  const { app, apollo } = await createGatewayApp(config, logger);
  const running = await listen(app, config.GATEWAY_PORT, config.GATEWAY_HOST, () => apollo.stop());
  logger.info({ url: running.url, pid: process.pid }, 'gateway ready');
  stopOnSignals(running, logger, config.SHUTDOWN_GRACE_SECONDS);
}
