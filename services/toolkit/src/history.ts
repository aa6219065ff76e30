import {
  OptionalProps,
  PrimaryKey,
  Property,
  type EntityClass,
  type RequiredEntityData,
} from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import type { HistoryWriter, TakenStep } from './workflow';

/**
 * A row of a history table: one step of a record's life, in the one shape every workflow keeps
 * (`TakenStep`): the step, the states before and after, when, by whom, what it carried. A
 * service's history entity extends it with the column naming its record (`sessionId`,
 * `recordKind` and `recordId`, …) under its own `@Entity({ tableName })` (its own optional
 * properties as `Optional`), and redeclares
 * `fromStatus`/`toStatus` where its GraphQL type offers them as its own state enum. The table's
 * DDL stays the service's migration: `id bigserial`, `step text`, `from_status text null`,
 * `to_status text`, `at timestamptz default now()`, `by_subject text`, `detail jsonb`.
 */
@ObjectType({
  description:
    "A step of a record's life; not a type of the schema, the base of each history's own.",
})
export abstract class HistoryEntry<Optional extends string = never> {
  [OptionalProps]?: 'at' | 'detail' | Optional;

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string;

  @Field({
    description:
      "The step taken: the verb of its mutation (e.g. assign for assignProposal), or an edit's name; the type's description lists them.",
  })
  @Property({ type: 'text' })
  step: string;

  @Field(() => String, {
    nullable: true,
    description: 'The state before the step; null when the step created the record.',
  })
  @Property({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Field({ description: 'The state after the step (the same as before for an edit).' })
  @Property({ type: 'text' })
  toStatus: string;

  @Field(() => Date, { description: 'When the step was taken, ISO 8601 (UTC).' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  /** Who took the step: the caller's subject (an id, never personal data). */
  @Property({ type: 'text' })
  bySubject: string;

  /** What the step carried: ids, dates and states, never personal data. */
  @Property({ type: 'jsonb' })
  detail: Record<string, unknown> = {};
}

/**
 * The workflow engine's history writer for a table of `HistoryEntry` rows: the shared columns
 * from the step, and `own` the columns naming the record (and any the service adds).
 */
export function historyWriter<T extends HistoryEntry<string>>(
  entity: EntityClass<T>,
  own: (taken: TakenStep) => Omit<RequiredEntityData<T>, keyof HistoryEntry>,
): HistoryWriter {
  return (tx, taken) => {
    const entry = {
      step: taken.step,
      fromStatus: taken.from,
      toStatus: taken.to,
      at: taken.at,
      bySubject: taken.by.subject,
      detail: taken.detail,
      ...own(taken),
    };
    tx.create(entity, entry as unknown as RequiredEntityData<T>);
  };
}
