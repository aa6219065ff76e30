import { Property } from '@mikro-orm/postgresql';
import { IdempotentRecord } from '@cppcc/toolkit';
import { Field, ObjectType } from 'type-graphql';

/** The fields every editable record has, for `@FieldsOn` lists. */
export const EDITABLE_RECORD_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'];

/**
 * What every editable record of the organization has (`IdempotentRecord`: a UUID, a version each
 * edit raises, the creation key), with when it was created and last changed offered in the schema.
 */
@ObjectType()
export abstract class EditableRecord extends IdempotentRecord {
  @Field(() => Date, { description: 'When the record was created (ISO 8601, UTC).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  override createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the record was last changed (ISO 8601, UTC).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  override updatedAt: Date = new Date();
}
