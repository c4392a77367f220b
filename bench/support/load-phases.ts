import { summarise, type LatencySummary } from './latency-stats';
import type { WidgetVisitor } from './widget-visitor';

export interface PhaseResult {
  visitors: number;
  /** Bot replies received per second in the measured window. */
  throughput: number;
  /** Every reply received in the phase, warm-up included. */
  total: number;
  reply: LatencySummary;
  accept: LatencySummary;
  echo: LatencySummary;
  errors: number;
  firstError?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

class Questions {
  private next = 0;
  constructor(private readonly list: string[]) {}
  take(): string {
    this.next += 1;
    return this.list[this.next % this.list.length];
  }
}

/**
 * Closed loop: every visitor sends its next question as soon as the previous reply arrived. Replies completed in
 * the window after the warm-up count towards throughput; latencies are those of questions sent in that window.
 */
export async function closedLoop(
  visitors: WidgetVisitor[],
  questions: string[],
  warmupMs: number,
  measureMs: number,
): Promise<PhaseResult> {
  const pick = new Questions(questions);
  const windowStart = performance.now() + warmupMs;
  const windowEnd = windowStart + measureMs;
  const reply: number[] = [];
  const accept: number[] = [];
  const echo: number[] = [];
  let completed = 0;
  let total = 0;
  let errors = 0;
  let firstError: string | undefined;
  await Promise.all(
    visitors.map(async (visitor) => {
      while (performance.now() < windowEnd) {
        const sentAt = performance.now();
        try {
          const exchange = await visitor.ask(pick.take());
          const doneAt = performance.now();
          total += 1;
          if (doneAt >= windowStart && doneAt <= windowEnd) {
            completed += 1;
          }
          if (sentAt >= windowStart) {
            reply.push(exchange.replyMs);
            accept.push(exchange.acceptMs);
            echo.push(exchange.echoMs);
          }
        } catch (error) {
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
          await sleep(100);
        }
      }
    }),
  );
  return {
    visitors: visitors.length,
    throughput: completed / (measureMs / 1000),
    total,
    reply: summarise(reply),
    accept: summarise(accept),
    echo: summarise(echo),
    errors,
    firstError,
  };
}

export interface OpenLoopResult extends PhaseResult {
  offeredRate: number;
  /** From the scheduled arrival (so time spent waiting for a free visitor counts) to the reply. */
  sojourn: LatencySummary;
  /** Arrivals that found every visitor busy and waited for one. */
  queued: number;
}

/**
 * Open loop: questions arrive at a fixed rate whatever the replies do. Each goes to an idle visitor (one question
 * in flight per visitor, so replies stay matched); with none idle it waits, and that wait counts in its latency.
 */
export async function openLoop(
  pool: WidgetVisitor[],
  questions: string[],
  rate: number,
  durationMs: number,
): Promise<OpenLoopResult> {
  const pick = new Questions(questions);
  const idle = [...pool];
  const backlog: number[] = [];
  const reply: number[] = [];
  const accept: number[] = [];
  const echo: number[] = [];
  const sojourn: number[] = [];
  const running: Promise<void>[] = [];
  let errors = 0;
  let queued = 0;
  let firstError: string | undefined;

  const serve = async (visitor: WidgetVisitor, arrivedAt: number): Promise<void> => {
    for (let at: number | undefined = arrivedAt; at !== undefined; at = backlog.shift()) {
      try {
        const exchange = await visitor.ask(pick.take());
        reply.push(exchange.replyMs);
        accept.push(exchange.acceptMs);
        echo.push(exchange.echoMs);
        sojourn.push(performance.now() - at);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
    idle.push(visitor);
  };

  const start = performance.now();
  const arrivals = Math.max(1, Math.round((rate * durationMs) / 1000));
  for (let i = 0; i < arrivals; i += 1) {
    const at = start + (i * 1000) / rate;
    await sleep(at - performance.now());
    const visitor = idle.pop();
    if (visitor) {
      running.push(serve(visitor, at));
    } else {
      queued += 1;
      backlog.push(at);
    }
  }
  const sentFor = performance.now() - start;
  await Promise.all(running);
  return {
    visitors: pool.length,
    offeredRate: rate,
    throughput: reply.length / (Math.max(sentFor, performance.now() - start) / 1000),
    total: reply.length,
    reply: summarise(reply),
    accept: summarise(accept),
    echo: summarise(echo),
    sojourn: summarise(sojourn),
    queued,
    errors,
    firstError,
  };
}
