import { runSubgraph } from '../../kit/src/service.js';
import { eventsSubgraph } from './module.js';

await runSubgraph(eventsSubgraph);
