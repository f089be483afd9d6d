import { runSubgraph } from '../../kit/src/service.js';
import { gridsSubgraph } from './module.js';

await runSubgraph(gridsSubgraph);
