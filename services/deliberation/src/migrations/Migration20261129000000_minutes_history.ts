import { Migration } from '@mikro-orm/migrations';

/**
 * The history of minutes (drafted, edited, approved, published), in the shape of
 * `session_event`: each step with its states, who took it and when. Minutes kept none before;
 * existing minutes start theirs with their next step.
 */
export class Migration20261129000000_minutes_history extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table minutes_event (
        id bigserial primary key,
        minutes_id uuid not null references minutes (id),
        step text not null,
        from_status text,
        to_status text not null,
        at timestamptz not null default now(),
        by_subject text not null,
        detail jsonb not null default '{}'
      );
      create index minutes_event_minutes_idx on minutes_event (minutes_id, id);
    `);
  }
}
