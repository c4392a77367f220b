import type { ActivityTiming, ActivityTimingSink } from '../../apps/worker/src/activity-interceptor/activity-timing';
import { round, summarise, type LatencySummary } from './latency-stats';
import { latencyLine, log } from './report';

/**
 * The worker's per-attempt activity timings (ConversationWorkerOptions.activityTimings), kept while recording is on,
 * so a long run does not grow the heap it measures.
 */
export class ActivityTimings implements ActivityTimingSink {
  private readonly timings: ActivityTiming[] = [];
  private recording: boolean;

  constructor({ recording = true } = {}) {
    this.recording = recording;
  }

  record(timing: ActivityTiming): void {
    if (this.recording) {
      this.timings.push(timing);
    }
  }

  /** Records the attempts `work` makes (and any others meanwhile), and stops afterwards. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.recording = true;
    try {
      return await work();
    } finally {
      this.recording = false;
    }
  }

  /** Durations of the completed attempts per activity type, slowest total first. */
  completedByType(): Map<string, LatencySummary> {
    const byType = new Map<string, number[]>();
    for (const timing of this.timings) {
      if (timing.outcome === 'completed') {
        byType.set(timing.activityType, [...(byType.get(timing.activityType) ?? []), timing.durationMs]);
      }
    }
    const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
    return new Map(
      [...byType.entries()]
        .sort(([, a], [, b]) => total(b) - total(a))
        .map(([type, values]) => [type, summarise(values)]),
    );
  }

  /** Attempts that did not complete, per outcome. */
  failures(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { outcome } of this.timings) {
      if (outcome !== 'completed') {
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      }
    }
    return counts;
  }

  /** Prints one line per activity type and the failed attempts; returns p50/p99 per type for the JSON summary. */
  print(): Record<string, { p50: number; p99: number; n: number }> {
    const summary: Record<string, { p50: number; p99: number; n: number }> = {};
    for (const [type, latency] of this.completedByType()) {
      log(`  ${latencyLine(type, latency)}`);
      summary[type] = { p50: round(latency.p50, 2), p99: round(latency.p99, 2), n: latency.count };
    }
    const failed = Object.entries(this.failures());
    log(`  attempts that did not complete: ${failed.map(([outcome, n]) => `${outcome} ${n}`).join(', ') || 'none'}`);
    return summary;
  }
}
