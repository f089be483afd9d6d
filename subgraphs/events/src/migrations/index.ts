import { Initial1764400000000 } from './1764400000000-initial.js';
import { EventDomain1764500000000 } from './1764500000000-event-domain.js';
import { Deliberation1764600000000 } from './1764600000000-deliberation.js';
import { StatsCoveringIndex1764900000000 } from './1764900000000-stats-covering-index.js';
import { EventPageIndex1765000000000 } from './1765000000000-event-page-index.js';

/** The events database's migrations, in order, for the subgraph and for commands that open it alone. */
export const eventMigrations = [
  Initial1764400000000,
  EventDomain1764500000000,
  Deliberation1764600000000,
  StatsCoveringIndex1764900000000,
  EventPageIndex1765000000000,
];
