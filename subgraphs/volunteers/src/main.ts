import { runSubgraph } from '../../kit/src/service.js';
import { volunteersSubgraph } from './module.js';

await runSubgraph(volunteersSubgraph);
