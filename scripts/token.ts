/**
 * Prints a development token and nothing else, for local use:
 *   npm run -s token -- --role STREET_ADMIN --scope 510116001
 * Roles and permissions are comma-separated flags; several scopes too. `--person <id>`
 * names the viewer's own resident record (a resident or volunteer acting for themselves).
 * `--expires 30m` shortens the lifetime; the services refuse more than AUTH_MAX_TOKEN_TTL
 * (12h by default). Under NODE_ENV=production it signs only with a configured AUTH_JWT_SECRET.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseScope } from '../subgraphs/kit/src/area-code.js';
import { DEV_JWT_SECRET, ROLES, signDevToken } from '../subgraphs/kit/src/auth.js';
import { commonConfig, durationSeconds, parseConfig } from '../subgraphs/kit/src/config.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'STREET_ADMIN' },
    scope: { type: 'string', default: '510116001' },
    permission: { type: 'string', default: '' },
    subject: { type: 'string', default: 'dev-user' },
    person: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const config = parseConfig(z.object(commonConfig));
if (config.NODE_ENV === 'production' && (config.AUTH_JWT_SECRET ?? DEV_JWT_SECRET) === DEV_JWT_SECRET) {
  process.stderr.write('token: production refuses the built-in development secret; set AUTH_JWT_SECRET\n');
  process.exit(2);
}
const flags = z.object({
  roles: z.array(z.enum(ROLES)).min(1),
  // The services refuse a token with any scope that is not an area code: refuse it here first.
  scopes: z.array(
    z
      .string()
      .refine((scope) => parseScope(scope) !== null, 'scope must be an area code of 2, 4, 6, 9, 12, 15 or 18 digits'),
  ),
  expires: z
    .string()
    .refine((value) => (durationSeconds(value) ?? 0) > 0, 'expires must be seconds or a duration such as 30m or 12h')
    .refine(
      (value) => (durationSeconds(value) ?? 0) <= config.AUTH_MAX_TOKEN_TTL,
      `expires must be at most AUTH_MAX_TOKEN_TTL (${config.AUTH_MAX_TOKEN_TTL} seconds)`,
    ),
});
const parsed = flags.safeParse({ roles: list(values.role), scopes: list(values.scope), expires: values.expires });
if (!parsed.success) {
  process.stderr.write(`token: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}\n`);
  process.exit(2);
}
const token = await signDevToken(
  {
    subject: values.subject ?? 'dev-user',
    roles: parsed.data.roles,
    scopes: parsed.data.scopes,
    permissions: list(values.permission),
    expiresIn: `${durationSeconds(parsed.data.expires)}s`,
    ...(values.person ? { personId: values.person } : {}),
  },
  config,
);
process.stdout.write(`${token}\n`);
