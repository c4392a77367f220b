import { readdirSync, readFileSync } from 'node:fs';
import { Client as PgClient } from 'pg';

const CLOCK_TICKS_PER_S = 100;

/** utime + stime of a process, in ms; 0 when it is gone or unreadable. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** PostgreSQL backends serving `database` (their command line names it). */
function postgresBackends(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.startsWith('postgres:') && cmdline.split(' ').includes(database)) {
        pids.push(Number(entry));
      }
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** CPU time every process of the machine spent busy, in ms. */
function machineBusyMs(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLOCK_TICKS_PER_S;
}

const queryCounts = new Map<string, number>();
let counting = false;

/**
 * Counts queries sent by every pg client in this process, per application_name (API pool, worker pool, feed),
 * by wrapping pg's Client#query once. A diagnostic: round trips per message. The one prototype patch the bench keeps:
 * pg emits no event per query (a Client's events are connect, end, error, notice, notification and drain-when-idle),
 * and the pools and the LISTEN client are built inside core/platform with no option to hand them a Client class or a
 * query logger.
 */
export function countPgQueries(): void {
  if (counting) {
    return;
  }
  counting = true;
  const original = PgClient.prototype.query;
  PgClient.prototype.query = function countedQuery(this: PgClient, ...args: unknown[]) {
    const name =
      (this as unknown as { connectionParameters?: { application_name?: string } }).connectionParameters
        ?.application_name ?? 'unknown';
    queryCounts.set(name, (queryCounts.get(name) ?? 0) + 1);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
}

export interface ResourceSample {
  at: number;
  benchCpuMs: number;
  temporalCpuMs: number;
  /** Per backend, so one that exits (pool idle timeout) does not turn the sum negative. */
  postgresCpuMs: Map<number, number>;
  machineBusyMs: number;
  queries: Record<string, number>;
}

export interface ResourceUse {
  seconds: number;
  /** CPU time in ms spent per unit of work (e.g. per message) by each party. */
  benchCpuMs: number;
  temporalCpuMs: number;
  postgresCpuMs: number;
  /** Share of the machine's cores busy over the interval, all three parties together. */
  cpuBusy: number;
  /** Share of the machine's cores busy with anything else (other people's work skews the figures). */
  otherBusy: number;
  queries: Record<string, number>;
}

export class ResourceMeter {
  constructor(
    private readonly temporalPid: number,
    private readonly database: string,
    private readonly cores: number,
  ) {}

  sample(): ResourceSample {
    const own = process.cpuUsage();
    return {
      at: performance.now(),
      benchCpuMs: (own.user + own.system) / 1000,
      temporalCpuMs: processCpuMs(this.temporalPid),
      postgresCpuMs: new Map(postgresBackends(this.database).map((pid) => [pid, processCpuMs(pid)])),
      machineBusyMs: machineBusyMs(),
      queries: Object.fromEntries(queryCounts),
    };
  }

  /** What happened between two samples, divided by `units` (messages). */
  between(before: ResourceSample, after: ResourceSample, units: number): ResourceUse {
    const per = (value: number) => value / Math.max(1, units);
    const bench = after.benchCpuMs - before.benchCpuMs;
    const temporal = after.temporalCpuMs - before.temporalCpuMs;
    let postgres = 0;
    for (const [pid, cpuMs] of after.postgresCpuMs) {
      postgres += cpuMs - (before.postgresCpuMs.get(pid) ?? 0);
    }
    const seconds = (after.at - before.at) / 1000;
    const queries: Record<string, number> = {};
    for (const [name, count] of Object.entries(after.queries)) {
      queries[name] = per(count - (before.queries[name] ?? 0));
    }
    return {
      seconds,
      benchCpuMs: per(bench),
      temporalCpuMs: per(temporal),
      postgresCpuMs: per(postgres),
      cpuBusy: (bench + temporal + postgres) / (seconds * 1000 * this.cores),
      otherBusy:
        Math.max(0, after.machineBusyMs - before.machineBusyMs - bench - temporal - postgres) /
        (seconds * 1000 * this.cores),
      queries,
    };
  }
}
