import type { DataSource, EntityManager } from 'typeorm';

export interface BucketCount {
  bucket: string;
  failures: number;
  /** Whole seconds until the bucket's window ends (at least 1). */
  secondsLeft: number;
}

/**
 * Failed-login counters in PostgreSQL (login_failures), shared by every API process. A bucket counts in a fixed
 * window of `windowSeconds` from its first failure; a count in an ended window starts over at 1.
 */
export class LoginFailureRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Adds one to each bucket in one statement (an UPSERT per bucket), and returns every bucket's new count. */
  async count(buckets: string[], windowSeconds: number): Promise<BucketCount[]> {
    const rows: { bucket: string; failures: number; seconds_left: string }[] = await this.db.query(
      `INSERT INTO login_failures AS f (bucket, failures, expires_at)
       SELECT bucket, 1, now() + make_interval(secs => $2) FROM unnest($1::text[]) AS bucket
       ON CONFLICT (bucket) DO UPDATE SET
         failures = CASE WHEN f.expires_at <= now() THEN 1 ELSE f.failures + 1 END,
         expires_at = CASE WHEN f.expires_at <= now() THEN EXCLUDED.expires_at ELSE f.expires_at END
       RETURNING bucket, failures, ceil(extract(epoch FROM expires_at - now())) AS seconds_left`,
      [buckets, windowSeconds],
    );
    return rows.map((row) => ({
      bucket: row.bucket,
      failures: Number(row.failures),
      secondsLeft: Math.max(1, Number(row.seconds_left)),
    }));
  }

  /** Takes back one counted attempt (it turned out to be a success) without going below zero. */
  async uncount(bucket: string): Promise<void> {
    await this.db.query(`UPDATE login_failures SET failures = GREATEST(failures - 1, 0) WHERE bucket = $1`, [bucket]);
  }

  async clear(bucket: string): Promise<void> {
    await this.db.query(`DELETE FROM login_failures WHERE bucket = $1`, [bucket]);
  }

  /** Drops buckets whose window ended (through the expiry index); a later failure would start them over anyway. */
  async sweepExpired(): Promise<void> {
    await this.db.query(`DELETE FROM login_failures WHERE expires_at < now()`);
  }
}
