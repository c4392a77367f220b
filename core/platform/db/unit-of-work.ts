import type { DataSource, EntityManager } from 'typeorm';

/**
 * Work that must commit or roll back as one: `run` hands the work repositories bound to one transaction. Activities
 * and services receive it instead of a DataSource, so a unit test passes a fake that runs the work over in-memory
 * repositories.
 */
export interface UnitOfWork<R> {
  run<T>(work: (repositories: R) => Promise<T>): Promise<T>;
}

/** A unit of work over a TypeORM transaction: `repositoriesOver` builds the repositories on its EntityManager. */
export function typeormUnitOfWork<R>(
  dataSource: DataSource,
  repositoriesOver: (tx: EntityManager) => R,
): UnitOfWork<R> {
  return { run: (work) => dataSource.transaction((tx) => work(repositoriesOver(tx))) };
}
