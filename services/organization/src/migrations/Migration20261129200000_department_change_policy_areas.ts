import { Migration } from '@mikro-orm/migrations';

/**
 * Departments' policy areas travel in their change feed too: the petitions service knows the
 * petitions bureaus (信访局, the departments working on PETITIONS) from it. A change of a
 * department's policy areas is now recorded, and every department enters the outbox once more
 * with them, so followers that read the feed before learn them.
 */
export class Migration20261129200000_department_change_policy_areas extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table department_change add column policy_areas text[] not null default '{}';

      create or replace function record_department_change() returns trigger
      language plpgsql
      set search_path from current
      as $$
      begin
        insert into department_change (department_id, name, short_name, level, kind, division_code, department_version, policy_areas)
        values (new.id, new.name, new.short_name, new.level, new.kind, new.division_code, new.version, new.policy_areas);
        return new;
      end
      $$;

      drop trigger department_changed on department;
      create trigger department_changed
        after insert or update of name, short_name, level, kind, division_code, policy_areas on department
        for each row execute function record_department_change();

      insert into department_change (department_id, name, short_name, level, kind, division_code, department_version, policy_areas)
      select id, name, short_name, level, kind, division_code, version, policy_areas from department order by created_at, id;
    `);
  }
}
