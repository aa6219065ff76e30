import { Migration } from '@mikro-orm/migrations';

/**
 * The channels' workflows: a demand's life from a villager to an answer, and the four ways a
 * home's concerns go up (proposal, sentiment report, plenary speech, special report). Every step
 * of every workflow is a row of `channel_event`, the one history table, with who and when.
 */
/** Plenary speeches (大会发言) and special reports (专题报告) keep the same facts, each its own table. */
function plenaryTable(table: string): string {
  return `
      create table ${table} (
        id uuid primary key,
        division_code varchar(12) not null check (division_code ~ '^[0-9]{4}([0-9]{2})?$'),
        title text not null check (length(btrim(title)) > 0),
        content text not null check (length(btrim(content)) > 0),
        author_member_ids uuid[] not null default '{}',
        committee_id uuid,
        source_demand_ids uuid[] not null default '{}',
        source_session_ids uuid[] not null default '{}',
        home_ids uuid[] not null default '{}',
        status text not null check (status in ('SUBMITTED', 'ACCEPTED', 'DECLINED', 'DELIVERED')),
        decline_reason text,
        outcome text,
        delivered_on date,
        idempotency_key text unique,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (cardinality(author_member_ids) > 0 or committee_id is not null),
        check ((status = 'DECLINED') = (decline_reason is not null)),
        check ((status = 'DELIVERED') = (delivered_on is not null))
      );
      create index ${table}_division_idx on ${table} (division_code text_pattern_ops);
      create index ${table}_source_demand_ids_idx on ${table} using gin (source_demand_ids);
      create index ${table}_source_session_ids_idx on ${table} using gin (source_session_ids);
      create index ${table}_author_ids_idx on ${table} using gin (author_member_ids);`;
}

