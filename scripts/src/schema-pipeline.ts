/**
 * The schema pipeline: each subgraph's SDL printed from its code, the supergraph composed from
 * them with @apollo/composition. `npm run schema` writes the files; the tests check that the
 * checked-in files are what the code prints today and that they compose.
 */
import { composeServices } from '@apollo/composition';
import { composeSchemaContract } from '@theguild/federation-composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { channelsSubgraph } from '@cppcc/channels';
import { deliberationSubgraph } from '@cppcc/deliberation';
import { organizationSubgraph } from '@cppcc/organization';
import { SURFACES, hiddenTag, type Surface, type SubgraphProcess } from '@cppcc/toolkit';
import { Kind, parse, validate } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SUPERGRAPH_CONFIG = resolve(REPO_ROOT, 'schema/supergraph.yaml');
export const SUPERGRAPH_FILE = resolve(REPO_ROOT, 'schema/supergraph.graphql');
/** Where the contract supergraph of each surface is checked in: `schema/contracts/<surface>.graphql`. */
export const CONTRACTS_DIR = resolve(REPO_ROOT, 'schema/contracts');

export function contractFile(surface: Surface): string {
  return resolve(CONTRACTS_DIR, `${surface}.graphql`);
}

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

/**
 * The contract supergraph of each surface: the supergraph with every element tagged
 * `hide-<surface>` made @inaccessible, and the types no longer reachable removed. The gateway
 * serves each on `/graphql/<surface>`, so a field a level has no use for does not exist there.
 */
export function composeContracts(
  entries: SubgraphEntry[],
  sdls: Map<string, string>,
): Map<Surface, string> {
  const services = entries.map((entry) => ({
    name: entry.name,
    url: entry.routingUrl,
    typeDefs: parse(sdls.get(entry.name) ?? ''),
  }));
  const contracts = new Map<Surface, string>();
  for (const surface of SURFACES) {
    const result = composeSchemaContract(
      services,
      { include: new Set(), exclude: new Set([hiddenTag(surface)]) },
      true,
    );
    if (result.errors?.length) {
      throw new Error(
        `The ${surface} contract does not compose:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`,
      );
    }
    contracts.set(surface, `${(result.supergraphSdl ?? '').trim()}\n`);
  }
  return contracts;
}

/** Where front ends' registered operations live, one operation per `.graphql` file. */
export const TRUSTED_DOCUMENTS_DIR = resolve(REPO_ROOT, 'schema/trusted-documents');
export const TRUSTED_DOCUMENTS_MANIFEST = resolve(REPO_ROOT, 'schema/trusted-documents.json');

/**
 * The manifest of registered operations (Apollo's persisted query manifest format), each checked
 * to be valid on at least one surface, so a front end's build fails before its users do.
 */
export function buildTrustedDocumentsManifest(contracts: Map<Surface, string>): string {
  const apiSchemas = [...contracts].map(
    ([surface, sdl]) => [surface, Supergraph.build(sdl).apiSchema().toGraphQLJSSchema()] as const,
  );
  const files = existsSync(TRUSTED_DOCUMENTS_DIR)
    ? readdirSync(TRUSTED_DOCUMENTS_DIR)
        .filter((file) => file.endsWith('.graphql'))
        .sort()
    : [];
  const operations = files.map((file) => {
    const body = readFileSync(resolve(TRUSTED_DOCUMENTS_DIR, file), 'utf8');
    const document = parse(body);
    const operation = document.definitions.find(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || !operation.name) {
      throw new Error(`${file}: holds no named operation`);
    }
    if (!apiSchemas.some(([, schema]) => validate(schema, document).length === 0)) {
      const errors = validate(apiSchemas[0][1], document).map((error) => error.message);
      throw new Error(`${file}: valid on no surface (${errors.join('; ')})`);
    }
    return {
      id: createHash('sha256').update(body).digest('hex'),
      name: operation.name.value,
      type: operation.operation,
      body,
    };
  });
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;
}
