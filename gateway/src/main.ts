import { parseConfig } from '../../subgraphs/kit/src/config.js';
import { createLogger } from '../../subgraphs/kit/src/logger.js';
import { listen, stopOnSignals } from '../../subgraphs/kit/src/server.js';
import { gatewayConfigSchema } from './config.js';
import { createGatewayApp } from './server.js';

const config = parseConfig(gatewayConfigSchema);
const logger = createLogger('gateway', config.LOG_LEVEL);
const { app, apollo } = await createGatewayApp(config, logger);
const running = await listen(app, config.GATEWAY_PORT, '0.0.0.0', () => apollo.stop());
logger.info({ url: running.url }, 'gateway ready');
stopOnSignals(running, logger);
