import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

/**
 * Trusted documents: the operations front ends register at build time, in Apollo's persisted
 * query manifest format (what `@apollo/generate-persisted-query-manifest` writes). A surface set
 * to trusted-only runs those operations and nothing else.
 */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, 'must be the sha256 of the body, in hex'),
      name: z.string(),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

export type TrustedDocuments = Map<string, string>;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The registered operations by id; refuses a manifest whose ids do not match their bodies. */
export function loadTrustedDocuments(path: string): TrustedDocuments {
  if (!existsSync(path)) return new Map();
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const documents = new Map<string, string>();
  for (const operation of manifest.operations) {
    if (sha256(operation.body) !== operation.id) {
      throw new Error(
        `${path}: operation ${operation.name} has an id that is not the sha256 of its body`,
      );
    }
    documents.set(operation.id, operation.body);
  }
  return documents;
}

function refuse(res: Response, message: string, code: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

/** The id a request names: `documentId` (`sha256:<hex>` or `<hex>`) or APQ's `sha256Hash`. */
function requestedId(source: Record<string, unknown>): string | undefined {
  let extensions = source.extensions as
    { persistedQuery?: { sha256Hash?: unknown } } | string | undefined;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions) as { persistedQuery?: { sha256Hash?: unknown } };
    } catch {
      extensions = undefined;
    }
  }
  const id =
    source.documentId ??
    (typeof extensions === 'object' ? extensions?.persistedQuery?.sha256Hash : undefined);
  return typeof id === 'string' ? id.replace(/^sha256:/, '') : undefined;
}

/**
 * Express middleware for a surface: a request that names a registered document runs its body; a
 * surface that is trusted-only refuses every other operation (`PERSISTED_QUERY_NOT_IN_LIST`),
 * but accepts a registered body sent as text.
 */
export function trustedDocumentsMiddleware(documents: TrustedDocuments, trustedOnly: boolean) {
  /** Resolves one operation in place; returns the refusal, if any. */
  const resolve = (operation: Record<string, unknown>): [string, string] | null => {
    const id = requestedId(operation);
    if (id !== undefined) {
      const body = documents.get(id);
      if (!body) return [`No registered operation has the id ${id}.`, 'PERSISTED_QUERY_NOT_FOUND'];
      operation.query = body;
      delete operation.documentId;
      delete operation.extensions;
      return null;
    }
    if (
      trustedOnly &&
      !(typeof operation.query === 'string' && documents.has(sha256(operation.query)))
    ) {
      return [
        'This surface runs registered operations only: send a documentId.',
        'PERSISTED_QUERY_NOT_IN_LIST',
      ];
    }
    return null;
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET') {
      // Apollo reads a GET's parameters from the URL itself: rewrite it with the resolved query.
      const url = new URL(req.url, 'http://gateway.invalid');
      const operation: Record<string, unknown> = Object.fromEntries(url.searchParams);
      const refusal = resolve(operation);
      if (refusal) return refuse(res, ...refusal);
      const params = new URLSearchParams(
        Object.entries(operation).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
      req.url = `${url.pathname}?${params.toString()}`;
      return next();
    }
    const operations: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
    for (const operation of operations) {
      if (typeof operation !== 'object' || operation === null) continue;
      const refusal = resolve(operation as Record<string, unknown>);
      if (refusal) return refuse(res, ...refusal);
    }
    next();
  };
}
