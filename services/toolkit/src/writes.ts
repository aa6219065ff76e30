import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import { type Caller, BadUserInputError, ConflictError } from '@cppcc/contract';

/** A record created with an idempotency key and edited against its version. */
interface Versioned {
  version: number;
}
interface Keyed {
  idempotencyKey?: string | null;
}

/**
 * Idempotency keys are kept per caller, so two clerks who happen to pick the same key never
 * receive each other's records.
 */
export function scopedIdempotencyKey(
  caller: Caller,
  key: string | null | undefined,
  field: string,
): string | null {
  if (key == null) return null;
  if (key.length < 8 || key.length > 128) {
    throw new BadUserInputError(`${field} must be 8 to 128 characters.`, field);
  }
  return `${caller.subject}:${key}`;
}

/** The record an earlier create with the same key made, if any. */
export function findCreated<T extends Versioned & Keyed>(
  em: EntityManager,
  entity: EntityClass<T>,
  key: string | null,
) {
  return key ? em.findOne(entity, { idempotencyKey: key } as never) : Promise.resolve(null);
}

/** Refuses an edit made against a version that is no longer current. */
export function checkVersion(
  what: string,
  record: Versioned & Keyed,
  expectedVersion: number | null | undefined,
): void {
  if (expectedVersion != null && expectedVersion !== record.version) {
    throw new ConflictError(what, expectedVersion, record.version);
  }
}

/**
 * Runs a write in one transaction: it lands whole or not at all. A concurrent edit that the
 * version check could not see (two writers in flight) becomes CONFLICT too.
 */
export async function inTransaction<T>(
  em: EntityManager,
  what: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await em.transactional(work);
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw new ConflictError(what, -1, -1);
    }
    throw error;
  }
}

/** Creates with an idempotency key: a second call, or a racing one, returns the first record. */
export async function createOnce<T extends Versioned & Keyed>(
  em: EntityManager,
  entity: EntityClass<T>,
  key: string | null,
  create: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  const existing = await findCreated(em, entity, key);
  if (existing) return existing;
  try {
    return await em.transactional(create);
  } catch (error) {
    if (key && error instanceof UniqueConstraintViolationException) {
      const created = await findCreated(em.fork(), entity, key);
      if (created) return created;
    }
    throw error;
  }
}
