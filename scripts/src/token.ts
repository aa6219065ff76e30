/**
 * npm run token -- --level COUNTY --division 320706 [--roles STAFF,ANALYST] [--home ID]
 *                  [--member ID] [--department ID] [--subject S] [--expires 8h]
 * npm run token -- --help
 *
 * Prints a token signed with the development secret (AUTH_JWT_SECRET, or the one `npm start`
 * keeps in .data/secrets.json), alone on the last line. Exit codes: 0 done (or --help), 2 a bad
 * command line, with what is wrong on stderr.
 */
import { claimsFault, tokenClaimsSchema } from '@cppcc/contract';
import { CALLER_LEVELS, ROLES, SURFACES, SURFACE_LEVELS } from '@cppcc/toolkit';
import { SignJWT } from 'jose';
import { parseArgs } from 'node:util';
import { devSecrets } from './secrets';

/** The levels a token may carry: every caller level but the public, which needs no token. */
const LEVELS = CALLER_LEVELS.filter((level) => level !== 'PUBLIC');

const OPTIONS = {
  level: { type: 'string' },
  division: { type: 'string' },
  roles: { type: 'string', default: '' },
  home: { type: 'string' },
  member: { type: 'string' },
  department: { type: 'string' },
  subject: { type: 'string' },
  expires: { type: 'string', default: '8h' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The surfaces a token of each level opens, from the surfaces' own table. */
function surfacesOf(level: string): string {
  return SURFACES.filter((surface) =>
    (SURFACE_LEVELS[surface] as readonly string[]).includes(level),
  ).join(', ');
}

function usage(): string {
  return [
    'Usage: npm run token -- --level LEVEL --division CODE [options]',
    '',
    'Prints a token signed with the development secret (AUTH_JWT_SECRET, or the one',
    '`npm start` keeps in .data/secrets.json), alone on the last line of the output.',
    '',
    'Options:',
    `  --level LEVEL      required: ${LEVELS.join(', ')}`,
    '  --division CODE    required: the jurisdiction, a division code of 4, 6, 9 or 12 digits',
    '                     (3207 the city, 320706 海州区, 320706001 a township of it)',
    `  --roles R1,R2      comma-separated, none by default: ${ROLES.join(', ')}`,
    '  --home ID          the home a HOME token belongs to (homeId)',
    '  --member ID        the member the caller is (memberId)',
    '  --department ID    the department a DEPARTMENT token belongs to (departmentId)',
    '  --subject S        the token subject; dev:<level>:<division> by default',
    '  --expires TIME     how long it is valid, e.g. 30m, 8h (the default), 7d',
    '  -h, --help         prints this and exits',
    '',
    'The surfaces (http://localhost:4000/graphql/<surface>) a token of each level may use:',
    ...LEVELS.map((level) => `  ${level.padEnd(11)}${surfacesOf(level)}`),
    'The public surface needs no token.',
    '',
    'Example:',
    '  npm run token -- --level COUNTY --division 320706 --roles STAFF,ANALYST',
    '',
  ].join('\n');
}

function fail(message: string): never {
  console.error(`npm run token: ${message}\nSee npm run token -- --help.`);
  process.exit(2);
}

function readArguments(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false })
      .values;
  } catch (error) {
    // node:util names the option or argument it refused, e.g. "Unknown option '--levle'".
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(message.replace(/\. To specify a positional argument.*$/, ''));
  }
}

async function main(argv: string[]): Promise<void> {
  const values = readArguments(argv);
  if (values.help) {
    process.stdout.write(usage());
    return;
  }
  const level = values.level?.toUpperCase();
  if (!level || !(LEVELS as readonly string[]).includes(level)) {
    fail(`--level must be ${LEVELS.join(', ')} (the public surface needs no token)`);
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
  // The gateway's own rules for a token's claims: a token it would refuse is not signed.
  const checked = tokenClaimsSchema.safeParse({ ...claims, sub: values.subject ?? 'dev' });
  if (!checked.success) fail(`the gateway would refuse this token: ${claimsFault(checked.error)}`);
  let token: string;
  try {
    token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(values.subject ?? `dev:${level.toLowerCase()}:${values.division}`)
      .setIssuedAt()
      .setExpirationTime(values.expires)
      .sign(new TextEncoder().encode(devSecrets().AUTH_JWT_SECRET));
  } catch (error) {
    // jose refuses a lifetime it cannot read ("Invalid time period format").
    if (error instanceof TypeError) fail('--expires must be a lifetime such as 30m, 8h or 7d');
    throw error;
  }
  console.log(
    `A ${level} token for ${values.division}${roles.length ? ` (${roles.join(', ')})` : ''}:`,
  );
  console.log(token);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`npm run token: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
