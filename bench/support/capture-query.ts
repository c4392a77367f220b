/** A stand-in for a DataSource's `query` that records the SQL a repository would send instead of running it. */
export function queryRecorder(): {
  db: { query(sql: string, params: unknown[]): Promise<never[]> };
  last(): { sql: string; params: unknown[] };
} {
  let recorded: { sql: string; params: unknown[] } | undefined;
  return {
    db: {
      query(sql: string, params: unknown[]) {
        recorded = { sql, params };
        return Promise.resolve([]);
      },
    },
    last() {
      if (!recorded) {
        throw new Error('no query was recorded');
      }
      return recorded;
    },
  };
}
