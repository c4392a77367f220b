/** What a module thread is started with: its entry module and the data the entry reads at start. */
export interface ModuleThreadData<Options> {
  /** The thread's module, resolved by the parent (a .ts file under a TypeScript runtime). */
  entry: string;
  /** The project's TypeScript hook (scripts/embedded/register-ts.js), registered first when `entry` is TypeScript. */
  typescriptHook: string;
  options: Options;
}

export interface ThreadRequest<Request> {
  id: number;
  request: Request;
}

export type ThreadReply<Response> =
  { id: number; response: Response } | { id: number; error: { message: string; stack?: string } };
