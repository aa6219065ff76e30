import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox of homes: every insert or change of a home's division, status, kind or
 * name appends a row here in the same transaction (a trigger, so no code path can forget it, the
 * demo loader's bulk inserts included). Deliberation and channels read it in order to keep their
 * projection of homes current, so they enforce jurisdiction without calling this service.
 */
export class Migration20261127000300_home_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table home_change (
        seq bigserial primary key,
        home_id uuid not null,
        division_code varchar(12) not null,
        status text not null,
        kind text not null,
        name text not null,
        home_version integer not null,
        changed_at timestamptz not null default now()
      );

      create function record_home_change() returns trigger
      language plpgsql
      set search_path from current
      as $$
      begin
        insert into home_change (home_id, division_code, status, kind, name, home_version)
        values (new.id, new.division_code, new.status, new.kind, new.name, new.version);
        return new;
      end
      $$;

      create trigger home_changed
        after insert or update of division_code, status, kind, name on home
        for each row execute function record_home_change();

      -- Homes that exist already enter the outbox once, in a stable order.
      insert into home_change (home_id, division_code, status, kind, name, home_version)
      select id, division_code, status, kind, name, version from home order by created_at, id;
    `);
  }
}
