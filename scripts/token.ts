/**
 * Prints a development token and nothing else, for local use:
 *   npm run -s token -- --role STREET_ADMIN --scope 510116001
 * Roles and permissions are comma-separated flags; several scopes too. `--person <id>`
 * names the viewer's own resident record (a resident or volunteer acting for themselves).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES, signDevToken } from '../subgraphs/kit/src/auth.js';
import { commonConfig, parseConfig } from '../subgraphs/kit/src/config.js';

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
const flags = z.object({
  roles: z.array(z.enum(ROLES)).min(1),
  scopes: z.array(z.string().regex(/^\d{6,18}$/, 'scope must be an area code of 6 to 18 digits')),
});
const parsed = flags.safeParse({ roles: list(values.role), scopes: list(values.scope) });
if (!parsed.success) {
  process.stderr.write(`token: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}\n`);
  process.exit(2);
}
const config = parseConfig(z.object(commonConfig));
const token = await signDevToken(
  {
    subject: values.subject ?? 'dev-user',
    roles: parsed.data.roles,
    scopes: parsed.data.scopes,
    permissions: list(values.permission),
    expiresIn: values.expires,
    ...(values.person ? { personId: values.person } : {}),
  },
  config,
);
process.stdout.write(`${token}\n`);
