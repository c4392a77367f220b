import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../migrations';
import { connectionOptions, type DataSourceOptions } from './sql-data-source';

export type { DataSourceOptions } from './sql-data-source';

/** The one way to build the application's TypeORM DataSource: hand-written migrations, never synchronize. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    ...connectionOptions(options),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
