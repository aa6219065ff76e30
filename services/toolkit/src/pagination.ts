import 'reflect-metadata';
import type { EntityClass, EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { CacheAsParent } from './cache-hints';
import { BadUserInputError } from './errors';
import { findAndCountReadOnly } from './read-only';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

// Every subgraph declares the same PageInfo, so it is shareable across them; it may be kept as
// long as its connection.
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

/** A validated page request: how many rows to skip and to take. */
export interface Page {
  offset: number;
  limit: number;
}

const CURSOR_PREFIX = 'o:';

function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/**
 * Turns `first`/`after` into a page, refusing sizes outside 0..100 and cursors this server did
 * not issue. Cursors are opaque to clients; today they hold a position in a stable ordering.
 */
export function toPage(args: PageArgs, argPath = ''): Page {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, `${argPath}first`);
  }
  if (args.after == null) return { offset: 0, limit };
  const decoded = Buffer.from(args.after, 'base64url').toString();
  const position = Number(decoded.slice(CURSOR_PREFIX.length));
  if (!decoded.startsWith(CURSOR_PREFIX) || !Number.isInteger(position) || position < 0) {
    throw new BadUserInputError('after is not a cursor of this list.', `${argPath}after`);
  }
  return { offset: position + 1, limit };
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds a connection from one page of rows and the total count of the list. */
export function toConnection<T>(rows: T[], totalCount: number, page: Page): ConnectionShape<T> {
  const edges = rows.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: page.offset + rows.length < totalCount,
      hasPreviousPage: page.offset > 0,
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
  @ObjectType(`${nodeName}Edge`, { description: `A ${nodeName} in a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Pass as `after` to continue after this item.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${nodeName} itself.` })
    node: T;
  }

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
 * through the request's EntityManager's filters (so the jurisdiction applies), in a stable order.
 */
export async function findConnection<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  page: Page,
): Promise<ConnectionShape<T>> {
  const [rows, total] = await findAndCountReadOnly(em, entity, where, {
    orderBy,
    offset: page.offset,
    limit: page.limit,
  });
  return toConnection(rows, total, page);
}
