import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox of divisions, built like the homes' and departments' ones (a trigger,
 * so the reference data, the demo loader's bulk inserts and a restructuring by decree done in the
 * database are all recorded), with the columns the feed's route places changes by. Petitions
 * reads it to know which division codes exist without calling this service on a request.
 * Divisions are rarely removed, but one may be (merged away by decree): the change says so.
 */
export class Migration20261129300000_division_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table division_change (
        seq bigserial primary key,
        code varchar(12) not null,
        level text not null,
        parent_code varchar(12),
        removed boolean not null default false,
        changed_at timestamptz not null default now(),
        position bigint
      );
      create unique index division_change_position_idx on division_change (position);
      create index division_change_unplaced_idx on division_change (seq) where position is null;

      create function record_division_change() returns trigger
      language plpgsql
      set search_path from current
      as $$
      begin
        if tg_op = 'DELETE' then
          insert into division_change (code, level, parent_code, removed)
          values (old.code, old.level, old.parent_code, true);
          return old;
        end if;
        if tg_op = 'UPDATE' and new.code <> old.code then
          insert into division_change (code, level, parent_code, removed)
          values (old.code, old.level, old.parent_code, true);
        end if;
        insert into division_change (code, level, parent_code)
        values (new.code, new.level, new.parent_code);
        return new;
      end
      $$;

      create trigger division_changed
        after insert or update of code, level, parent_code or delete on division
        for each row execute function record_division_change();

      -- Divisions that exist already enter the outbox once, parents before children.
      insert into division_change (code, level, parent_code)
      select code, level, parent_code from division order by length(code), code;
    `);
  }
}
