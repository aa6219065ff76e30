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
import { Kind, parse, print, validate, visit, type DocumentNode } from 'graphql';
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
/** The web front end's operations on the public surface (web/src/operations/public/). */
export const WEB_PUBLIC_OPERATIONS_DIR = resolve(REPO_ROOT, 'web/src/operations/public');

/**
 * The document as Apollo Client sends it: `__typename` added to every selection set below the
 * operation's root (its cache needs it), as `@apollo/generate-persisted-query-manifest` registers
 * a client's operations.
 */
export function asApolloClientSendsIt(document: DocumentNode): string {
  const withTypename = visit(document, {
    SelectionSet(node, _key, parent) {
      if (
        parent &&
        !Array.isArray(parent) &&
        (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION
      )
        return undefined;
      if (
        node.selections.some(
          (selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename',
        )
      )
        return undefined;
      return {
        ...node,
        selections: [
          ...node.selections,
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
        ],
      };
    },
  });
  return print(withTypename);
}

/** The `.graphql` files of a folder, sorted; none when it does not exist. */
function operationFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.graphql'))
        .sort()
        .map((file) => resolve(dir, file))
    : [];
}

/**
 * The manifest of registered operations (Apollo's persisted query manifest format), each checked
 * to be valid on at least one surface, so a front end's build fails before its users do: the
 * hand-written files of `schema/trusted-documents/` as they are, and the web front end's public
 * operations as Apollo Client sends them (so a changed page is a stale manifest until
 * `npm run schema` rebuilds it).
 */
export function buildTrustedDocumentsManifest(
  contracts: Map<Surface, string>,
  sources = { handWritten: TRUSTED_DOCUMENTS_DIR, web: WEB_PUBLIC_OPERATIONS_DIR },
): string {
  const apiSchemas = [...contracts].map(
    ([surface, sdl]) => [surface, Supergraph.build(sdl).apiSchema().toGraphQLJSSchema()] as const,
  );
  const files = [
    ...operationFiles(sources.handWritten).map((file) => ({ file, web: false })),
    ...operationFiles(sources.web).map((file) => ({ file, web: true })),
  ];
  const operations = files.map(({ file, web }) => {
    const text = readFileSync(file, 'utf8');
    const document = parse(text);
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
    const body = web ? asApolloClientSendsIt(document) : text;
    return {
      id: createHash('sha256').update(body).digest('hex'),
      name: operation.name.value,
      type: operation.operation,
      body,
    };
  });
  const names = operations.map((operation) => operation.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice) throw new Error(`Two registered operations are named ${twice}`);
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;
}
