import 'reflect-metadata';
import { createDataSource } from '../core/data-source';
import { ensureDatabase, migrateDatabase } from './ensure-database';

/** `npm run migrate` applies pending migrations to DATABASE_URL; `npm run migrate -- --revert` reverts the last one. */
async function main(argv: string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is required');
  }
  if (argv.includes('--revert')) {
    const dataSource = await createDataSource({ url, poolSize: 1, applicationName: 'threadline-migrate' }).initialize();
    try {
      const before = await dataSource.query<{ name: string }[]>(
        'SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1',
      );
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log(before[0] ? `Reverted ${before[0].name}` : 'No migration to revert');
    } finally {
      await dataSource.destroy();
    }
    return;
  }
  if (await ensureDatabase(url)) {
    console.log(`Created database ${new URL(url).pathname.slice(1)}`);
  }
  const applied = await migrateDatabase(url);
  console.log(applied.length === 0 ? 'No pending migrations' : applied.map((name) => `Applied ${name}`).join('\n'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
