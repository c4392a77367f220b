import type { ResourceUse } from './resource-meter';
import { ms, round, type LatencySummary } from './latency-stats';

export const log = (line = '') => process.stdout.write(`${line}\n`);

export const section = (title: string) => log(`\n== ${title}`);

export function latencyLine(label: string, summary: LatencySummary): string {
  return `${label}: p50 ${ms(summary.p50)}, p90 ${ms(summary.p90)}, p99 ${ms(summary.p99)}, max ${ms(summary.max)} (n=${summary.count})`;
}

export function resourceLine(use: ResourceUse): string {
  const queries = Object.entries(use.queries)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name.replace('threadline-', '')} ${round(count, 2)}`)
    .join(', ');
  return (
    `per message: CPU bench-process ${round(use.benchCpuMs, 2)} ms, temporal ${round(use.temporalCpuMs, 2)} ms, ` +
    `postgres ${round(use.postgresCpuMs, 2)} ms; machine ${Math.round(use.cpuBusy * 100)}% busy (+${Math.round(use.otherBusy * 100)}% other processes); ` +
    `pg queries: ${queries || 'none'}`
  );
}

export interface MemorySnapshot {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

/** Process memory after a full GC when node runs with --expose-gc (the bench script does). */
export function memorySnapshot(): MemorySnapshot {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const usage = process.memoryUsage();
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external) };
}

export const target = (met: boolean) => (met ? 'MET' : 'MISSED');

/**
 * Runs a benchmark and prints its JSON summary as the very last line, after shutdown, so nothing printed while
 * stopping can follow it; exits 0, or 1 with the error on stderr.
 */
export function runBench(main: () => Promise<Record<string, unknown>>): void {
  main().then(
    (summary) => {
      log(JSON.stringify(summary));
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
