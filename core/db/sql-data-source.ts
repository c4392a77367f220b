import { DataSource, type DataSourceOptions as TypeOrmOptions } from 'typeorm';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** Connection settings every DataSource of ours shares; never synchronize, never run migrations implicitly. */
export function connectionOptions({ url, poolSize = 10, applicationName = 'threadline' }: DataSourceOptions) {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    poolSize,
    applicationName,
  } satisfies TypeOrmOptions;
}

/**
 * A DataSource for raw SQL only, with no entities or migrations loaded: for a thread that only sends queries (the
 * assignment drain thread), which then starts in a fraction of the time.
 */
export function createSqlDataSource(options: DataSourceOptions): DataSource {
  return new DataSource(connectionOptions(options));
}
