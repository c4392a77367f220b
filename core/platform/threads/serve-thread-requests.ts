import { parentPort, workerData } from 'node:worker_threads';
import type { ModuleThreadData, ThreadReply, ThreadRequest } from './thread-protocol';

/** The options the parent started this thread with (see ModuleThread). */
export function threadOptions<Options>(): Options {
  return (workerData as ModuleThreadData<Options>).options;
}

/**
 * The thread side of ModuleThread: answers every request with `handle`'s result, or with its error. Requests are
 * handled concurrently, as they arrive.
 */
export function serveThreadRequests<Request, Response>(handle: (request: Request) => Promise<Response>): void {
  const port = parentPort;
  if (!port) {
    throw new Error('serveThreadRequests runs only on a worker thread');
  }
  port.on('message', ({ id, request }: ThreadRequest<Request>) => {
    void answer(id, () => handle(request)).then((reply) => port.postMessage(reply));
  });
}

async function answer<Response>(id: number, work: () => Promise<Response>): Promise<ThreadReply<Response>> {
  try {
    return { id, response: await work() };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { id, error: { message: failure.message, stack: failure.stack } };
  }
}
