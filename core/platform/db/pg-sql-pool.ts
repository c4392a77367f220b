import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { SqlRunner, TransactionalSql } from './sql-runner';

export interface PgSqlPoolOptions {
  /**
   * Prepare every statement once per connection (named after a hash of its text), so PostgreSQL plans each query once
   * instead of on every call: the assignment drain's statements spend longer being planned than run, all while the
   * tenant lock is held. Turn it off where connections share server sessions: behind a transaction-pooling PgBouncer.
   */
  preparedStatements: boolean;
}

/** Plain pg for hot, fixed raw SQL; rows come back as pg parses them, as through TypeORM. */
export class PgSqlPool implements TransactionalSql {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly pool: Pool,
    private readonly options: PgSqlPoolOptions = { preparedStatements: true },
  ) {}

  query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    return this.run(this.pool, sql, params);
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work({
        query: <R>(sql: string, params: unknown[] = []) => this.run<R>(client, sql, params),
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true; // the connection is unusable: drop it rather than return it to the pool
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  private async run<T>(target: Pool | PoolClient, sql: string, params: unknown[]): Promise<T> {
    const result = this.options.preparedStatements
      ? await target.query({ name: this.nameOf(sql), text: sql, values: params })
      : await target.query(sql, params);
    return result.rows as T;
  }

  private nameOf(sql: string): string {
    let name = this.names.get(sql);
    if (!name) {
      name = `p_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
      this.names.set(sql, name);
    }
    return name;
  }
}
