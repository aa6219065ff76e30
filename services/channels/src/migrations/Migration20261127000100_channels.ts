import { Migration } from '@mikro-orm/migrations';

/** The first slice of channels: demands raised at homes (the escalation channels follow). */
export class Migration20261127000100_channels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table demand (
        id uuid primary key,
        home_id uuid not null,
        division_code varchar(12) not null check (division_code ~ '^[0-9]{9}([0-9]{3})?$'),
        category text not null,
        content text not null check (length(btrim(content)) > 0),
        is_petition boolean not null default false,
        status text not null check (status in ('RECEIVED', 'ON_AGENDA', 'RESOLVED_AT_HOME', 'ESCALATED', 'ANSWERED', 'CLOSED')),
        received_at timestamptz not null,
        version integer not null default 1,
        created_at timestamptz not null default now()
      );
      create index demand_home_received_idx on demand (home_id, received_at);
      create index demand_division_code_idx on demand (division_code text_pattern_ops);
    `);
  }
}