export class Migration20261127000400_channel_workflows extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table demand
        add column raised_by_kind text not null default 'RESIDENT'
          check (raised_by_kind in ('PARTICIPANT', 'RESIDENT')),
        add column participant_id uuid,
        add column resident_name text,
        add column resident_contact text,
        add column agenda_item_id uuid,
        add column session_id uuid,
        add column resolution text,
        add column idempotency_key text unique,
        add column updated_at timestamptz not null default now(),
        add constraint demand_category_check check (category in ('INFRASTRUCTURE', 'LAND_AND_HOUSING',
          'SOCIAL_SECURITY', 'EDUCATION', 'HEALTH', 'ENVIRONMENT', 'AGRICULTURE', 'PUBLIC_SAFETY',
          'EMPLOYMENT', 'OTHER')),
        add constraint demand_raised_by_check check ((raised_by_kind = 'PARTICIPANT') = (participant_id is not null));
      create index demand_session_idx on demand (session_id) where session_id is not null;

      create table proposal (
        id uuid primary key,
        division_code varchar(12) not null check (division_code ~ '^[0-9]{4}([0-9]{2})?$'),
        year integer not null check (year between 2000 and 2100),
        number integer,
        kind text not null check (kind in ('MEMBER', 'MEMBER_GROUP', 'SPECIAL_COMMITTEE', 'PARTY_GROUP')),
        lead_member_id uuid,
        committee_id uuid,
        group_name text,
        co_signer_ids uuid[] not null default '{}',
        title text not null check (length(btrim(title)) > 0),
        content text not null check (length(btrim(content)) > 0),
        source_demand_ids uuid[] not null default '{}',
        source_session_ids uuid[] not null default '{}',
        home_ids uuid[] not null default '{}',
        status text not null check (status in ('DRAFT', 'SUBMITTED', 'REGISTERED', 'NOT_REGISTERED',
          'RETURNED', 'MERGED', 'ASSIGNED', 'HANDLING', 'REPLIED', 'REHANDLING', 'EVALUATED', 'CLOSED')),
        is_key boolean not null default false,
        not_registered_reason text,
        turned_into_opinion boolean not null default false,
        return_reason text,
        merged_into_id uuid references proposal (id),
        lead_department_id uuid,
        co_department_ids uuid[] not null default '{}',
        department_ids uuid[] not null default '{}',
        assigned_on date,
        due_on date,
        extended boolean not null default false,
        reply_text text,
        result_class text check (result_class in ('A', 'B', 'C', 'D')),
        replied_on date,
        replied_by_department_id uuid,
        handling_rounds integer not null default 0,
        evaluation text check (evaluation in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
        evaluation_comment text,
        submitted_at timestamptz,
        registered_at timestamptz,
        closed_at timestamptz,
        idempotency_key text unique,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (division_code, year, number),
        check ((kind in ('MEMBER', 'MEMBER_GROUP')) = (lead_member_id is not null)),
        check ((kind = 'SPECIAL_COMMITTEE') = (committee_id is not null)),
        check ((kind = 'PARTY_GROUP') = (group_name is not null)),
        check ((status = 'NOT_REGISTERED') = (not_registered_reason is not null)),
        check ((status = 'MERGED') = (merged_into_id is not null)),
        check ((status in ('ASSIGNED', 'HANDLING', 'REPLIED', 'REHANDLING', 'EVALUATED', 'CLOSED')) = (lead_department_id is not null))
      );
      create index proposal_division_year_idx on proposal (division_code text_pattern_ops, year);
      create index proposal_department_ids_idx on proposal using gin (department_ids);
      create index proposal_source_demand_ids_idx on proposal using gin (source_demand_ids);
      create index proposal_source_session_ids_idx on proposal using gin (source_session_ids);
      create index proposal_lead_member_idx on proposal (lead_member_id);
      create index proposal_co_signer_ids_idx on proposal using gin (co_signer_ids);

      -- The numbers a CPPCC gives the proposals it registers, per year: taken under a row lock,
      -- so two registrations at once never share a number.
      create table proposal_number (
        division_code varchar(12) not null,
        year integer not null,
        last_number integer not null,
        primary key (division_code, year)
      );

      create table sentiment_report (
        id uuid primary key,
        division_code varchar(12) not null check (division_code ~ '^[0-9]{4}([0-9]{2})?$'),
        title text not null check (length(btrim(title)) > 0),
        content text not null check (length(btrim(content)) > 0),
        author_member_ids uuid[] not null check (cardinality(author_member_ids) > 0),
        source_demand_ids uuid[] not null default '{}',
        source_session_ids uuid[] not null default '{}',
        home_ids uuid[] not null default '{}',
        status text not null check (status in ('DRAFT', 'SUBMITTED', 'NOT_ADOPTED', 'ADOPTED', 'EDITED',
          'ISSUED', 'INSTRUCTED', 'FORWARDED', 'FEEDBACK', 'CLOSED')),
        not_adopted_reason text,
        issued_to text[] not null default '{}',
        department_ids uuid[] not null default '{}',
        submitted_at timestamptz,
        issued_at timestamptz,
        closed_at timestamptz,
        idempotency_key text unique,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((status = 'NOT_ADOPTED') = (not_adopted_reason is not null))
      );
      create index sentiment_report_division_idx on sentiment_report (division_code text_pattern_ops);
      create index sentiment_report_department_ids_idx on sentiment_report using gin (department_ids);
      create index sentiment_report_source_demand_ids_idx on sentiment_report using gin (source_demand_ids);
      create index sentiment_report_source_session_ids_idx on sentiment_report using gin (source_session_ids);
      create index sentiment_report_author_ids_idx on sentiment_report using gin (author_member_ids);

      -- 批示: a leader's instruction on an issued report.
      create table leader_instruction (
        id uuid primary key,
        report_id uuid not null references sentiment_report (id),
        division_code varchar(12) not null,
        leader text not null check (length(btrim(leader)) > 0),
        level text not null check (level in ('CITY', 'PROVINCE', 'NATIONAL')),
        text text not null check (length(btrim(text)) > 0),
        given_on date not null,
        created_at timestamptz not null default now()
      );
      create index leader_instruction_report_idx on leader_instruction (report_id, given_on);

      -- A department's feedback on a report forwarded to it (one per department).
      create table department_feedback (
        id uuid primary key,
        report_id uuid not null references sentiment_report (id),
        division_code varchar(12) not null,
        department_id uuid not null,
        text text not null check (length(btrim(text)) > 0),
        given_on date not null,
        created_at timestamptz not null default now(),
        unique (report_id, department_id)
      );

      ${plenaryTable('speech')}
      ${plenaryTable('special_report')}

      -- Every step of every channel workflow, in order: what, from which state to which, when, by whom.
      create table channel_event (
        id bigserial primary key,
        record_kind text not null check (record_kind in ('DEMAND', 'PROPOSAL', 'SENTIMENT_REPORT', 'SPEECH', 'SPECIAL_REPORT')),
        record_id uuid not null,
        step text not null,
        from_status text,
        to_status text not null,
        at timestamptz not null default now(),
        by_subject text not null,
        by_department_id uuid,
        detail jsonb not null default '{}'
      );
      create index channel_event_record_idx on channel_event (record_id, id);
    `);
  }
}
