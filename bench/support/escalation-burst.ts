import type { WidgetHttp } from './widget-http';
import { WidgetVisitor } from './widget-visitor';

export interface EscalationBurst {
  /** performance.now() just before the first message was sent, and when the last one was accepted. */
  firstSentAt: number;
  lastAcceptedAt: number;
  conversationIds: string[];
}

/** Runs `work` over every item with at most `limit` calls in flight. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/**
 * Opens one widget session per message first, then sends every message (each asks for a person, so each escalates)
 * with `concurrency` requests in flight and nothing awaited in between: the escalations are all in flight together.
 */
export async function fireEscalations(
  http: WidgetHttp,
  widgetKey: string,
  bodies: readonly string[],
  concurrency: number,
): Promise<EscalationBurst> {
  const visitors: WidgetVisitor[] = new Array(bodies.length);
  await inParallel(bodies, concurrency, async (_, index) => {
    visitors[index] = await WidgetVisitor.start(http, widgetKey, 60_000);
  });
  const conversationIds: string[] = new Array(bodies.length);
  const firstSentAt = performance.now();
  await inParallel(bodies, concurrency, async (body, index) => {
    await visitors[index].send(body);
    conversationIds[index] = visitors[index].conversationId as string;
  });
  return { firstSentAt, lastAcceptedAt: performance.now(), conversationIds };
}
