import { Client } from 'pg';

const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/threadline_test';
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

async function withAdmin<T>(url: URL, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a fresh database for this jest run, named after TEST_DATABASE_URL (default threadline_test) plus the
 * run's pid, so several runs on one machine never drop each other's database. Leftovers of dead runs are dropped.
 */
export async function createRunDatabase(): Promise<string> {
  const base = new URL(process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL);
  const baseName = decodeURIComponent(base.pathname.slice(1));
  const runName = `${baseName}_${process.pid}`;
  await withAdmin(base, async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${baseName.replace(/[\\%_]/g, '\\$&')}\\_%`,
    ]);
    for (const { datname } of rows) {
      const pid = Number(datname.slice(baseName.length + 1));
      if (Number.isInteger(pid) && (datname === runName || !isAlive(pid))) {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      }
    }
    await client.query(`CREATE DATABASE ${quoteIdent(runName)}`);
  });
  const url = new URL(base);
  url.pathname = `/${runName}`;
  return url.toString();
}

export async function dropRunDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  await withAdmin(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(decodeURIComponent(url.pathname.slice(1)))} WITH (FORCE)`),
  );
}
