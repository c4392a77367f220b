import { Pool } from 'pg';
import { PgSqlPool } from '../../core/platform/db/pg-sql-pool';
import { testRuntime } from '../support/test-runtime';

/** Plain pg with prepared statements (the drain thread's database handle), against the run's PostgreSQL. */
describe('PgSqlPool', () => {
  let db: PgSqlPool;
  const table = `prepared_pool_${process.pid}`;

  beforeAll(async () => {
    // One connection, so every statement below shares the same session and its prepared statements.
    db = new PgSqlPool(new Pool({ connectionString: testRuntime().databaseUrl, max: 1 }));
    await db.query(`CREATE TABLE ${table} (id int PRIMARY KEY, tags text[], data jsonb, at timestamptz)`);
  });
  afterAll(async () => {
    await db?.query(`DROP TABLE IF EXISTS ${table}`);
    await db?.end();
  });

  const preparedHere = async () =>
    (await db.query<{ statement: string }[]>(`SELECT statement FROM pg_prepared_statements`)).map((r) => r.statement);

  it('returns rows parsed as pg parses them, and prepares each statement text once per connection', async () => {
    const insert = `INSERT INTO ${table} (id, tags, data, at) VALUES ($1, $2, $3, $4)`;
    await db.query(insert, [1, ['a', 'b'], JSON.stringify({ n: 1 }), new Date('2026-01-02T03:04:05Z')]);
    await db.query(insert, [2, [], JSON.stringify({ n: 2 }), null]);

    const rows = await db.query<{ id: number; tags: string[]; data: { n: number }; at: Date | null }[]>(
      `SELECT id, tags, data, at FROM ${table} ORDER BY id`,
    );

    expect(rows).toEqual([
      { id: 1, tags: ['a', 'b'], data: { n: 1 }, at: new Date('2026-01-02T03:04:05Z') },
      { id: 2, tags: [], data: { n: 2 }, at: null },
    ]);
    expect((await preparedHere()).filter((statement) => statement === insert)).toHaveLength(1);
  });

  it('commits a transaction that succeeds', async () => {
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${table} (id) VALUES ($1)`, [10]);
      await tx.query(`INSERT INTO ${table} (id) VALUES ($1)`, [11]);
    });
    const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE id >= 10`);
    expect(n).toBe(2);
  });

  it('rolls back every statement of a transaction that fails, and keeps its connection usable', async () => {
    const failing = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${table} (id) VALUES ($1)`, [20]);
      await tx.query(`INSERT INTO ${table} (id) VALUES ($1)`, [20]);
    });
    await expect(failing).rejects.toThrow(/duplicate key/);

    const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE id = 20`);
    expect(n).toBe(0);
  });
});
