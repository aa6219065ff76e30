import { Migration } from '@mikro-orm/migrations';
import { HOME_PROJECTION_ESTABLISHED_DDL } from '@cppcc/organization-feed';

/** The projection of homes learns when each was established (the cadence counts from it). */
export class Migration20261127000300_home_projection_established extends Migration {
  override async up(): Promise<void> {
    this.addSql(HOME_PROJECTION_ESTABLISHED_DDL);
  }
}
