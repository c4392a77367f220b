import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A libpq URL for pg/TypeORM clients in this or any other process on the machine. */
  url: string;
  /** Stops accepting connections, drops the open ones, then closes PGlite so its files are flushed. */
  stop(): Promise<void>;
}

/**
 * Enough sockets for the API pool, the worker pool, the API's LISTEN connection and a psql or two. PGlite is one
 * backend: the socket server queues statements from every socket onto it and runs one transaction at a time.
 */
const MAX_CONNECTIONS = 64;

/**
 * PostgreSQL 18 compiled to WebAssembly (PGlite), persisted in `dataDir` and served over the wire protocol on a free
 * port of 127.0.0.1, so the API and worker processes connect to it like to any PostgreSQL. It lives in this process.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const db = await PGlite.create({ dataDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres:postgres@${server.getServerConn()}/postgres`,
    stop: () => {
      stopping ??= server.stop().finally(() => db.close());
      return stopping;
    },
  };
}
