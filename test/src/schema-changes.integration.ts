import 'reflect-metadata';
import { offerBySurfaces } from '@cppcc/toolkit';
import {
  checkChanges,
  describeRefused,
  printSubgraphs,
  readSupergraphConfig,
  repositorySchemaFiles,
  schemaFiles,
  schemaLayout,
  type Baseline,
  type SchemaFiles,
  type SubgraphEntry,
} from '@cppcc/scripts';
import { parse, print } from 'graphql';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

describe('the schema change of this working tree', () => {
  let files: SchemaFiles;
  beforeAll(async () => {
    const entries = readSupergraphConfig();
    files = await repositorySchemaFiles(entries, await printSubgraphs(entries));
  });

  it('breaks nothing that was not deprecated in an earlier commit (against the files committed at HEAD)', () => {
    // Dangerous changes are listed, not failed.
    for (const { schema, change } of files.check.dangerous)
      console.log(`Dangerous on ${schema}: ${change.message}`);
    expect(describeRefused(files.check)).toBe('');
  });

  it('has the deprecations and the changelog npm run schema writes (run npm run schema)', () => {
    const layout = schemaLayout(join(__dirname, '../..'));
    for (const file of [layout.deprecations, layout.changelog])
      expect({ file, content: readFileSync(file, 'utf8') }).toEqual({
        file,
        content: files.outputs.get(file),
      });
  });
});

/** Judges the change from one SDL to another, as the check does for every schema. */
async function judge(before: string, after: string, deprecations: Baseline['deprecations'] = {}) {
  const baseline: Baseline = { commit: null, schemas: new Map([['city', before]]), deprecations };
  return checkChanges(baseline, new Map([['city', after]]));
}

describe('judging a change', () => {
  const before = `type Query { homes(first: Int, kind: Kind): [Home!]! }
    enum Kind { CITIZEN VILLAGE }
    type Home { id: ID! name: String! motto: String }`;

  it('refuses a removed field with the inspector’s message, unless it was deprecated', async () => {
    const after = before.replace('motto: String', '');
    expect(describeRefused(await judge(before, after))).toBe(
      "  city: Field 'motto' was removed from object type 'Home' (Home.motto)",
    );
    const deprecated = await judge(before, after, {
      'Home.motto': { reason: 'Use name.', since: '2026-12-01', after: null },
    });
    expect(deprecated.refused).toEqual([]);
    expect(deprecated.allowed.map(({ change }) => change.path)).toEqual(['Home.motto']);
  });

  it('refuses a narrowed argument, a removed argument and an output made nullable', async () => {
    const after = `type Query { homes(first: Int!): [Home!]! }
      enum Kind { CITIZEN VILLAGE }
      type Home { id: ID! name: String motto: String }`;
    expect((await judge(before, after)).refused.map(({ change }) => change.message)).toEqual([
      "Argument 'kind: Kind' was removed from field 'Query.homes'",
      "Type for argument 'first' on field 'Query.homes' changed from 'Int' to 'Int!'",
      "Field 'Home.name' changed type from 'String!' to 'String'",
    ]);
  });

  it('lists an added enum value as dangerous and lets it pass; an output made non-null is safe', async () => {
    const after = before
      .replace('CITIZEN VILLAGE', 'CITIZEN VILLAGE ENTERPRISE')
      .replace('motto: String', 'motto: String!');
    const check = await judge(before, after);
    expect(check.refused).toEqual([]);
    expect(check.dangerous.map(({ change }) => change.message)).toEqual([
      "Enum value 'ENTERPRISE' was added to enum 'Kind'",
    ]);
  });

  it('lets a type go with the deprecated fields that returned it', async () => {
    const withMotto = `type Query { home: Home } type Home { id: ID! motto: Motto } type Motto { text: String }`;
    const check = await judge(withMotto, 'type Query { home: Home } type Home { id: ID! }', {
      'Home.motto': { reason: 'Unused.', since: '2026-12-01', after: null },
    });
    expect(check.refused).toEqual([]);
  });
});

