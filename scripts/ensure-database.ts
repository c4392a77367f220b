import { Client } from 'pg';
import { createDataSource, runMigrations } from '../core/data-source';

function parseDatabaseUrl(url: string): { name: string; adminUrl: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (name === '') {
    throw new Error(`Database URL names no database: ${parsed.origin}`);
  }
  parsed.pathname = '/postgres';
  return { name, adminUrl: parsed.toString() };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withAdminClient<T>(url: string, work: (client: Client, name: string) => Promise<T>): Promise<T> {
  const { name, adminUrl } = parseDatabaseUrl(url);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when it does not exist yet. Returns true when it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  return withAdminClient(url, async (client, name) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount !== 0) {
      return false;
    }
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      // Another process may have created it between the check and the CREATE.
      if ((error as { code?: string }).code !== '42P04') {
        throw error;
      }
      return false;
    }
    return true;
  });
}

/** Drops (terminating open sessions) and recreates the database named in `url`. For scratch databases only. */
export async function recreateDatabase(url: string): Promise<void> {
  await withAdminClient(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/** Drops the database named in `url`, terminating its open sessions. */
export async function dropDatabase(url: string): Promise<void> {
  await withAdminClient(url, (client, name) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

/** Applies pending migrations and returns their names. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = await createDataSource({ url, poolSize: 1, applicationName: 'threadline-migrate' }).initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
