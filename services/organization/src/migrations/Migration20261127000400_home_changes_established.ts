import { Migration } from '@mikro-orm/migrations';

/** The home change feed also carries when a home was established (the cadence counts from it). */
export class Migration20261127000400_home_changes_established extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table home_change add column established_on date;
      update home_change c set established_on = h.established_on from home h where h.id = c.home_id;
      alter table home_change alter column established_on set not null;

      create or replace function record_home_change() returns trigger
      language plpgsql
      set search_path from current
      as $$
      begin
        insert into home_change (home_id, division_code, status, kind, name, home_version, established_on)
        values (new.id, new.division_code, new.status, new.kind, new.name, new.version, new.established_on);
        return new;
      end
      $$;

      drop trigger home_changed on home;
      create trigger home_changed
        after insert or update of division_code, status, kind, name, established_on on home
        for each row execute function record_home_change();
    `);
  }
}
