import { Migration } from '@mikro-orm/migrations';

/** Minutes (纪要) of held sessions and their follow-up actions; a session is public once published. */
export class Migration20261127000400_minutes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table session add column published_at timestamptz;

      create table minutes (
        id uuid primary key,
        session_id uuid not null unique references session (id),
        home_id uuid not null,
        division_code varchar(12) not null,
        summary text not null check (length(btrim(summary)) > 0),
        consensus text[] not null default '{}',
        disagreements text[] not null default '{}',
        status text not null check (status in ('DRAFT', 'APPROVED', 'PUBLISHED')),
        version integer not null default 1,
        approved_by text,
        approved_at timestamptz,
        published_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index minutes_division_code_idx on minutes (division_code text_pattern_ops);

      create table follow_up_action (
        id uuid primary key,
        minutes_id uuid not null references minutes (id),
        home_id uuid not null,
        division_code varchar(12) not null,
        position integer not null,
        description text not null check (length(btrim(description)) > 0),
        owner_kind text not null check (owner_kind in ('MEMBER', 'DEPARTMENT')),
        owner_id uuid not null,
        due_on date not null,
        status text not null default 'OPEN' check (status in ('OPEN', 'DONE', 'DROPPED')),
        unique (minutes_id, position)
      );
      create index follow_up_action_minutes_idx on follow_up_action (minutes_id, position);
    `);
  }
}
