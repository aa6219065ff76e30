import { spawnSync } from 'node:child_process';

/**
 * `npm run token` (scripts/src/token.ts), as a developer first meets it: `--help` explains it,
 * a mistyped option is named, and so is a claim the gateway would refuse (its rules, not a copy),
 * with exit code 2 and no stack trace.
 */
const TOKEN = require.resolve('@cppcc/scripts/dist/token.js');
const token = (...args: string[]) =>
  spawnSync(process.execPath, [TOKEN, ...args], { encoding: 'utf8', timeout: 20_000 });

describe('npm run token', () => {
  it('prints its usage for --help: options, levels and their surfaces, roles, an example', () => {
    for (const flag of ['--help', '-h']) {
      const run = token(flag);
      expect([flag, run.status, run.stderr]).toEqual([flag, 0, '']);
      expect(run.stdout).toMatch(/^Usage: npm run token -- --level LEVEL --division CODE/);
      for (const expected of [
        '--level LEVEL',
        '--division CODE',
        '--roles R1,R2',
        '--department ID',
        '--expires TIME',
        'CITY, COUNTY, HOME, DEPARTMENT',
        'STAFF, ANALYST, MEMBER, HOME_LEADER, DEPARTMENT, ADMIN',
        'DEPARTMENT department, public',
        'npm run token -- --level COUNTY --division 320706 --roles STAFF,ANALYST',
      ]) {
        expect(run.stdout).toContain(expected);
      }
    }
  });

  it('names an unknown option, a stray argument or a claim the gateway refuses: exit code 2, no stack trace', () => {
    for (const [args, message] of [
      [['--levle', 'COUNTY'], "Unknown option '--levle'"],
      [['320706'], "Unexpected argument '320706'"],
      [['--level'], "Option '--level <value>' argument missing"],
      [['--level', 'PUBLIC', '--division', '3207'], '--level must be CITY, COUNTY, HOME'],
      [
        ['--level', 'DEPARTMENT', '--division', '320706', '--roles', 'DEPARTMENT'],
        'the gateway would refuse this token: departmentId: a DEPARTMENT token names its department',
      ],
      [
        ['--level', 'COUNTY', '--division', '3207'],
        'the gateway would refuse this token: division: a COUNTY token names a county (6 digits)',
      ],
      [
        ['--level', 'HOME', '--division', '320706001', '--home', 'not-a-uuid'],
        'the gateway would refuse this token: homeId:',
      ],
    ] as const) {
      const run = token(...args);
      expect([args, run.status]).toEqual([args, 2]);
      expect(run.stderr).toContain(`npm run token: ${message}`);
      expect(run.stderr).toContain('See npm run token -- --help.');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    }
  });
});
