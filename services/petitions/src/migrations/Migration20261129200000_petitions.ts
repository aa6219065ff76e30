import { Migration } from '@mikro-orm/migrations';
import { DEPARTMENT_PROJECTION_DDL } from '@cppcc/organization-feed';

/**
 * The petitions bureau's cases (信访事项) and their history; the departments as the organization
 * publishes them (its change feed), with their policy areas, so that this service knows the
 * petitions bureaus (the departments working on PETITIONS) and the handling departments without
 * calling the organization on a request.
 */
export class Migration20261129200000_petitions extends Migration {
  override async up(): Promise<void> {
    this.addSql(DEPARTMENT_PROJECTION_DDL);
    this.addSql(`
      alter table department_projection add column policy_areas text[] not null default '{}';

      create sequence petition_case_number;

      create table petition_case (
        id uuid primary key,
        number text not null unique,
        subject text not null check (length(btrim(subject)) > 0),
        petitioners text[] not null check (cardinality(petitioners) > 0),
        division_code varchar(12) not null check (division_code ~ '^[0-9]{9}([0-9]{3})?$'),
        status text not null check (status in ('REGISTERED', 'ACCEPTED', 'HANDLED', 'UNDER_REVIEW', 'REVIEWED', 'CLOSED')),
        registered_on date not null,
        handling_department_id uuid,
        accepted_on date,
        opinion_due_on date,
        opinion text,
        handled_on date,
        review_reason text,
        review_requested_on date,
        review_opinion text,
        reviewed_on date,
        closed_on date,
        demand_ids uuid[] not null default '{}',
        session_ids uuid[] not null default '{}',
        idempotency_key text unique,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((accepted_on is null) = (handling_department_id is null)),
        check ((accepted_on is null) = (opinion_due_on is null)),
        check ((handled_on is null) = (opinion is null)),
        check ((reviewed_on is null) = (review_opinion is null))
      );
      create index petition_case_division_idx on petition_case (division_code text_pattern_ops, registered_on);
      create index petition_case_registered_idx on petition_case (registered_on, division_code, status);
      create index petition_case_department_idx on petition_case (handling_department_id, registered_on desc);
      create index petition_case_demands_idx on petition_case using gin (demand_ids);
      create index petition_case_sessions_idx on petition_case using gin (session_ids);

      create table petition_case_event (
        id bigserial primary key,
        case_id uuid not null references petition_case (id),
        step text not null,
        from_status text,
        to_status text not null,
        at timestamptz not null default now(),
        by_subject text not null,
        by_department_id uuid,
        detail jsonb not null default '{}'
      );
      create index petition_case_event_case_idx on petition_case_event (case_id, id);
    `);
  }
}
