import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook subscriptions of departments and CPPCC offices, and the deliveries of the outbox's
 * events to them (services/channels/src/webhook/). A delivery is one event for one subscription;
 * its attempts keep every answer. `domain_event_notify` wakes the dispatcher when a step commits
 * (NOTIFY is sent at commit, from the server: the step sends no statement for it).
 */
export class Migration20261129130000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table webhook_subscription (
        id uuid primary key,
        owner_level text not null,
        department_id uuid,
        division_code text not null,
        url text not null,
        event_types text[] not null,
        secret text not null,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        status text not null default 'ACTIVE',
        paused_reason text,
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1
      );
      create index webhook_subscription_department_idx on webhook_subscription (department_id);
      create index webhook_subscription_division_idx on webhook_subscription (division_code text_pattern_ops);

      create table webhook_delivery (
        id uuid primary key,
        subscription_id uuid not null references webhook_subscription (id) on delete cascade,
        event_id uuid not null,
        event_type text not null,
        record_id uuid not null,
        event_xid xid8 not null,
        event_seq bigint not null,
        status text not null default 'PENDING',
        attempts integer not null default 0,
        last_status_code integer,
        last_error text,
        next_attempt_at timestamptz not null default now(),
        created_at timestamptz not null default now(),
        delivered_at timestamptz,
        -- A worker's lease on the delivery while it attempts it: replicas never send it twice at once.
        claimed_until timestamptz,
        unique (subscription_id, event_id)
      );
      create index webhook_delivery_lane_idx
        on webhook_delivery (subscription_id, record_id, event_xid, event_seq)
        where status = 'PENDING';
      create index webhook_delivery_list_idx on webhook_delivery (subscription_id, created_at desc);

      create table webhook_attempt (
        id bigserial primary key,
        delivery_id uuid not null references webhook_delivery (id) on delete cascade,
        at timestamptz not null default now(),
        status_code integer,
        error text,
        duration_ms integer not null
      );
      create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id);

      create table webhook_dispatch_cursor (
        id boolean primary key default true check (id),
        xid xid8 not null,
        seq bigint not null
      );
      insert into webhook_dispatch_cursor (xid, seq) values ('0', 0);

      create function domain_event_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('domain_event', '');
        return null;
      end $$;
      create trigger domain_event_notify after insert on domain_event
        for each statement execute function domain_event_notify();
    `);
  }
}
