import { Migration } from '@mikro-orm/migrations';
import { MEMBER_PROJECTION_DDL, PARTICIPANT_PROJECTION_DDL } from '@cppcc/organization-feed';

/**
 * The members and participants as the organization service publishes them (its change feeds):
 * ids and the division that places each, nothing personal, kept here so that a record naming a
 * member or participant is refused when it names none of its county or the city
 * (`requireReferences`), without calling the organization on a request.
 */
export class Migration20261130000000_member_participant_projections extends Migration {
  override async up(): Promise<void> {
    this.addSql(MEMBER_PROJECTION_DDL);
    this.addSql(PARTICIPANT_PROJECTION_DDL);
  }
}
