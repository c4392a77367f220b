import type { BenchSettings } from './bench-settings';
import { closedLoop, type PhaseResult } from './load-phases';
import { latencyLine, log, resourceLine } from './report';
import type { ResourceMeter, ResourceUse } from './resource-meter';
import type { WidgetVisitor } from './widget-visitor';

/** A step that delivers less than this share of the best one so far is past saturation: the ramp stops there. */
const SATURATED = 0.85;

export interface RampResult {
  steps: PhaseResult[];
  best: PhaseResult;
  /** Resource use per message during the best step. */
  bestUse: ResourceUse;
}

/** Runs the closed loop with more and more of `visitors`, printing each step, and returns the best one. */
export async function rampClosedLoop(
  visitors: WidgetVisitor[],
  questions: string[],
  settings: BenchSettings['closedLoop'],
  meter: ResourceMeter,
): Promise<RampResult> {
  const steps: PhaseResult[] = [];
  let best: { result: PhaseResult; use: ResourceUse } | undefined;
  for (const count of settings.steps) {
    const before = meter.sample();
    const result = await closedLoop(visitors.slice(0, count), questions, settings.warmupMs, settings.measureMs);
    const use = meter.between(before, meter.sample(), result.total);
    steps.push(result);
    const errors = `errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}`;
    log(
      `${String(count).padStart(3)} visitors: ${result.throughput.toFixed(1)} msgs/s; ${latencyLine('reply', result.reply)}; ${errors}`,
    );
    log(`               ${latencyLine('accept (202)', result.accept)}`);
    log(`               ${latencyLine('echo (own message on the stream)', result.echo)}`);
    log(`               ${resourceLine(use)}`);
    if (!best || result.throughput > best.result.throughput) {
      best = { result, use };
    } else if (result.throughput < best.result.throughput * SATURATED) {
      log('               (past saturation: stopping the ramp)');
      break;
    }
  }
  if (!best) {
    throw new Error('BENCH_VISITOR_STEPS names no step');
  }
  return { steps, best: best.result, bestUse: best.use };
}
