import { Migration } from '@mikro-orm/migrations';

/**
 * Beside each creation key, the fingerprint of the input the record was created from
 * (`IdempotentRecord`, `idempotencyOf` in the toolkit): the same key sent again with another
 * input is refused rather than answered with the first record. Rows created before keep null,
 * which a repeat of their key is taken to match.
 */
export class Migration20261130100000_idempotency_fingerprint extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table member add column idempotency_fingerprint text;
      alter table home add column idempotency_fingerprint text;
      alter table participant add column idempotency_fingerprint text;
      alter table department add column idempotency_fingerprint text;
    `);
  }
}
