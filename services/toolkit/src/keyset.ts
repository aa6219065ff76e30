import type { FilterQuery } from '@mikro-orm/postgresql';
import { BadUserInputError } from '@cppcc/contract';

/** One part of a keyset order: its SQL column, the entity property it maps to, its SQL type. */
export interface KeysetPart {
  /** The column as the list's SQL outputs it, e.g. `created_at`. */
  column: string;
  /** The entity property holding the same value, e.g. `createdAt`. */
  property: string;
  /** `bigint` and `xid8` (a transaction id, as outboxes order their events) are whole numbers. */
  type: 'timestamptz' | 'uuid' | 'bigint' | 'xid8';
}

/**
 * The order of a list paged by keyset cursors: parts whose values never change once a row exists
 * (creation time, id), all in one direction, the last one unique. A row present for the whole of
 * a paging is then seen exactly once, whatever is added, changed or removed meanwhile. A cursor
 * names its order, so one issued by another list (or another order) is refused.
 * Timestamps in a key must be stored to the millisecond (`timestamptz(3)`), the precision a
 * cursor carries.
 */
export interface KeysetOrder {
  name: string;
  direction: 'asc' | 'desc';
  parts: readonly KeysetPart[];
}

/** Newest first by creation time, then by id: the order of the lists departments' systems page. */
export function newestFirst(name: string): KeysetOrder {
  return {
    name,
    direction: 'desc',
    parts: [
      { column: 'created_at', property: 'createdAt', type: 'timestamptz' },
      { column: 'id', property: 'id', type: 'uuid' },
    ],
  };
}

const PREFIX = 'k1:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const WHOLE = /^\d{1,20}$/;

/**
 * An instant as a cursor writes it, and one PostgreSQL reads: JavaScript's Date takes 30 February
 * (as 2 March) and the year 0, which `::timestamptz` refuses (an error, not a refusal).
 */
function realInstant(value: string): boolean {
  if (!INSTANT.test(value) || value.startsWith('0000')) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}
/** The largest value of each whole-number type: PostgreSQL's signed bigint, the unsigned xid8. */
const LARGEST = { bigint: 2n ** 63n - 1n, xid8: 2n ** 64n - 1n };

function keyValue(part: KeysetPart, value: unknown): string {
  return part.type === 'timestamptz'
    ? new Date(value as string | Date).toISOString()
    : String(value);
}

/** The opaque cursor of a row (an entity or a row of the list's SQL) in an order. */
export function keysetCursor(order: KeysetOrder, row: object, from: 'property' | 'column') {
  const values = order.parts.map((part) =>
    keyValue(part, (row as Record<string, unknown>)[part[from]]),
  );
  return Buffer.from(`${PREFIX}${order.name}:${JSON.stringify(values)}`).toString('base64url');
}

/**
 * The key values a cursor holds, or a BAD_USER_INPUT error on `field` when the cursor was not
 * issued by a list in this order (garbled, forged, or another list's).
 */
export function decodeKeysetCursor(order: KeysetOrder, cursor: string, field: string): string[] {
  const refuse = () => new BadUserInputError('after is not a cursor of this list.', field);
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const head = `${PREFIX}${order.name}:`;
  if (!decoded.startsWith(head)) throw refuse();
  let values: unknown;
  try {
    values = JSON.parse(decoded.slice(head.length));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(values) || values.length !== order.parts.length) throw refuse();
  order.parts.forEach((part, index) => {
    const value = values[index];
    const valid =
      typeof value === 'string' &&
      (part.type === 'uuid'
        ? UUID.test(value)
        : part.type === 'timestamptz'
          ? realInstant(value)
          : WHOLE.test(value) && BigInt(value) <= LARGEST[part.type]);
    if (!valid) throw refuse();
  });
  return values as string[];
}

/**
 * The SQL condition "after this key" over the list's output columns (optionally qualified by
 * `alias`): one row comparison, which a B-tree index in the order serves.
 */
export function keysetSql(order: KeysetOrder, after: string[], alias = '') {
  const column = (part: KeysetPart) => (alias ? `${alias}.${part.column}` : part.column);
  const op = order.direction === 'desc' ? '<' : '>';
  return {
    sql: `(${order.parts.map(column).join(', ')}) ${op} (${order.parts.map((part) => `?::${part.type}`).join(', ')})`,
    params: after,
  };
}

/** The ORDER BY of the order over the list's output columns. */
export function keysetOrderBy(order: KeysetOrder, alias = '') {
  return order.parts
    .map((part) => `${alias ? `${alias}.` : ''}${part.column} ${order.direction}`)
    .join(', ');
}

/** The same "after this key" as an ORM condition, and the ORM's orderBy. */
export function keysetWhere<T>(order: KeysetOrder, after: string[]): FilterQuery<T> {
  const op = order.direction === 'desc' ? '$lt' : '$gt';
  const value = (index: number) =>
    order.parts[index].type === 'timestamptz' ? new Date(after[index]) : after[index];
  const from = (index: number): Record<string, unknown> => {
    const part = order.parts[index];
    if (index === order.parts.length - 1) return { [part.property]: { [op]: value(index) } };
    return {
      $or: [
        { [part.property]: { [op]: value(index) } },
        { [part.property]: value(index), ...from(index + 1) },
      ],
    };
  };
  return from(0) as FilterQuery<T>;
}

export function keysetOrderMap(order: KeysetOrder): Record<string, 'asc' | 'desc'> {
  return Object.fromEntries(order.parts.map((part) => [part.property, order.direction]));
}
