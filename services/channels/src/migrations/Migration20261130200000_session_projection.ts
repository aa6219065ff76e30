import { Migration } from '@mikro-orm/migrations';

/**
 * The sessions as deliberation's events publish them (`session.scheduled`, `session.held`,
 * `session.cancelled` on its event feed): each one's division, home and state, nothing else, so
 * that a demand put on a session's agenda and a record citing sessions name sessions that exist,
 * of the right home or county, without calling deliberation on a request
 * (services/channels/src/session/session.projection.ts).
 */
export class Migration20261130200000_session_projection extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table session_projection (
        id uuid primary key,
        division_code varchar(12) not null,
        home_id uuid not null,
        status text not null,
        version integer not null,
        updated_at timestamptz not null default now()
      );
    `);
  }
}
