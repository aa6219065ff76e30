import { Migration } from '@mikro-orm/migrations';
import { HOME_PROJECTION_DDL } from '@cppcc/organization-feed';

/**
 * The homes as the organization service publishes them (its change feed), kept here so that
 * this service checks a home and enforces jurisdiction without calling it on a request.
 */
export class Migration20261127000200_home_projection extends Migration {
  override async up(): Promise<void> {
    this.addSql(HOME_PROJECTION_DDL);
  }
}
