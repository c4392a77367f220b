import type { SqlRunner } from '../db/sql-runner';

/** One live stream's position as the statement reads it: its columns (snake_case) beside `i`, its index. */
export type PositionRecord = Record<string, unknown>;

/**
 * Which of many live streams (their indexes) have a row they have not sent yet, asked in one statement: every
 * position becomes a row `s` of `json_to_recordset` with the columns `recordColumns` declares (`tenant_id uuid,
 * after bigint, …`), and `unsentExists` is the EXISTS query over `s` that a stream's own read would answer.
 */
export async function positionsWithUnsent(
  db: SqlRunner,
  positions: readonly PositionRecord[],
  recordColumns: string,
  unsentExists: string,
): Promise<number[]> {
  if (positions.length === 0) {
    return [];
  }
  const rows = await db.query<{ i: number }[]>(
    `SELECT s.i FROM json_to_recordset($1::json) AS s(i int, ${recordColumns}) WHERE EXISTS (${unsentExists})`,
    [JSON.stringify(positions.map((position, i) => ({ i, ...position })))],
  );
  return rows.map((row) => row.i);
}
