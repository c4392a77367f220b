import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Provides a repository class (constructed from the shared DataSource) to a feature module. */
export const repositoryProvider = <T>(type: new (db: DataSource) => T): Provider => ({
  provide: type,
  useFactory: (dataSource: DataSource) => new type(dataSource),
  inject: [DataSource],
});
