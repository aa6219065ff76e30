import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * What every editable record of the service has: a UUID that never changes, a version that each
 * edit raises (edits may name the version they expect), the creation key that makes a repeated
 * create return the first record, and when it was created and last changed.
 */
/** The fields every editable record has, for `@FieldsOn` lists. */
export const EDITABLE_RECORD_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'];

@ObjectType()
export abstract class EditableRecord {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'idempotencyKey';

  @Field(() => ID, { description: 'The UUID of the record; it never changes.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Int, {
    description: 'Raised by every edit; pass it as `expectedVersion` to edit safely.',
  })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'text', nullable: true, unique: true, hidden: true })
  idempotencyKey?: string | null;

  @Field(() => Date, { description: 'When the record was created (ISO 8601, UTC).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the record was last changed (ISO 8601, UTC).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
