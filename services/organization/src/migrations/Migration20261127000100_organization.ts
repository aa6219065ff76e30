import { Migration } from '@mikro-orm/migrations';

/** The organization's tables: the hierarchy, committees, members, homes, participants, departments. */
export class Migration20261127000100_organization extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table division (
        code varchar(12) primary key check (code ~ '^[0-9]{4}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?$'),
        name text not null,
        level text not null check (level in ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
        kind text not null,
        parent_code varchar(12) references division (code)
      );
      create index division_parent_code_idx on division (parent_code, code);

      create table committee (
        id uuid primary key,
        kind text not null check (kind in ('CPPCC', 'SPECIAL')),
        name text not null,
        division_code varchar(12) not null references division (code),
        parent_id uuid references committee (id),
        policy_areas text[] not null default '{}',
        unique (division_code, name)
      );

      create table member (
        id uuid primary key,
        name text not null check (length(btrim(name)) > 0),
        gender text not null check (gender in ('FEMALE', 'MALE')),
        sector text,
        party text,
        expertise text,
        division_code varchar(12) not null references division (code),
        phone text,
        version integer not null default 1,
        idempotency_key text unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index member_division_code_idx on member (division_code text_pattern_ops);

      create table committee_membership (
        id uuid primary key,
        committee_id uuid not null references committee (id),
        member_id uuid not null references member (id),
        term_start date not null,
        term_end date,
        unique (committee_id, member_id, term_start),
        check (term_end is null or term_end >= term_start)
      );
      create index committee_membership_member_idx on committee_membership (member_id);

      create table home (
        id uuid primary key,
        name text not null check (length(btrim(name)) > 0),
        kind text not null check (kind in ('VILLAGER', 'CITIZEN')),
        status text not null check (status in ('PILOT', 'ACTIVE', 'SUSPENDED')),
        division_code varchar(12) not null references division (code) check (length(division_code) in (9, 12)),
        established_on date not null,
        pilot_cohort_year integer check (pilot_cohort_year between 2000 and 2100),
        version integer not null default 1,
        idempotency_key text unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index home_division_code_idx on home (division_code text_pattern_ops);

      create table home_membership (
        id uuid primary key,
        home_id uuid not null references home (id),
        member_id uuid not null references member (id),
        role text not null check (role in ('LEADER', 'MEMBER')),
        since date not null,
        until date,
        check (until is null or until >= since)
      );
      -- A member serves once at a time in a home, and a home has at most one serving leader.
      create unique index home_membership_serving_uq on home_membership (home_id, member_id) where until is null;
      create unique index home_membership_one_leader_uq on home_membership (home_id) where role = 'LEADER' and until is null;
      create index home_membership_member_idx on home_membership (member_id);

      create table participant (
        id uuid primary key,
        name text not null check (length(btrim(name)) > 0),
        kind text not null,
        division_code varchar(12) not null references division (code),
        organisation text,
        phone text,
        id_number text,
        version integer not null default 1,
        idempotency_key text unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index participant_division_code_idx on participant (division_code text_pattern_ops);

      create table department (
        id uuid primary key,
        name text not null check (length(btrim(name)) > 0),
        short_name text not null,
        level text not null check (level in ('CITY', 'COUNTY')),
        kind text not null,
        division_code varchar(12) not null references division (code) check (length(division_code) in (4, 6)),
        policy_areas text[] not null default '{}',
        version integer not null default 1,
        idempotency_key text unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (division_code, name)
      );
    `);
  }
}
