import { Supergraph } from '@apollo/federation-internals';
import type { Surface } from '@cppcc/contract';
import express from 'express';
import {
  Kind,
  introspectionFromSchema,
  parse,
  validate,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from 'graphql';
import { dirname, join } from 'node:path';
import type { TrustedDocuments } from './trusted-documents';

/** The files the explorer page loads, from the project's own dependencies. */
const ASSETS: Record<string, string> = {
  'react.js': join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
  'react-dom.js': join(
    dirname(require.resolve('react-dom/package.json')),
    'umd/react-dom.production.min.js',
  ),
  'graphiql.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
  'graphiql.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
  'explorer.js': join(__dirname, '../explorer/explorer.js'),
};

/** Nothing but the gateway itself: no CDN, no font service, no third-party script. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A registered operation the explorer offers, with its variables to fill in. */
interface OfferedOperation {
  id: string;
  name: string;
  body: string;
  variables: Record<string, null>;
}

/** What the explorer's script is told about its surface (in the page, as a JSON data block). */
interface ExplorerConfig {
  surface: Surface;
  /** Whether the surface needs a token (all but the public). */
  token: boolean;
  /** The surface runs registered operations only: the explorer runs those, by id. */
  trustedOnly: boolean;
  operations: OfferedOperation[];
  /** Where the surface's schema is for reading, when it answers no free introspection. */
  schemaUrl: string | null;
}

export interface ExplorerSurface {
  /** The surface's contract supergraph. */
  contract: string;
  trustedDocuments: TrustedDocuments;
  trustedOnly: boolean;
  introspection: boolean;
}

/**
 * What a surface that runs registered operations only can still offer a reader: the registered
 * operations valid on it (by name, their variables listed) and its schema as introspection would
 * give it (when the surface answers introspection at all).
 */
function explorerConfig(surface: Surface, options: ExplorerSurface) {
  const base = { surface, token: surface !== 'public', trustedOnly: options.trustedOnly };
  if (!options.trustedOnly)
    return { config: { ...base, operations: [], schemaUrl: null } as ExplorerConfig, schema: null };
  const api = Supergraph.build(options.contract).apiSchema().toGraphQLJSSchema();
  const operations: OfferedOperation[] = [];
  for (const [id, body] of options.trustedDocuments) {
    const document = parse(body);
    if (validate(api, document).length) continue;
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation?.name || operation.operation !== 'query') continue;
    operations.push({
      id,
      name: operation.name.value,
      body,
      variables: Object.fromEntries(
        (operation.variableDefinitions ?? []).map((variable) => [
          variable.variable.name.value,
          null,
        ]),
      ),
    });
  }
  operations.sort((a, b) => a.name.localeCompare(b.name));
  const schema: IntrospectionQuery | null = options.introspection
    ? introspectionFromSchema(api)
    : null;
  return {
    config: {
      ...base,
      operations,
      schemaUrl: schema ? `/graphql/${surface}/schema.json` : null,
    } as ExplorerConfig,
    schema,
  };
}

/** JSON inside a `<script type="application/json">` block: nothing in it can close the block. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function page(surface: Surface, config: ExplorerConfig): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>CPPCC graph · ${surface}</title>
    <link rel="stylesheet" href="/explorer/graphiql.css" />
    <style>body { margin: 0; } #explorer { height: 100vh; }</style>
  </head>
  <body>
    <div id="explorer"></div>
    <script type="application/json" id="explorer-config">${jsonForHtml(config)}</script>
    <script src="/explorer/react.js"></script>
    <script src="/explorer/react-dom.js"></script>
    <script src="/explorer/graphiql.js"></script>
    <script src="/explorer/explorer.js"></script>
  </body>
</html>
`;
}

/** Serves the explorer's files under `/explorer/`. */
export function explorerAssets(): express.Router {
  const router = express.Router();
  router.get('/explorer/:file', (req, res, next) => {
    const file = ASSETS[req.params.file];
    if (!file) return next();
    res.setHeader('cache-control', 'public, max-age=3600');
    res.sendFile(file);
  });
  return router;
}

/**
 * A browser asking a surface's path for HTML (a GET without a query) gets the explorer; every
 * other request goes on to GraphQL.
 */
export function explorerPage(surface: Surface, options: ExplorerSurface): express.RequestHandler {
  const { config, schema } = explorerConfig(surface, options);
  const html = page(surface, config);
  const schemaJson = schema ? JSON.stringify({ data: schema }) : null;
  return (req, res, next) => {
    if (schemaJson && req.method === 'GET' && req.path === '/schema.json') {
      res.type('json').send(schemaJson);
      return;
    }
    if (req.method !== 'GET' || req.query.query !== undefined || req.query.extensions !== undefined)
      return next();
    const preferred = req.accepts([
      'application/graphql-response+json',
      'application/json',
      'text/html',
    ]);
    if (preferred !== 'text/html') return next();
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.type('html').send(html);
  };
}
