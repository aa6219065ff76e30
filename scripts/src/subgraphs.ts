/**
 * The one list of subgraphs: `schema/supergraph.yaml` (rover's format), read by `npm run schema`,
 * `npm start`, `npm run db:migrate`, the end-to-end tests' stack, the compose and image tests and
 * the bench. A subgraph named there is the workspace of its schema file's folder
 * (`services/<name>`), whose package `@cppcc/<name>` exports its process as `<name>Subgraph`;
 * `npm start` runs it on its routing URL's port; the gateway and the processes that call it read
 * its URL from `<NAME>_URL`.
 */
import type { SubgraphProcess } from '@cppcc/toolkit';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SUPERGRAPH_CONFIG = resolve(REPO_ROOT, 'schema/supergraph.yaml');

export interface SubgraphEntry {
  /** As the supergraph names it, e.g. `channels`. */
  name: string;
  routingUrl: string;
  /** The port of its routing URL: where `npm start` runs it. */
  port: number;
  /** Where its printed SDL is checked in: `schema/subgraphs/<name>.graphql`. */
  file: string;
  /** Its workspace, relative to the repository root: `services/<name>`. */
  folder: string;
  /** Its workspace's package: `@cppcc/<name>`. */
  packageName: string;
  /** The variable that says where it answers (`…/graphql`): `CHANNELS_URL`. */
  urlVariable: string;
}

/** The subgraphs named in schema/supergraph.yaml, in its order. */
export function readSupergraphConfig(): SubgraphEntry[] {
  const config = parseYaml(readFileSync(SUPERGRAPH_CONFIG, 'utf8')) as {
    subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
  };
  return Object.entries(config.subgraphs).map(([name, entry]) => {
    const file = resolve(dirname(SUPERGRAPH_CONFIG), entry.schema.file);
    return {
      name,
      routingUrl: entry.routing_url,
      port: Number(new URL(entry.routing_url).port),
      file,
      folder: `services/${name}`,
      packageName: `@cppcc/${name}`,
      urlVariable: `${name.toUpperCase()}_URL`,
    };
  });
}

/** The subgraphs, each with its process (the code that serves it). */
export function subgraphs(): Array<SubgraphEntry & { process: SubgraphProcess }> {
  return readSupergraphConfig().map((entry) => ({ ...entry, process: subgraphProcess(entry) }));
}

/** The process of a subgraph: the `<name>Subgraph` export of its workspace's package. */
export function subgraphProcess(entry: SubgraphEntry): SubgraphProcess {
  const exported = `${entry.name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}Subgraph`;
  // Required by name: a subgraph added to schema/supergraph.yaml needs no import here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const process = (require(entry.packageName) as Record<string, SubgraphProcess | undefined>)[
    exported
  ];
  if (!process || process.name !== entry.name) {
    throw new Error(
      `schema/supergraph.yaml names ${entry.name}: ${entry.packageName} must export ${exported}, a subgraph named ${entry.name}`,
    );
  }
  return process;
}

/** Where each subgraph answers, as the gateway's variables: `{ CHANNELS_URL: … }`. */
export function subgraphUrlVariables(
  url: (entry: SubgraphEntry) => string,
): Record<string, string> {
  return Object.fromEntries(readSupergraphConfig().map((entry) => [entry.urlVariable, url(entry)]));
}
