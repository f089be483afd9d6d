import type { SubgraphRuntime } from '../../kit/src/service.js';
import type { Context } from './context.js';
import { unmaskingPurpose, type PiiField } from './domain/privacy.js';
import type { PersonEntity } from './entities/person.js';

/** The header a client may declare its purpose in, percent-encoded UTF-8 (HTTP headers are Latin-1). */
export const PURPOSE_HEADER = 'x-access-purpose';

/**
 * The purpose declared in the `x-access-purpose` header. Subgraphs only see what the kit
 * passes on: once the runtime carries `accessPurpose` (the gateway forwarding the header,
 * the kit reading it), it counts here; until then the field argument is the way.
 */
export function headerPurpose(runtime: SubgraphRuntime): string | null {
  const value = (runtime as SubgraphRuntime & { accessPurpose?: unknown }).accessPurpose;
  if (typeof value !== 'string') return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A personal field as the viewer may see it: masked, or in full when the viewer holds
 * `pii:read` and declared a purpose (the argument first, else the header) and the read
 * has been logged.
 */
export async function revealed(context: Context, person: PersonEntity, field: PiiField, declared: string | null | undefined, full: string, masked: string): Promise<string> {
  const purpose = unmaskingPurpose(context.viewer.permissions, declared ?? headerPurpose(context.runtime));
  if (!purpose) return masked;
  await context.loaders.piiLog.load({ personId: person.id, areaCode: person.areaCode, field, purpose });
  return full;
}
