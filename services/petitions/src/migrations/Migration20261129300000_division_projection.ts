import { Migration } from '@mikro-orm/migrations';
import { DIVISION_PROJECTION_DDL } from '@cppcc/organization-feed';

/**
 * The divisions as the organization publishes them (its division change feed): a case names the
 * village, community or township it concerns, and a code that names no division would be
 * resolved by the organization to nothing, so registration refuses it without asking the
 * organization on a request.
 */
export class Migration20261129300000_division_projection extends Migration {
  override async up(): Promise<void> {
    this.addSql(DIVISION_PROJECTION_DDL);
  }
}
