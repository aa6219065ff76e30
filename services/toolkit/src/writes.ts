import { createHash } from 'node:crypto';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import { type Caller, BadUserInputError, ConflictError } from '@cppcc/contract';

/** A record created with an idempotency key and edited against its version. */
interface Versioned {
  version: number;
}
interface Keyed {
  idempotencyKey?: string | null;
  idempotencyFingerprint?: string | null;
}

/** Where a create's key is given, the field its refusals name. */
const KEY_FIELD = 'input.idempotencyKey';
const KEY_REUSED =
  'This idempotencyKey was used for a request with another input: use a new key for a new record.';

/**
 * A create's idempotency: its key scoped to the caller (`${caller.subject}:${key}`, so two clerks
 * who happen to pick the same key never receive each other's records) and the fingerprint of the
 * request it was given with (`inputFingerprint`), which a second call with that key must match.
 */
export interface Idempotency {
  readonly key: string;
  readonly fingerprint: string;
}

/** The columns a create keeps its idempotency in (`IdempotentRecord`); spread them into the record. */
export interface IdempotencyColumns {
  idempotencyKey: string | null;
  idempotencyFingerprint: string | null;
}

/**
 * The canonical JSON of a value: object keys sorted at every level (so the order the client wrote
 * its fields in does not matter), a property whose value is `undefined` left out like an absent
 * one, a `Date` (anything with `toJSON`) as its JSON, an ISO string; lists keep their order.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? 'null';
}

function canonical(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
    return undefined;
  }
  if (value === null) return 'null';
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonical((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item) ?? 'null').join(',')}]`;
  if (typeof value === 'object') {
    const fields: string[] = [];
    for (const name of Object.keys(value).sort()) {
      const field = canonical((value as Record<string, unknown>)[name]);
      if (field !== undefined) fields.push(`${JSON.stringify(name)}:${field}`);
    }
    return `{${fields.join(',')}}`;
  }
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/**
 * The fingerprint of a creating mutation's request: the SHA-256 (hex) of the canonical JSON
 * (`canonicalJson`) of its whole `input` but the `idempotencyKey` and, given the caller, of where
 * the caller acts (level, division, home, department): a create takes defaults from there (a
 * county office's proposal goes to its county's CPPCC), so the same subject's token for another
 * jurisdiction makes another request with the same input.
 */
export function inputFingerprint(input: object, caller?: Caller): string {
  const { idempotencyKey: _key, ...request } = input as { idempotencyKey?: unknown };
  const hashed = caller
    ? {
        by: {
          level: caller.level,
          division: caller.division,
          homeId: caller.homeId,
          departmentId: caller.departmentId,
        },
        input: request,
      }
    : request;
  return createHash('sha256').update(canonicalJson(hashed)).digest('hex');
}

/**
 * The idempotency of a create, from its caller and its whole `input`: null without a key; a key
 * outside 8 to 128 characters is BAD_USER_INPUT on `input.idempotencyKey`. Hand it to `createOnce`
 * (or `createThroughWorkflow`): the same key with the same input gives the first record, the same
 * key with another input is refused.
 */
export function idempotencyOf(
  caller: Caller,
  input: { readonly idempotencyKey?: string | null },
): Idempotency | null {
  const key = input.idempotencyKey;
  if (key == null) return null;
  if (key.length < 8 || key.length > 128) {
    throw new BadUserInputError(`${KEY_FIELD} must be 8 to 128 characters.`, KEY_FIELD);
  }
  return { key: `${caller.subject}:${key}`, fingerprint: inputFingerprint(input, caller) };
}

/** The record an earlier create with the same (scoped) key made, if any. */
export function findCreated<T extends Versioned & Keyed>(
  em: EntityManager,
  entity: EntityClass<T>,
  key: string | null,
) {
  return key ? em.findOne(entity, { idempotencyKey: key } as never) : Promise.resolve(null);
}

/**
 * The record an earlier create with this key made, when it was made from the same input: a
 * record made from another input is BAD_USER_INPUT on `input.idempotencyKey`, naming neither the
 * key nor any value. A record kept without a fingerprint (created before fingerprints were kept)
 * is taken as the same request.
 */
function sameRequest<T extends Keyed>(record: T, idempotency: Idempotency): T {
  const kept = record.idempotencyFingerprint;
  if (kept != null && kept !== idempotency.fingerprint) {
    throw new BadUserInputError(KEY_REUSED, KEY_FIELD);
  }
  return record;
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

/**
 * Creates with an idempotency key (`idempotencyOf`): a second call, or a racing one, with the same
 * input returns the first record; with another input it is refused (BAD_USER_INPUT on
 * `input.idempotencyKey`) and nothing is written. `create` makes the record with the columns it is
 * handed (`{ ...columns }`), which keep the key and the fingerprint.
 */
export async function createOnce<T extends Versioned & Keyed>(
  em: EntityManager,
  entity: EntityClass<T>,
  idempotency: Idempotency | null,
  create: (tx: EntityManager, columns: IdempotencyColumns) => Promise<T>,
): Promise<T> {
  const existing = await findCreated(em, entity, idempotency?.key ?? null);
  if (existing) return sameRequest(existing, idempotency!);
  const columns: IdempotencyColumns = {
    idempotencyKey: idempotency?.key ?? null,
    idempotencyFingerprint: idempotency?.fingerprint ?? null,
  };
  try {
    return await em.transactional(async (tx) => {
      const record = await create(tx, columns);
      if (
        (record.idempotencyKey ?? null) !== columns.idempotencyKey ||
        (record.idempotencyFingerprint ?? null) !== columns.idempotencyFingerprint
      ) {
        throw new Error(
          `createOnce: the ${entity.name} must be created with the columns it is handed.`,
        );
      }
      return record;
    });
  } catch (error) {
    if (idempotency && error instanceof UniqueConstraintViolationException) {
      const created = await findCreated(em.fork(), entity, idempotency.key);
      if (created) return sameRequest(created, idempotency);
      // The key is taken by a record this caller cannot see: the same subject's under another
      // jurisdiction (another token of the same person). Not the same request, whatever its input.
      if (
        /idempotency_key/.test(
          String((error as { constraint?: unknown }).constraint ?? error.message),
        )
      ) {
        throw new BadUserInputError(KEY_REUSED, KEY_FIELD);
      }
    }
    throw error;
  }
}
