import { Migration } from '@mikro-orm/migrations';
import { CHANGE_CURSOR_DDL } from '@cppcc/organization-feed';

/**
 * Deliberation's events that a webhook subscription here receives, as channels read them from
 * deliberation's feed (services/channels/src/webhook/webhook.follower.ts): the body of their
 * deliveries, kept beside channels' own outbox. Only events some subscription wanted are kept.
 * The follower's place in the feed is its `change_cursor` row (`deliberation.events`).
 *
 * Their deliveries carry `event_xid` 0 and the event's position in its feed as `event_seq`: a
 * record's events are delivered in the order its service committed them, as channels' own are
 * by (xid, seq).
 */
export class Migration20261129140000_followed_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      ${CHANGE_CURSOR_DDL}
      create table followed_event (
        id uuid primary key,
        source text not null,
        position bigint not null,
        type text not null,
        occurred_at timestamptz not null,
        record_type text not null,
        record_id uuid not null,
        record_version integer not null,
        division_code text not null,
        department_ids uuid[] not null,
        home_ids uuid[] not null,
        payload jsonb not null
      );
      create trigger followed_event_notify after insert on followed_event
        for each statement execute function domain_event_notify();
    `);
  }
}
