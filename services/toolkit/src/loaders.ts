import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { findReadOnly } from './read-only';

/**
 * A loader of records by key in one `where key in (…)` per batch. It goes through the ORM's
 * filters, so the jurisdiction applies: a record outside it loads as null, exactly like an absent
 * one. The records are read-only (`findReadOnly`): a write loads what it changes itself.
 */
export function byKeyLoader<T extends object, K extends string = string>(
  em: EntityManager,
  entity: EntityClass<T>,
  keyProperty: keyof T & string = 'id' as keyof T & string,
): DataLoader<K, T | null> {
  return new DataLoader(async (keys) => {
    const rows = await findReadOnly(em, entity, { [keyProperty]: { $in: [...keys] } } as never);
    const byKey = new Map(rows.map((row) => [row[keyProperty] as unknown as K, row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A loader of the read-only rows of many parents in one `where parent in (…)` per batch, ordered. */
export function byParentLoader<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  parentProperty: keyof T & string,
  options: { where?: object; orderBy?: object } = {},
): DataLoader<string, T[]> {
  return new DataLoader(async (parents) => {
    const rows = await findReadOnly(
      em,
      entity,
      { ...options.where, [parentProperty]: { $in: [...parents] } } as never,
      { orderBy: options.orderBy as never },
    );
    const byParent = new Map<string, T[]>();
    for (const row of rows) {
      const parent = row[parentProperty] as unknown as string;
      const list = byParent.get(parent);
      if (list) list.push(row);
      else byParent.set(parent, [row]);
    }
    return parents.map((parent) => byParent.get(parent) ?? []);
  });
}

/**
 * One loader per filter of a list field (a status list, an overdue flag …), made when a request
 * first asks for that filter: requests with the same filter share one batch.
 */
export function perFilter<F, L>(build: (filter: F) => L): (filter: F) => L {
  const loaders = new Map<string, L>();
  return (filter) => {
    const key = JSON.stringify(filter);
    let loader = loaders.get(key);
    if (!loader) {
      loader = build(filter);
      loaders.set(key, loader);
    }
    return loader;
  };
}
