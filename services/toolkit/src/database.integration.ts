import { Migration } from '@mikro-orm/migrations';
import { migrate, openDatabase, type Orm } from './database';
import { createTestDatabase, type TestDatabase } from './testing/index';

/** A migration slow enough that two replicas starting at once overlap in it. */
class CreateLedger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table ledger (entry text not null);
      insert into ledger (entry) values ('created once');
      select pg_sleep(0.3);
    `);
  }
}

const REPLICATED = {
  schema: 'replicated',
  entities: [],
  migrations: [{ name: 'Migration20261129000100_ledger', class: CreateLedger }],
};

let database: TestDatabase;
const orms: Orm[] = [];
beforeAll(async () => {
  database = await createTestDatabase('migrations');
});
afterAll(async () => {
  for (const orm of orms) await orm.close(true);
  await database?.drop();
});

describe('two replicas of a service starting at once', () => {
  it('create its schema and apply each migration once, both succeeding', async () => {
    const open = () =>
      openDatabase(REPLICATED, database.url, { discovery: { warnWhenNoEntities: false } });
    orms.push(...(await Promise.all([open(), open()])));
    const applied = await Promise.all(orms.map((orm) => migrate(orm)));
    expect(applied.map((names) => names.length).sort()).toEqual([0, 1]);
    expect(applied.flat()).toEqual(['Migration20261129000100_ledger']);
    expect(await orms[0].em.getConnection().execute('select entry from ledger')).toEqual([
      { entry: 'created once' },
    ]);
    expect(
      await orms[1].em.getConnection().execute('select name from mikro_orm_migrations'),
    ).toEqual([{ name: 'Migration20261129000100_ledger' }]);
  });
});
