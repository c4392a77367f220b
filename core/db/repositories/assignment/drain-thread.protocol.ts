import type { DrainOutcome } from './drain-tenant';

/** What the drain thread is started with. */
export interface DrainThreadData {
  databaseUrl: string;
  poolSize: number;
  applicationName: string;
  /** The thread's module, resolved by the parent (a .ts file under a TypeScript runtime). */
  entry: string;
  /** ts-node's transpile-only hook, registered first when `entry` is TypeScript; empty when not installed. */
  typescriptHook: string;
}

export interface DrainRequest {
  id: number;
  /** null asks only whether the thread is ready (its connection pool initialised). */
  tenantId: string | null;
}

export type DrainReply =
  { id: number; outcome: DrainOutcome } | { id: number; error: { message: string; stack?: string } };
