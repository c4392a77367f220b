/**
 * The slice of a database handle that raw-SQL code needs. TypeORM's DataSource and EntityManager satisfy it, and so
 * does PgSqlPool (plain pg), so the same queries run in the app and on the assignment drain thread.
 */
export interface SqlRunner {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/** A SqlRunner that can also run work in one transaction (committed when `work` resolves, rolled back if it throws). */
export interface TransactionalSql extends SqlRunner {
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}
