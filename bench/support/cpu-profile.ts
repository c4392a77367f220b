import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';

/**
 * With BENCH_CPU_PROFILE=<file.cpuprofile>, records the main thread's CPU profile over one phase (open it in Chrome
 * DevTools or speedscope). Without it, does nothing.
 */
export async function profiled<T>(path: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!path) {
    return work();
  }
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    await writeFile(path, JSON.stringify(profile));
    session.disconnect();
  }
}
