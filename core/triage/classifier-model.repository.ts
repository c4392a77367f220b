import type { DataSource, EntityManager } from 'typeorm';

/** A stored model without its parameters (which can be megabytes). */
export interface ClassifierModelSummary {
  version: number;
  fingerprint: string;
  labels: string[];
  examples: number;
  metrics: Record<string, unknown>;
  trainedAt: Date;
}

export interface StoredClassifierModel extends ClassifierModelSummary {
  params: Buffer;
}

export interface NewClassifierModel {
  fingerprint: string;
  labels: string[];
  examples: number;
  params: Buffer;
  metrics: Record<string, unknown>;
}

export interface SaveOutcome {
  /** The tenant's current version after the call. */
  version: number;
  /** False when the current model already had this fingerprint (nothing was written). */
  inserted: boolean;
}

interface ModelRow {
  version: number;
  fingerprint: string;
  labels: string[];
  examples: number;
  metrics: Record<string, unknown>;
  trained_at: Date;
  params?: Buffer;
}

const SUMMARY_COLUMNS = 'version, fingerprint, labels, examples, metrics, trained_at';
const SAVE_ATTEMPTS = 3;

/** Trained topic classifiers; a tenant's highest version is its current model. */
export class ClassifierModelRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** One index probe: what a classifier checks before each prediction. */
  async currentVersion(tenantId: string): Promise<number | null> {
    const rows: { version: number | null }[] = await this.db.query(
      'SELECT max(version) AS version FROM classifier_models WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0]?.version ?? null;
  }

  async current(tenantId: string): Promise<ClassifierModelSummary | null> {
    const rows: ModelRow[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM classifier_models WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`,
      [tenantId],
    );
    return rows.length > 0 ? toSummary(rows[0]) : null;
  }

  async findWithParams(tenantId: string, version: number): Promise<StoredClassifierModel | null> {
    const rows: ModelRow[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, params FROM classifier_models WHERE tenant_id = $1 AND version = $2`,
      [tenantId, version],
    );
    return rows.length > 0 ? { ...toSummary(rows[0]), params: rows[0].params! } : null;
  }

  /**
   * Stores the model as version current+1 unless the current model already has its fingerprint, so a retried
   * training activity writes at most one version. Two concurrent writers cannot both take a version: the loser's
   * insert does nothing and it tries again on top of the winner's.
   */
  async save(tenantId: string, model: NewClassifierModel): Promise<SaveOutcome> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const rows: { version: number }[] = await this.db.query(
        `WITH latest AS (
           SELECT version, fingerprint FROM classifier_models WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1
         )
         INSERT INTO classifier_models (tenant_id, version, fingerprint, labels, examples, params, metrics)
         SELECT $1, coalesce((SELECT version FROM latest), 0) + 1, $2, $3::text[], $4, $5, $6::jsonb
         WHERE NOT EXISTS (SELECT 1 FROM latest WHERE fingerprint = $2)
         ON CONFLICT (tenant_id, version) DO NOTHING
         RETURNING version`,
        [tenantId, model.fingerprint, model.labels, model.examples, model.params, JSON.stringify(model.metrics)],
      );
      if (rows.length > 0) {
        return { version: rows[0].version, inserted: true };
      }
      const current = await this.current(tenantId);
      if (current?.fingerprint === model.fingerprint) {
        return { version: current.version, inserted: false };
      }
    }
    throw new Error(`Could not store a classifier model for tenant ${tenantId}: versions kept changing underneath`);
  }
}

function toSummary(row: ModelRow): ClassifierModelSummary {
  return {
    version: row.version,
    fingerprint: row.fingerprint,
    labels: row.labels,
    examples: row.examples,
    metrics: row.metrics,
    trainedAt: row.trained_at,
  };
}
