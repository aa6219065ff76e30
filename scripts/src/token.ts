/**
 * npm run token -- --level COUNTY --division 320706 [--roles STAFF,ANALYST] [--home ID]
 *                  [--member ID] [--department ID] [--subject S] [--expires 8h]
 *
 * Prints a token signed with the development secret (AUTH_JWT_SECRET, or the one `npm start`
 * keeps in .data/secrets.json), alone on the last line.
 */
import { CALLER_LEVELS, ROLES } from '@cppcc/toolkit';
import { SignJWT } from 'jose';
import { parseArgs } from 'node:util';
import { devSecrets } from './secrets';

function fail(message: string): never {
  console.error(`npm run token: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      level: { type: 'string' },
      division: { type: 'string' },
      roles: { type: 'string', default: '' },
      home: { type: 'string' },
      member: { type: 'string' },
      department: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const level = values.level?.toUpperCase();
  if (!level || !(CALLER_LEVELS as readonly string[]).includes(level) || level === 'PUBLIC') {
    fail('--level must be CITY, COUNTY, HOME or DEPARTMENT (the public surface needs no token)');
  }
  if (!values.division || !/^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/.test(values.division)) {
    fail('--division must be a division code, e.g. 3207, 320706 or 320706001');
  }
  const roles = values.roles
    ? values.roles.split(',').map((role) => role.trim().toUpperCase())
    : [];
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length) fail(`unknown roles ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
  const claims = {
    level,
    division: values.division,
    roles,
    ...(values.home ? { homeId: values.home } : {}),
    ...(values.member ? { memberId: values.member } : {}),
    ...(values.department ? { departmentId: values.department } : {}),
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(values.subject ?? `dev:${level.toLowerCase()}:${values.division}`)
    .setIssuedAt()
    .setExpirationTime(values.expires ?? '8h')
    .sign(new TextEncoder().encode(devSecrets().AUTH_JWT_SECRET));
  console.log(
    `A ${level} token for ${values.division}${roles.length ? ` (${roles.join(', ')})` : ''}:`,
  );
  console.log(token);
}

void main();
