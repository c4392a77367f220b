import type { InjectionToken, Provider } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { typeormUnitOfWork } from '../../../../core/platform/db/unit-of-work';

/**
 * Provides under `token` a UnitOfWork (core/platform/db/unit-of-work.ts, the port the worker's activities use) whose
 * work receives the repositories `repositoriesOver` builds on one transaction. A feature module names what its
 * transactions commit together; its services inject the port, and unit tests pass a fake that runs over fakes.
 */
export const unitOfWorkProvider = <R>(token: InjectionToken, repositoriesOver: (tx: EntityManager) => R): Provider => ({
  provide: token,
  useFactory: (dataSource: DataSource) => typeormUnitOfWork(dataSource, repositoriesOver),
  inject: [DataSource],
});
