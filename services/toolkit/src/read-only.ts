import {
  ReferenceKind,
  type EntityClass,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
  type QueryOrderMap,
} from '@mikro-orm/postgresql';

/**
 * Rows that a request only reads and serializes, as objects of their entity class (so
 * `instanceof` and the GraphQL types hold) with the values the ORM would give them (column names
 * mapped to properties, custom types such as dates and arrays converted), but without what the ORM
 * does for rows it may write back: no identity map, no snapshot for change tracking, no
 * per-instance property accessors. Those cost more CPU per row than the rest of serving it, and a
 * page of 100 homes reads several hundred rows.
 *
 * Such an object is not managed: changing it changes nothing in the database. Writes load their
 * records through the EntityManager (`em.findOne`), as they do.
 */
export type RowReader<T> = (row: Record<string, unknown>) => T;

const readers = new WeakMap<EntityMetadata, RowReader<unknown>>();

export function rowReader<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
): RowReader<T> {
  const meta = em.getMetadata().get<T>(entity.name);
  const known = readers.get(meta as EntityMetadata);
  if (known) return known as RowReader<T>;
  const platform = em.getPlatform();
  const comparator = em.getComparator();
  const validator = em.getValidator();
  const props = meta.props.filter(
    (prop) =>
      prop.kind === ReferenceKind.SCALAR &&
      prop.persist !== false &&
      !(prop.getter && !prop.setter),
  ) as Array<EntityProperty<T>>;
  const convert = props.map((prop): ((value: unknown, data: object) => unknown) => {
    const { customType } = prop;
    if (customType) return (value) => customType.convertToJSValue(value, platform);
    if (prop.runtimeType === 'boolean') return (value) => !!value;
    if (prop.runtimeType === 'Date')
      return (value) => (value instanceof Date ? value : new Date(value as string));
    // What `em.map` does to scalars: the validator fixes a number read as a string and the like.
    return (value, data) => validator.validateProperty(prop, value, data);
  });
  const reader: RowReader<T> = (row) => {
    const data = comparator.mapResult(meta.className, row) as Record<string, unknown>;
    const object: Record<string, unknown> = {};
    for (let i = 0; i < props.length; i += 1) {
      const name = props[i].name;
      const value = data[name];
      if (value === undefined) continue;
      object[name] = value === null ? null : convert[i](value, data);
    }
    return Object.setPrototypeOf(object, meta.prototype) as T;
  };
  readers.set(meta as EntityMetadata, reader as RowReader<unknown>);
  return reader;
}

/**
 * `em.find` for rows only read: one statement through the query builder with the same filters
 * (the caller's jurisdiction), the rows read by `rowReader`.
 */
export async function findReadOnly<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: { orderBy?: QueryOrderMap<T>; offset?: number; limit?: number } = {},
): Promise<T[]> {
  const { qb } = await readOnlyQuery(em, entity, where, options);
  const rows = await qb.execute<Array<Record<string, unknown>>>('all', false);
  return rows.map(rowReader(em, entity));
}

/**
 * `em.findAndCount` for rows only read: a page and the count of every row the filters let
 * through, two statements as with the ORM.
 */
export async function findAndCountReadOnly<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: { orderBy?: QueryOrderMap<T>; offset?: number; limit?: number } = {},
): Promise<[T[], number]> {
  const { qb } = await readOnlyQuery(em, entity, where, options);
  const [rows, total] = await Promise.all([
    qb.clone().execute<Array<Record<string, unknown>>>('all', false),
    qb.clone().getCount(),
  ]);
  return [rows.map(rowReader(em, entity)), total];
}

async function readOnlyQuery<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: { orderBy?: QueryOrderMap<T>; offset?: number; limit?: number },
) {
  const qb = em.createQueryBuilder(entity).select('*').where(where);
  if (options.orderBy) qb.orderBy(options.orderBy);
  if (options.offset !== undefined) qb.offset(options.offset);
  if (options.limit !== undefined) qb.limit(options.limit);
  await qb.applyFilters();
  // Wrapped: a query builder is thenable, and an async function would run it on return.
  return { qb };
}
