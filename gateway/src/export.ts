import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { ErrorCode } from '@cppcc/contract';
import type { NextFunction, Request, Response } from 'express';
import { once } from 'node:events';

/**
 * Any report (any list an operation returns) as CSV: the operation runs through the surface's
 * own Apollo Server, after the same middleware as a GraphQL request (token, rate limit, trusted
 * documents), so it meets the same limits, cost and jurisdiction; only its answer is written
 * differently. UTF-8 with a byte order mark, so a spreadsheet opens Chinese names correctly.
 */

/** The byte order mark that tells a spreadsheet the file is UTF-8. */
export const BOM = '\uFEFF';
/** Rows written per `res.write`, so a large export reaches the client as it is written. */
const ROWS_PER_CHUNK = 200;

/** The HTTP status of an export that failed, from its first error's code. */
const STATUS_OF: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  BAD_REQUEST: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  SERVICE_UNAVAILABLE: 503,
};

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

/** The start of a text a spreadsheet may run as a formula. */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/** One cell as RFC 4180 writes it: quoted when it holds a quote, a comma or a line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A text cell a spreadsheet would read as a formula is written as text: one starting with =, +,
  // - or @, also after leading whitespace and in their full-width forms (＝＋－＠), which some
  // spreadsheets read as the same.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A row's values under dotted names: `{ county: { name } }` → `county.name`. */
export function flatten(
  value: unknown,
  prefix = '',
  into: Record<string, unknown> = {},
): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    into[prefix || 'value'] = value;
  }
  return into;
}

/** The list at a dotted path of the answer's data, or the first list found depth-first. */
export function rowsAt(data: unknown, path: string | undefined): unknown[] | null {
  if (path) {
    let value: unknown = data;
    for (const key of path.split('.')) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
      value = (value as Record<string, unknown>)[key];
    }
    return Array.isArray(value) ? value : null;
  }
  const search = (value: unknown): unknown[] | null => {
    if (Array.isArray(value)) return value;
    if (value === null || typeof value !== 'object') return null;
    for (const inner of Object.values(value)) {
      const found = search(inner);
      if (found) return found;
    }
    return null;
  };
  return search(data);
}

/**
 * Adds a row's column to the header, keeping an object's columns together: a null where other
 * rows have an object (`county: null`, the city CPPCC's row) is the object's empty cells, not a
 * column of its own.
 */
function addColumn(columns: string[], key: string): void {
  if (columns.includes(key) || columns.some((column) => column.startsWith(`${key}.`))) return;
  const nullParent = columns.findIndex((column) => key.startsWith(`${column}.`));
  if (nullParent >= 0) {
    columns[nullParent] = key;
    return;
  }
  const parent = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : null;
  const siblings = parent
    ? columns.flatMap((column, index) => (column.startsWith(`${parent}.`) ? [index] : []))
    : [];
  if (siblings.length) columns.splice(siblings[siblings.length - 1] + 1, 0, key);
  else columns.push(key);
}

/** The CSV of rows, in chunks: the header first (every column any row has, in order met). */
export function* csvChunks(rows: unknown[]): Generator<string> {
  const flat = rows.map((row) => flatten(row));
  const columns: string[] = [];
  for (const row of flat) for (const column of Object.keys(row)) addColumn(columns, column);
  yield `${BOM}${columns.map(csvCell).join(',')}\r\n`;
  for (let start = 0; start < flat.length; start += ROWS_PER_CHUNK) {
    yield flat
      .slice(start, start + ROWS_PER_CHUNK)
      .map((row) => `${columns.map((column) => csvCell(row[column])).join(',')}\r\n`)
      .join('');
  }
}

function sendErrors(res: Response, status: number, answer: GraphQLAnswer): void {
  res.status(status).type('application/json').json({ errors: answer.errors });
}

/**
 * The export handler of a surface, after its middleware: the operation (`query`, `variables`,
 * `operationName`, from the JSON body or the URL) runs as a GET through the surface's server, so a
 * mutation is refused as on any GET; the rows at `?path=` (or the first list) are written as CSV.
 * Any error comes back as GraphQL's JSON with the status its code means, never half a CSV.
 */
export function csvExport<Context extends BaseContext>(
  server: ApolloServer<Context>,
  contextOf: (req: Request, res: Response) => Promise<Context>,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const url = new URL(req.url, 'http://gateway.invalid');
      const path = url.searchParams.get('path') ?? undefined;
      const operation = new URLSearchParams();
      if (req.method === 'GET') {
        for (const [key, value] of url.searchParams) if (key !== 'path') operation.set(key, value);
      } else if (req.method === 'POST') {
        const body = req.body as Record<string, unknown> | unknown[] | undefined;
        if (!body || Array.isArray(body) || typeof body !== 'object') {
          sendErrors(res, 400, {
            errors: [
              {
                message: 'Export one operation: a JSON object with `query` (and `variables`).',
                extensions: { code: 'BAD_REQUEST' },
              },
            ],
          });
          return;
        }
        for (const key of ['query', 'operationName'] as const) {
          if (typeof body[key] === 'string') operation.set(key, body[key]);
        }
        if (body.variables != null) operation.set('variables', JSON.stringify(body.variables));
      } else {
        res.setHeader('Allow', 'GET, POST');
        sendErrors(res, 405, {
          errors: [{ message: 'Use GET or POST.', extensions: { code: 'BAD_REQUEST' } }],
        });
        return;
      }
      const headers = new HeaderMap([['accept', 'application/json']]);
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'GET', headers, search: operation.toString(), body: {} },
        context: () => contextOf(req, res),
      });
      if (response.body.kind !== 'complete') {
        sendErrors(res, 400, {
          errors: [
            {
              message: 'Incremental delivery cannot be exported.',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
        return;
      }
      const answer = JSON.parse(response.body.string) as GraphQLAnswer;
      if (answer.errors?.length) {
        // A partial answer (a subgraph missing) would be a CSV with holes: refused whole.
        const code = answer.errors[0].extensions?.code ?? '';
        const status =
          STATUS_OF[code] ?? (response.status && response.status >= 400 ? response.status : 500);
        sendErrors(res, status, answer);
        return;
      }
      const rows = rowsAt(answer.data, path);
      if (!rows) {
        sendErrors(res, 400, {
          errors: [
            {
              message: path
                ? `The answer has no list at ${path}.`
                : 'The answer has no list to export.',
              extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'path' },
            },
          ],
        });
        return;
      }
      const name = (path ?? Object.keys(answer.data ?? {})[0] ?? 'export').replace(
        /[^A-Za-z0-9_.-]/g,
        '_',
      );
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      for (const chunk of csvChunks(rows)) {
        // A client that went away stops the writing.
        if (res.destroyed) return;
        if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
      res.end();
    } catch (error) {
      next(error);
    }
  };
}
