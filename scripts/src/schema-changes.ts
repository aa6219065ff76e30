/**
 * Schema changes, checked: what the code composes now against the baseline, the schema files
 * committed at git HEAD, compared by @graphql-inspector/core. A breaking change fails unless what
 * it removes or narrows was already deprecated at HEAD (recorded in the committed
 * `schema/deprecations.json`); a dangerous change is listed, never failed.
 */
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * One deprecated element of the graph, keyed in `schema/deprecations.json` by the inspector's
 * path: `Type.field`, `Type.field.argument`, `Input.field` or `Enum.VALUE`.
 */
export interface Deprecation {
  /** The `@deprecated` reason, as clients read it. */
  reason: string;
  /** The day `npm run schema` first saw it (YYYY-MM-DD, UTC). */
  since: string;
  /** The commit that was HEAD then: the deprecation was committed after it. */
  after: string | null;
}
export type Deprecations = Record<string, Deprecation>;

/** The schemas a change is compared on: the whole graph, and each surface's API schema. */
export type SchemaName = string;

/** What was committed at HEAD: each schema's SDL (null when not committed yet) and deprecations. */
export interface Baseline {
  /** The commit read, or null outside a git repository (the working tree is read then). */
  commit: string | null;
  schemas: Map<SchemaName, string | null>;
  deprecations: Deprecations;
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}

/** The HEAD commit of the repository at root, or null when there is none. */
export function headCommit(root: string): string | null {
  return git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])?.trim() || null;
}

/** A file as committed at HEAD (`null` when HEAD lacks it); the working tree's outside git. */
export function committedFile(root: string, file: string, commit: string | null): string | null {
  if (!commit) return existsSync(file) ? readFileSync(file, 'utf8') : null;
  return git(root, ['show', `${commit}:${relative(root, file).split('\\').join('/')}`]);
}

/** Reads the baseline: the given files and `deprecations.json` as committed at HEAD. */
export function readBaseline(
  root: string,
  files: Map<SchemaName, string>,
  deprecationsFile: string,
): Baseline {
  const commit = headCommit(root);
  const deprecations = committedFile(root, deprecationsFile, commit);
  return {
    commit,
    schemas: new Map([...files].map(([name, file]) => [name, committedFile(root, file, commit)])),
    deprecations: deprecations ? (JSON.parse(deprecations) as Deprecations) : {},
  };
}

/** Every deprecated element of a schema, keyed as in `schema/deprecations.json`. */
export function deprecatedElements(schema: GraphQLSchema): Map<string, string> {
  const found = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason)
          found.set(`${type.name}.${field.name}`, field.deprecationReason);
        for (const argument of field.args)
          if (argument.deprecationReason)
            found.set(`${type.name}.${field.name}.${argument.name}`, argument.deprecationReason);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (field.deprecationReason)
          found.set(`${type.name}.${field.name}`, field.deprecationReason);
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        if (value.deprecationReason)
          found.set(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  return found;
}

/**
 * The deprecations file the graph's schema calls for: each deprecated element with the day and
 * commit it first appeared (kept from the file as it stands), those no longer deprecated or no
 * longer there dropped.
 */
export function recordDeprecations(
  graph: GraphQLSchema,
  recorded: Deprecations,
  today: string,
  head: string | null,
): Deprecations {
  const next: Deprecations = {};
  for (const [path, reason] of [...deprecatedElements(graph)].sort(([a], [b]) =>
    a.localeCompare(b),
  ))
    next[path] = recorded[path]
      ? { ...recorded[path], reason }
      : { reason, since: today, after: head };
  return next;
}

/** One change of one schema, as judged. */
export interface JudgedChange {
  schema: SchemaName;
  change: Change;
  /** For a breaking change: the deprecation that allows it, or null when it is refused. */
  deprecation: Deprecation | null;
}

export interface ChangeCheck {
  /** Breaking changes of elements not deprecated at HEAD: `npm run schema` and the tests refuse them. */
  refused: JudgedChange[];
  /** Breaking changes of elements deprecated at HEAD (an earlier commit): allowed. */
  allowed: JudgedChange[];
  /** Dangerous changes (e.g. an enum value added): listed, not failed. */
  dangerous: JudgedChange[];
  /** Every change, per schema, in the inspector's order. */
  changes: Map<SchemaName, Change[]>;
}

const namedTypeOf = (type: GraphQLType): string => getNamedType(type).name;

/**
 * The deprecation that allows a breaking change: its own path's, or, for a type that disappears,
 * the deprecations of every field, argument and input field that returned or took it.
 */
function allowingDeprecation(
  change: Change,
  before: GraphQLSchema,
  deprecations: Deprecations,
): Deprecation | null {
  const path = change.path ?? '';
  if (deprecations[path]) return deprecations[path];
  if (change.type !== 'TYPE_REMOVED') return null;
  const uses: string[] = [];
  for (const type of Object.values(before.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))
      for (const field of Object.values(type.getFields())) {
        if (namedTypeOf(field.type) === path) uses.push(`${type.name}.${field.name}`);
        for (const argument of 'args' in field ? field.args : [])
          if (namedTypeOf(argument.type) === path)
            uses.push(`${type.name}.${field.name}.${argument.name}`);
      }
  }
  const all = uses.map((use) => deprecations[use]);
  return uses.length && all.every(Boolean) ? all[0] : null;
}

/**
 * Compares each schema with its baseline by @graphql-inspector/core and judges the changes: a
 * schema with no baseline (a new surface) is all additions.
 */
export async function checkChanges(
  baseline: Baseline,
  now: Map<SchemaName, string>,
): Promise<ChangeCheck> {
  const check: ChangeCheck = { refused: [], allowed: [], dangerous: [], changes: new Map() };
  for (const [schema, sdl] of now) {
    const before = baseline.schemas.get(schema);
    if (!before) continue;
    const old = buildSchema(before);
    const changes = await diff(old, buildSchema(sdl));
    check.changes.set(schema, changes);
    for (const change of changes) {
      if (change.criticality.level === CriticalityLevel.Dangerous)
        check.dangerous.push({ schema, change, deprecation: null });
      if (change.criticality.level !== CriticalityLevel.Breaking) continue;
      const deprecation = allowingDeprecation(change, old, baseline.deprecations);
      (deprecation ? check.allowed : check.refused).push({ schema, change, deprecation });
    }
  }
  return check;
}

/** The refused changes as the message a failing run shows: schema, inspector's message, path. */
export function describeRefused(check: ChangeCheck): string {
  return check.refused
    .map(({ schema, change }) => `  ${schema}: ${change.message} (${change.path ?? ''})`)
    .join('\n');
}
