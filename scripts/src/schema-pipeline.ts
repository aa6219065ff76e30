/**
 * The schema pipeline: each subgraph's SDL printed from its code, the supergraph composed from
 * them with @apollo/composition. `npm run schema` writes the files; the tests check that the
 * checked-in files are what the code prints today and that they compose.
 */
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { channelsSubgraph } from '@cppcc/channels';
import { deliberationSubgraph } from '@cppcc/deliberation';
import { organizationSubgraph } from '@cppcc/organization';
import type { SubgraphProcess } from '@cppcc/toolkit';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SUPERGRAPH_CONFIG = resolve(REPO_ROOT, 'schema/supergraph.yaml');
export const SUPERGRAPH_FILE = resolve(REPO_ROOT, 'schema/supergraph.graphql');

const SUBGRAPHS: Record<string, SubgraphProcess> = {
  organization: organizationSubgraph,
  deliberation: deliberationSubgraph,
  channels: channelsSubgraph,
};

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  /** Where the subgraph's printed SDL is checked in. */
  file: string;
}

/** The subgraphs named in schema/supergraph.yaml. */
export function readSupergraphConfig(): SubgraphEntry[] {
  const config = parseYaml(readFileSync(SUPERGRAPH_CONFIG, 'utf8')) as {
    subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
  };
  return Object.entries(config.subgraphs).map(([name, entry]) => ({
    name,
    routingUrl: entry.routing_url,
    file: resolve(dirname(SUPERGRAPH_CONFIG), entry.schema.file),
  }));
}

/** The SDL each subgraph's code prints today. */
export async function printSubgraphs(
  entries = readSupergraphConfig(),
): Promise<Map<string, string>> {
  const printed = new Map<string, string>();
  for (const entry of entries) {
    const subgraph = SUBGRAPHS[entry.name];
    if (!subgraph)
      throw new Error(
        `schema/supergraph.yaml names ${entry.name}, which is not a subgraph of this repo`,
      );
    printed.set(entry.name, `${printSubgraphSchema(await subgraph.buildSchema()).trim()}\n`);
  }
  return printed;
}

/** Composes the supergraph, or throws with every composition error. */
export function composeSupergraph(entries: SubgraphEntry[], sdls: Map<string, string>): string {
  const result = composeServices(
    entries.map((entry) => ({
      name: entry.name,
      url: entry.routingUrl,
      typeDefs: parse(sdls.get(entry.name) ?? ''),
    })),
  );
  if (result.errors) {
    throw new Error(
      `The subgraphs do not compose:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`,
    );
  }
  return `${result.supergraphSdl.trim()}\n`;
}
