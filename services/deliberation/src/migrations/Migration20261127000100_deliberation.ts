import { Migration } from '@mikro-orm/migrations';

/** The first slice of deliberation: sessions of homes (agendas, attendance and minutes follow). */
export class Migration20261127000100_deliberation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table session (
        id uuid primary key,
        home_id uuid not null,
        division_code varchar(12) not null check (division_code ~ '^[0-9]{9}([0-9]{3})?$'),
        title text not null check (length(btrim(title)) > 0),
        kind text not null check (kind in ('FORUM', 'COUNCIL', 'FACE_TO_FACE', 'MULTI_PARTY', 'BRIEFING')),
        status text not null check (status in ('PLANNED', 'HELD', 'CANCELLED')),
        scheduled_at timestamptz not null,
        held_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        check ((status = 'HELD') = (held_at is not null))
      );
      create index session_home_held_idx on session (home_id, held_at);
      create index session_division_code_idx on session (division_code text_pattern_ops);
    `);
  }
}
