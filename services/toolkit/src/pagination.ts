import 'reflect-metadata';
import type { EntityClass, EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { CacheAsParent } from './cache-hints';
import { BadUserInputError } from '@cppcc/contract';
import {
  decodeKeysetCursor,
  keysetCursor,
  keysetOrderMap,
  keysetWhere,
  type KeysetOrder,
} from './keyset';
import { FieldsOn, OnSurfacesOfItsNodes } from './surfaces';
import { findAndCountReadOnly, findReadOnly } from './read-only';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const PAGE_INFO_FIELDS = ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'];

// Every subgraph declares the same PageInfo, so it is shareable across them; it may be kept as
// long as its connection. It holds no data of its own: it is on every surface where a connection
// is, as connections and edges are wherever their nodes are.
@FieldsOn('department', PAGE_INFO_FIELDS)
@FieldsOn('public', PAGE_INFO_FIELDS)
@Directive('@shareable')
@CacheAsParent()
@ObjectType({ description: 'Where a page of a connection stands in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'True when items precede this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item of the page.' })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor to pass as `after` for the next page.',
  })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items, ${DEFAULT_PAGE_SIZE} unless said, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

/**
 * A validated page request: how many rows to take, and where to start: after `offset` rows, or,
 * in a list with a keyset `order`, after the row whose key is `after` (offset is then 0).
 */
export interface Page {
  offset: number;
  limit: number;
  order?: KeysetOrder;
  after?: string[] | null;
}

const CURSOR_PREFIX = 'o:';
/**
 * A position cursor as this server writes it: `o:` and a position in plain decimal digits, no
 * sign, no leading zero, below a billion (no list is that long; beyond it PostgreSQL's offset
 * overflows).
 */
const POSITION_CURSOR = /^o:(0|[1-9]\d{0,8})$/;

function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/**
 * Turns `first`/`after` into a page, refusing sizes outside 0..100 and cursors this server did
 * not issue. Cursors are opaque to clients. With a keyset `order` a cursor holds the key of its
 * row in that order (and is refused by a list in another order); without, a position.
 */
export function toPage(args: PageArgs, argPath = '', order?: KeysetOrder): Page {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, `${argPath}first`);
  }
  if (order) {
    const after =
      args.after == null ? null : decodeKeysetCursor(order, args.after, `${argPath}after`);
    return { offset: 0, limit, order, after };
  }
  if (args.after == null) return { offset: 0, limit };
  const match = POSITION_CURSOR.exec(Buffer.from(args.after, 'base64url').toString());
  if (!match) {
    throw new BadUserInputError('after is not a cursor of this list.', `${argPath}after`);
  }
  return { offset: Number(match[1]) + 1, limit };
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds a connection from one page of rows and the total count of the list. A keyset page needs
 * `hasNextPage` from its caller (rows beyond the page); an offset page knows it from the count.
 * `cursorOf` gives a row's key when the node is not the row the order's properties are read from.
 */
export function toConnection<T>(
  rows: T[],
  totalCount: number,
  page: Page,
  hasNextPage?: boolean,
  cursorOf?: (node: T, index: number) => string,
): ConnectionShape<T> {
  const { order } = page;
  const edges = rows.map((node, index) => ({
    cursor:
      cursorOf?.(node, index) ??
      (order ? keysetCursor(order, node as object, 'property') : encodeCursor(page.offset + index)),
    node,
  }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: hasNextPage ?? page.offset + rows.length < totalCount,
      hasPreviousPage: page.offset > 0 || page.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Declares the Relay connection type of a node type: `<Name>Connection` with `<Name>Edge`s.
 * Each call creates the two GraphQL types once, so call it once per node type. With
 * `cacheAsParent`, a page may be kept as long as the field that holds it (for node types that
 * carry cache hints themselves, such as divisions); otherwise a page is never kept.
 */
export function Connection<T extends object>(
  nodeType: ClassType<T>,
  nodeName = nodeType.name,
  options: { cacheAsParent?: boolean } = {},
) {
  @OnSurfacesOfItsNodes()
  @ObjectType(`${nodeName}Edge`, { description: `A ${nodeName} in a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Pass as `after` to continue after this item.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${nodeName} itself.` })
    node: T;
  }

  @OnSurfacesOfItsNodes()
  @ObjectType(`${nodeName}Connection`, { description: `A page of ${nodeName}s.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page, in the order of the list.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and where to continue.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds.' })
    totalCount: number;
  }
  if (options.cacheAsParent) {
    CacheAsParent()(Edge);
    CacheAsParent()(ConnectionType);
  }
  return ConnectionType as ClassType<ConnectionShape<T>>;
}

/**
 * One page of an entity's rows as a connection: the rows (read-only) and their total count,
 * through the request's EntityManager's filters (so the jurisdiction applies), in a stable order:
 * the page's keyset order when it has one (`orderBy` is then unused), else `orderBy`. Two
 * statements either way: a keyset page reads one row more than it returns to know whether more
 * follow.
 */
export async function findConnection<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  page: Page,
): Promise<ConnectionShape<T>> {
  const { order } = page;
  if (order) {
    const [rows, total] = await Promise.all([
      findReadOnly(
        em,
        entity,
        page.after
          ? ({ $and: [where, keysetWhere<T>(order, page.after)] } as FilterQuery<T>)
          : where,
        { orderBy: keysetOrderMap(order) as QueryOrderMap<T>, limit: page.limit + 1 },
      ),
      em.count(entity, where),
    ]);
    return toConnection(rows.slice(0, page.limit), total, page, rows.length > page.limit);
  }
  const [rows, total] = await findAndCountReadOnly(em, entity, where, {
    orderBy,
    offset: page.offset,
    limit: page.limit,
  });
  return toConnection(rows, total, page);
}
