import type { Surface } from '@cppcc/toolkit';
import express from 'express';
import { dirname, join } from 'node:path';

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

function page(surface: Surface): string {
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
export function explorerPage(surface: Surface): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' || req.query.query !== undefined || req.query.extensions !== undefined)
      return next();
    const preferred = req.accepts([
      'application/graphql-response+json',
      'application/json',
      'text/html',
    ]);
    if (preferred !== 'text/html') return next();
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.type('html').send(page(surface));
  };
}