describe('a field deprecated in one commit and removed in a later one, in a git repository', () => {
  const root = mkdtempSync(join(tmpdir(), 'schema-changes-'));
  const entries: SubgraphEntry[] = [
    {
      name: 'homes',
      routingUrl: 'http://localhost:4999/graphql',
      port: 4999,
      file: join(root, 'homes.graphql'),
      folder: 'services/homes',
      packageName: '@cppcc/homes',
      urlVariable: 'HOMES_URL',
    },
  ];
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
  const fields = (motto: string) => (motto ? '"id", "name", "motto"' : '"id", "name"');
  /** The subgraph's SDL, with `Home.motto` as given, offered on every surface. */
  const subgraph = (motto: string) =>
    print(
      offerBySurfaces(
        parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag"])
          type Query { homes: [Home!]! @tag(name: "city") @tag(name: "county") @tag(name: "home") @tag(name: "department") @tag(name: "public") }
          type Home @key(fields: "id") @fieldsOn(surface: "public", fields: [${fields(motto)}])
            @fieldsOn(surface: "department", fields: [${fields(motto)}]) {
            id: ID! name: String! ${motto}
          }`),
      ),
    );
  const run = (motto: string, today: string) =>
    schemaFiles({ root, entries, sdls: new Map([['homes', subgraph(motto)]]), today });
  const write = (files: SchemaFiles) => {
    for (const [file, content] of files.outputs) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  };
  const changelog = () => readFileSync(schemaLayout(root).changelog, 'utf8');
  const deprecations = () => JSON.parse(readFileSync(schemaLayout(root).deprecations, 'utf8'));

  beforeAll(async () => {
    git('init', '-q');
    write(await run('motto: String', '2026-11-30'));
    git('add', '-A');
    git('commit', '-qm', 'Homes with a motto');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses to remove it before it was deprecated, with the inspector’s message', async () => {
    const files = await run('', '2026-12-01');
    expect(describeRefused(files.check)).toContain(
      "public: Field 'motto' was removed from object type 'Home' (Home.motto)",
    );
  });

  it('records the deprecation with its day and commit, and lists it in the changelog', async () => {
    const first = git('rev-parse', 'HEAD');
    const files = await run('motto: String @deprecated(reason: "Use name.")', '2026-12-01');
    expect(files.check.refused).toEqual([]);
    write(files);
    expect(deprecations()).toEqual({
      'Home.motto': { reason: 'Use name.', since: '2026-12-01', after: first },
    });
    expect(changelog()).toContain(`## 2026-12-01, after ${first.slice(0, 7)}`);
    expect(changelog()).toMatch(/### public\n\nSafe:\n\n- Field 'Home.motto' is deprecated/);
  });

  it('still refuses the removal while the deprecation is not committed', async () => {
    expect((await run('', '2026-12-01')).check.refused).not.toEqual([]);
  });

  it('allows the removal once the deprecation is in an earlier commit; the changelog shows both', async () => {
    git('add', '-A');
    git('commit', '-qm', 'Deprecate Home.motto');
    const files = await run('', '2027-03-01');
    expect(describeRefused(files.check)).toBe('');
    expect(files.check.allowed.map(({ schema, change }) => `${schema} ${change.path}`)).toEqual(
      ['graph', 'city', 'county', 'home', 'department', 'public'].map(
        (schema) => `${schema} Home.motto`,
      ),
    );
    write(files);
    git('add', '-A');
    git('commit', '-qm', 'Remove Home.motto');
    expect(deprecations()).toEqual({});
    const text = changelog();
    const removal = text.indexOf(
      "- Field 'motto' (deprecated) was removed from object type 'Home' (deprecated since 2026-12-01)",
    );
    const deprecation = text.indexOf("- Field 'Home.motto' is deprecated");
    expect(removal).toBeGreaterThan(0);
    expect(deprecation).toBeGreaterThan(removal);
    // Nothing changes once committed: the next run writes the same files and refuses nothing.
    const again = await run('', '2027-03-02');
    expect(again.check.refused).toEqual([]);
    expect(again.outputs.get(schemaLayout(root).changelog)).toBe(text);
  });
});
