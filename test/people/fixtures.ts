import { SENSITIVE_TAGS, TAG_LABELS, TagCatalogue } from '../../subgraphs/people/src/domain/tags.js';

/** The built-in catalogue as the migration seeds it. */
export const CATALOGUE = new TagCatalogue(
  Object.entries(TAG_LABELS).map(([code, label]) => ({
    code,
    label,
    needsOccupation: code === 'NEW_EMPLOYMENT_WORKER',
    sensitive: SENSITIVE_TAGS.includes(code),
  })),
);

/** A fixed today for pure rules: 2026-11-29 in Shanghai. */
export const TODAY = new Date(Date.UTC(2026, 10, 29));
