import { HELD_STEPS, heldMs, waitedMs, type DrainTiming } from './drain-probe';
import { ms, round, summarise, type LatencySummary } from './latency-stats';
import { latencyLine, log } from './report';

export interface DrainSummary {
  /** Lock granted → COMMIT returned: the decision itself. */
  held: LatencySummary;
  /** Called → returned, including waiting for a pooled connection and for the tenant lock. */
  wall: LatencySummary;
  waited: LatencySummary;
  decisions: LatencySummary;
}

export function summariseDrains(drains: DrainTiming[]): DrainSummary {
  return {
    held: summarise(drains.map(heldMs).filter(Number.isFinite)),
    wall: summarise(drains.map((drain) => drain.returnedAt - drain.calledAt)),
    waited: summarise(drains.map(waitedMs)),
    decisions: summarise(drains.map((drain) => drain.decisions)),
  };
}

/** Prints the latencies, then where the time inside the lock goes (per step, and for the slowest 1% of drains). */
export function printDrains(label: string, drains: DrainTiming[]): DrainSummary {
  const summary = summariseDrains(drains);
  log(`${label}: ${drains.length} drains that assigned, ${drains.reduce((n, d) => n + d.decisions, 0)} decisions`);
  log(`  ${latencyLine('decision (lock held → commit)', summary.held)}`);
  log(`  ${latencyLine('drain wall time (incl. pool + lock wait)', summary.wall)}`);
  log(`  ${latencyLine('waiting before the lock', summary.waited)}`);
  log(
    `  decisions per drain: p50 ${summary.decisions.p50}, p90 ${summary.decisions.p90}, p99 ${summary.decisions.p99}, max ${summary.decisions.max}`,
  );
  const stepped = drains.filter((drain) => drain.stepped);
  if (stepped.length === 0) {
    return summary;
  }

  const stepLine = (name: string, values: number[]) => {
    const s = summarise(values);
    return `${name} ${round(s.p50, 2)}/${round(s.p99, 2)}`;
  };
  log(
    `  per step p50/p99 ms: ${HELD_STEPS.map((step) =>
      stepLine(
        step,
        stepped.map((drain) => drain.steps[step]),
      ),
    ).join(', ')}`,
  );
  const slowest = [...stepped]
    .sort((a, b) => heldMs(b) - heldMs(a))
    .slice(0, Math.max(1, Math.ceil(stepped.length / 100)));
  for (const drain of slowest) {
    log(
      `  slow drain: ${ms(heldMs(drain))} held, ${drain.decisions} decisions: ` +
        HELD_STEPS.map((step) => `${step} ${round(drain.steps[step], 1)}`).join(', '),
    );
  }
  return summary;
}
