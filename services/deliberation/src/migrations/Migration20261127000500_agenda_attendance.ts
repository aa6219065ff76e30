import { Migration } from '@mikro-orm/migrations';

/** A session's agenda (议题) and who was invited and came. */
export class Migration20261127000500_agenda_attendance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table agenda_item (
        id uuid primary key,
        session_id uuid not null references session (id),
        home_id uuid not null,
        division_code varchar(12) not null,
        position integer not null,
        title text not null check (length(btrim(title)) > 0),
        description text,
        presenter text,
        demand_ids uuid[] not null default '{}',
        unique (session_id, position)
      );

      create table attendance (
        id uuid primary key,
        session_id uuid not null references session (id),
        home_id uuid not null,
        division_code varchar(12) not null,
        attendee_kind text not null check (attendee_kind in ('MEMBER', 'PARTICIPANT', 'DEPARTMENT')),
        attendee_id uuid not null,
        role text not null,
        status text not null check (status in ('INVITED', 'PRESENT', 'ABSENT', 'EXCUSED')),
        unique (session_id, attendee_kind, attendee_id)
      );
      create index attendance_attendee_idx on attendance (attendee_kind, attendee_id);
    `);
  }
}
