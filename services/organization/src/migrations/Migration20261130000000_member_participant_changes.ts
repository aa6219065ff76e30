import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outboxes of members and participants, built like the departments' and
 * divisions' ones (triggers, so the demo loader's bulk inserts are recorded too), with the columns
 * the feed's route places changes by. Deliberation and channels read them to refuse a record that
 * names a member or participant outside its county (or one that does not exist) without calling
 * this service on a request. They carry the id and the division that places the record, nothing
 * else: personal data never leaves this service.
 *
 * A member is placed by the committees they sit on (any term): the city's code when one of them is
 * a city committee (the city CPPCC or a special committee), else their county CPPCC's code; a
 * member with no seat at all by the county they live in (`member_place`). So a seat given or taken
 * away is a change of its member too. A participant is placed where they live or work.
 * Members and participants are never deleted.
 */
export class Migration20261130000000_member_participant_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table member_change (
        seq bigserial primary key,
        member_id uuid not null,
        division_code varchar(12) not null,
        changed_at timestamptz not null default now(),
        position bigint
      );
      create unique index member_change_position_idx on member_change (position);
      create index member_change_unplaced_idx on member_change (seq) where position is null;

      create table participant_change (
        seq bigserial primary key,
        participant_id uuid not null,
        division_code varchar(12) not null,
        changed_at timestamptz not null default now(),
        position bigint
      );
      create unique index participant_change_position_idx on participant_change (position);
      create index participant_change_unplaced_idx on participant_change (seq) where position is null;

      create function member_place(p_member uuid) returns varchar
      language sql stable
      set search_path from current
      as $$
        select coalesce(
          (select c.division_code
           from committee_membership s join committee c on c.id = s.committee_id
           where s.member_id = p_member
           order by length(c.division_code), c.division_code
           limit 1),
          (select left(m.division_code, 6) from member m where m.id = p_member)
        )
      $$;

      create function record_member_change() returns trigger
      language plpgsql
      set search_path from current
      as $$
      begin
        insert into member_change (member_id, division_code) values (new.id, member_place(new.id));
        return new;
      end
      $$;

      create trigger member_changed
        after insert or update of division_code on member
        for each row execute function record_member_change();

      create function record_member_seat_change() returns trigger
      language plpgsql
      set search_path from current
      as $$
      begin
        -- The member's row lock orders two seat changes of one member as two changes of the
        -- member itself are (the feed keeps their order), and the second computes its place
        -- after the first has committed.
        if tg_op in ('UPDATE', 'DELETE') then
          perform 1 from member where id = old.member_id for no key update;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          perform 1 from member where id = new.member_id for no key update;
        end if;
        if tg_op in ('UPDATE', 'DELETE') then
          insert into member_change (member_id, division_code)
          values (old.member_id, member_place(old.member_id));
        end if;
        if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.member_id <> old.member_id) then
          insert into member_change (member_id, division_code)
          values (new.member_id, member_place(new.member_id));
        end if;
        return null;
      end
      $$;

      create trigger member_seat_changed
        after insert or update of member_id, committee_id or delete on committee_membership
        for each row execute function record_member_seat_change();

      create function record_committee_move() returns trigger
      language plpgsql
      set search_path from current
      as $$
      begin
        insert into member_change (member_id, division_code)
        select distinct s.member_id, member_place(s.member_id)
        from committee_membership s where s.committee_id = new.id;
        return new;
      end
      $$;

      create trigger committee_moved
        after update of division_code on committee
        for each row when (new.division_code <> old.division_code)
        execute function record_committee_move();

      create function record_participant_change() returns trigger
      language plpgsql
      set search_path from current
      as $$
      begin
        insert into participant_change (participant_id, division_code) values (new.id, new.division_code);
        return new;
      end
      $$;

      create trigger participant_changed
        after insert or update of division_code on participant
        for each row execute function record_participant_change();

      -- Members and participants that exist already enter the outboxes once, in a stable order.
      insert into member_change (member_id, division_code)
      select id, member_place(id) from member order by created_at, id;
      insert into participant_change (participant_id, division_code)
      select id, division_code from participant order by created_at, id;
    `);
  }
}
