import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * What every record that steps or edits change has: a UUID that never changes, a version every
 * change raises (a step or an edit may name the version it expects: `checkVersion`, CONFLICT when
 * it moved), and when it was created and last changed. An entity extends it under its own
 * `@Entity({ tableName })`, naming its own optional properties as `Optional`; its table has the
 * columns `id uuid primary key`, `version integer`, `created_at timestamptz default now()`,
 * `updated_at timestamptz default now()`. The two instants are columns only: an entity that offers
 * them redeclares them with `@Field` (and its own precision, if any).
 */
@ObjectType({
  description: "A changeable record; not a type of the schema, the base of each record's own.",
})
export abstract class VersionedRecord<Optional extends string = never> {
  [OptionalProps]?:
    'version' | 'createdAt' | 'updatedAt' | 'idempotencyKey' | 'idempotencyFingerprint' | Optional;

  @Field(() => ID, { description: 'Its UUID; it never changes.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Int, {
    description:
      'Raised by every change (a step or an edit); pass it as `expectedVersion`: a change naming an older one fails with CONFLICT.',
  })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * A `VersionedRecord` created through a mutation that takes an `idempotencyKey`: the key (scoped
 * to its caller, `idempotencyOf`) is kept in a unique column, and beside it the fingerprint of the
 * input it was created from, so a repeated create returns the first record and the same key with
 * another input is refused (`createOnce`). Its table has the columns `idempotency_key text unique`
 * and `idempotency_fingerprint text` (null on rows created before fingerprints were kept). Never
 * offered in the schema.
 */
@ObjectType({
  description:
    "A record created once per key; not a type of the schema, the base of each record's own.",
})
export abstract class IdempotentRecord<
  Optional extends string = never,
> extends VersionedRecord<Optional> {
  @Property({ type: 'text', nullable: true, unique: true, hidden: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'text', nullable: true, hidden: true })
  idempotencyFingerprint: string | null = null;
}
