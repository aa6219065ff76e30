import { Migration } from '@mikro-orm/migrations';
import { DEPARTMENT_PROJECTION_DDL } from '@cppcc/organization-feed';

/**
 * The departments as the organization service publishes them (its change feed), kept here so
 * that scheduling a session checks the invited departments, and knows the city ones (rule 3),
 * without calling it on a request.
 */
export class Migration20261127000700_department_projection extends Migration {
  override async up(): Promise<void> {
    this.addSql(DEPARTMENT_PROJECTION_DDL);
  }
}
