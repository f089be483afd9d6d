import { runSubgraph } from '../../kit/src/service.js';
import { peopleSubgraph } from './module.js';

await runSubgraph(peopleSubgraph);
