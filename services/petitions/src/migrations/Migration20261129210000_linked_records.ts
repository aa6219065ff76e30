import { Migration } from '@mikro-orm/migrations';

/**
 * What petitions knows of the records a case links to, without calling their services: the
 * sessions (deliberation's `session.*` events) and the demands (channels' `demand.raised`), as
 * their feeds bring them; and which case each session and demand is linked to, one case at most
 * (`petition_case_session`, `petition_case_demand`, kept from the case's own lists by a trigger,
 * whoever writes the case).
 */
export class Migration20261129210000_linked_records extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table session_projection (
        id uuid primary key,
        division_code varchar(12) not null,
        kind text not null,
        status text not null,
        version integer not null,
        updated_at timestamptz not null default now()
      );

      create table demand_projection (
        id uuid primary key,
        division_code varchar(12) not null,
        is_petition boolean not null,
        updated_at timestamptz not null default now()
      );

      create table petition_case_session (
        session_id uuid primary key,
        case_id uuid not null references petition_case (id)
      );
      create index petition_case_session_case_idx on petition_case_session (case_id);

      create table petition_case_demand (
        demand_id uuid primary key,
        case_id uuid not null references petition_case (id)
      );
      create index petition_case_demand_case_idx on petition_case_demand (case_id);

      -- Earlier cases keep what they link to; a session or demand on two of them stays with the
      -- first registered.
      insert into petition_case_session (session_id, case_id)
      select distinct on (s) s, c.id from petition_case c, unnest(c.session_ids) s
       order by s, c.registered_on, c.id;
      insert into petition_case_demand (demand_id, case_id)
      select distinct on (d) d, c.id from petition_case c, unnest(c.demand_ids) d
       order by d, c.registered_on, c.id;

      -- A session or demand a case gains is linked to it, and to no other (the primary keys);
      -- one it loses is free again.
      create function petition_case_links() returns trigger language plpgsql as $$
      begin
        delete from petition_case_session
         where case_id = new.id and not (session_id = any(new.session_ids));
        insert into petition_case_session (session_id, case_id)
        select distinct s, new.id from unnest(new.session_ids) s
         where tg_op = 'INSERT' or not (s = any(old.session_ids));
        delete from petition_case_demand
         where case_id = new.id and not (demand_id = any(new.demand_ids));
        insert into petition_case_demand (demand_id, case_id)
        select distinct d, new.id from unnest(new.demand_ids) d
         where tg_op = 'INSERT' or not (d = any(old.demand_ids));
        return null;
      end $$;
      create trigger petition_case_links after insert or update of session_ids, demand_ids
        on petition_case for each row execute function petition_case_links();
    `);
  }
}
