import { Migration } from '@mikro-orm/migrations';
import { Entity, Filter, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { migrate, openDatabase, type Orm } from './database';
import { applyJurisdiction, jurisdictionFilter } from './jurisdiction';
import { byKeyLoader, byParentLoader } from './loaders';
import { findAndCountReadOnly, rowReader } from './read-only';
import { countQueries, createTestDatabase, type TestDatabase } from './testing';
import type { Caller } from '@cppcc/contract';

/** A record with every kind of column the services' entities have. */
@Filter(jurisdictionFilter({ public: false }))
@Entity({ tableName: 'ledger_entry' })
class LedgerEntry {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  divisionCode!: string;

  @Property({ type: 'uuid' })
  homeId!: string;

  @Property({ type: 'date' })
  enteredOn!: string;

  @Property({ type: 'timestamptz' })
  enteredAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Property({ type: 'boolean' })
  isKey!: boolean;

  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'uuid[]' })
  departmentIds!: string[];

  @Property({ type: 'json', nullable: true })
  details!: Record<string, unknown> | null;

  @Property({ type: 'text' })
  note!: string;
}

class CreateLedger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table ledger_entry (
        id uuid primary key, division_code varchar(12) not null, home_id uuid not null,
        entered_on date not null, entered_at timestamptz not null, closed_at timestamptz,
        is_key boolean not null, amount integer not null, department_ids uuid[] not null,
        details jsonb, note text not null);
      insert into ledger_entry
      select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
             case when i % 3 = 0 then '320800' else '320703' end,
             ('10000000-0000-4000-8000-' || lpad((i % 4)::text, 12, '0'))::uuid,
             date '2026-01-01' + i, timestamptz '2026-01-01 08:00+08' + i * interval '1 hour',
             case when i % 2 = 0 then now() end, i % 5 = 0, i * 7,
             array[('20000000-0000-4000-8000-' || lpad((i % 3)::text, 12, '0'))::uuid],
             case when i % 2 = 1 then jsonb_build_object('n', i, 'tags', jsonb_build_array('a', i)) end,
             '条目 ' || i
      from generate_series(1, 40) i;
    `);
  }
}

const LEDGER = {
  schema: 'ledger',
  entities: [LedgerEntry],
  migrations: [{ name: 'Migration20261129000200_ledger_entry', class: CreateLedger }],
};
const COUNTY: Caller = {
  subject: 'test:county',
  level: 'COUNTY',
  division: '320703',
  roles: ['STAFF'],
  surface: 'county',
};

let database: TestDatabase;
let orm: Orm;
beforeAll(async () => {
  database = await createTestDatabase('read_only');
  orm = await openDatabase(LEDGER, database.url);
  await migrate(orm);
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

const PROPS = [
  'id',
  'divisionCode',
  'homeId',
  'enteredOn',
  'enteredAt',
  'closedAt',
  'isKey',
  'amount',
  'departmentIds',
  'details',
  'note',
] as const;

describe('rows read only', () => {
  it('carry the same values as the entities the ORM builds, and are of the entity class', async () => {
    const em = orm.em.fork();
    const rows = await em
      .getConnection()
      .execute<Array<Record<string, unknown>>>('select * from ledger_entry order by id');
    expect(rows).toHaveLength(40);
    const read = rowReader(em, LedgerEntry);
    for (const row of rows) {
      const managed = em.map(LedgerEntry, { ...row });
      const plain = read({ ...row, group_key: 'x' });
      expect(plain).toBeInstanceOf(LedgerEntry);
      for (const prop of PROPS) expect(plain[prop]).toEqual(managed[prop]);
      expect(typeof plain.enteredOn).toBe('string');
      expect(plain.enteredAt).toBeInstanceOf(Date);
      expect(plain).not.toHaveProperty('group_key');
    }
  });

  it('are not managed: the identity map stays empty and a flush writes nothing', async () => {
    const em = orm.em.fork();
    applyJurisdiction(em, COUNTY);
    const loader = byKeyLoader(em, LedgerEntry);
    const entry = await loader.load('00000000-0000-4000-8000-000000000001');
    expect(entry?.note).toBe('条目 1');
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    entry!.note = 'changed';
    await em.flush();
    const [{ note }] = await em
      .getConnection()
      .execute<Array<{ note: string }>>(`select note from ledger_entry where amount = 7`);
    expect(note).toBe('条目 1');
  });

  it('keep the jurisdiction: a record outside it loads as null, a parent lists only its own', async () => {
    const em = orm.em.fork();
    applyJurisdiction(em, COUNTY);
    const byKey = byKeyLoader(em, LedgerEntry);
    // Entry 3 lies in 3208, outside the county.
    expect(await byKey.load('00000000-0000-4000-8000-000000000003')).toBeNull();
    const byHome = byParentLoader(em, LedgerEntry, 'homeId', { orderBy: { amount: 'asc' } });
    const entries = await byHome.load('10000000-0000-4000-8000-000000000001');
    // Entries i ≡ 1 (mod 4) belong to the home; those with i ≡ 0 (mod 3) lie outside the county.
    expect(entries.map((entry) => entry.amount)).toEqual(
      [1, 5, 13, 17, 25, 29, 37].map((i) => i * 7),
    );
    expect(entries.every((entry) => entry.divisionCode === '320703')).toBe(true);
  });

  it('page and count in two statements, as the ORM does', async () => {
    const em = orm.em.fork();
    applyJurisdiction(em, COUNTY);
    const counter = countQueries(orm);
    try {
      const [page, total] = await findAndCountReadOnly(
        em,
        LedgerEntry,
        { isKey: false },
        { orderBy: { amount: 'desc' }, offset: 2, limit: 5 },
      );
      const [managed, managedTotal] = await em.findAndCount(
        LedgerEntry,
        { isKey: false },
        { orderBy: { amount: 'desc' }, offset: 2, limit: 5 },
      );
      expect(total).toBe(managedTotal);
      expect(page.map((entry) => entry.id)).toEqual(managed.map((entry) => entry.id));
      expect(counter.count).toBe(4);
    } finally {
      counter.stop();
    }
  });
});
