import { Migration } from '@mikro-orm/migrations';
import { DEPARTMENT_PROJECTION_DDL } from '@cppcc/organization-feed';

/**
 * The departments as the organization service publishes them (its change feed): proposals are
 * assigned and reports forwarded only to departments that exist, checked without calling it.
 */
export class Migration20261127000500_department_projection extends Migration {
  override async up(): Promise<void> {
    this.addSql(DEPARTMENT_PROJECTION_DDL);
  }
}
