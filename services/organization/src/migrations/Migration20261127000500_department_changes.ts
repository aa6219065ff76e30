import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox of departments, built like the homes' one: every insert or change of a
 * department's name, short name, level, kind or division appends a row here in the same
 * transaction (a trigger, so the demo loader's bulk inserts are recorded too). Deliberation reads
 * it to know which invited departments are city ones (rule 3, docs/domain.md). Departments are never
 * retired or deleted, so a department's state has no status to carry.
 */
export class Migration20261127000500_department_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table department_change (
        seq bigserial primary key,
        department_id uuid not null,
        name text not null,
        short_name text not null,
        level text not null,
        kind text not null,
        division_code varchar(12) not null,
        department_version integer not null,
        changed_at timestamptz not null default now()
      );

      create function record_department_change() returns trigger
      language plpgsql
      set search_path from current
      as $$
      begin
        insert into department_change (department_id, name, short_name, level, kind, division_code, department_version)
        values (new.id, new.name, new.short_name, new.level, new.kind, new.division_code, new.version);
        return new;
      end
      $$;

      create trigger department_changed
        after insert or update of name, short_name, level, kind, division_code on department
        for each row execute function record_department_change();

      -- Departments that exist already enter the outbox once, in a stable order.
      insert into department_change (department_id, name, short_name, level, kind, division_code, department_version)
      select id, name, short_name, level, kind, division_code, version from department order by created_at, id;
    `);
  }
}
