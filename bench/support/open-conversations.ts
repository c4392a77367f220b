import type { DataSource } from 'typeorm';
import type { WidgetHttp } from './widget-http';
import { WidgetVisitor } from './widget-visitor';

export interface OpenedConversations {
  opened: number;
  answered: number;
  seconds: number;
  stillWithBot: number;
}

/**
 * Opens `count` conversations the way visitors do (a session, then one question, no stream), and waits until the
 * bot has answered every one: each stays open, in status 'bot', its workflow waiting for the next message.
 */
export async function openConversations(options: {
  http: WidgetHttp;
  dataSource: DataSource;
  tenantId: string;
  widgetKey: string;
  questions: string[];
  count: number;
  concurrency: number;
  timeoutMs: number;
}): Promise<OpenedConversations> {
  const { http, dataSource, tenantId, count } = options;
  const [{ now }] = (await dataSource.query('SELECT now() AS now')) as { now: Date }[];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const visitor = await WidgetVisitor.start(http, options.widgetKey, options.timeoutMs);
        await visitor.send(options.questions[index % options.questions.length]);
      }
    }),
  );
  const answered = async () => {
    const rows = (await dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND author_kind = 'bot' AND created_at >= $2`,
      [tenantId, now],
    )) as { n: number }[];
    return rows[0].n;
  };
  const deadline = performance.now() + options.timeoutMs;
  let replies = await answered();
  while (replies < count && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    replies = await answered();
  }
  const [{ n: stillWithBot }] = (await dataSource.query(
    `SELECT count(*)::int AS n FROM conversations WHERE tenant_id = $1 AND status = 'bot' AND created_at >= $2`,
    [tenantId, now],
  )) as { n: number }[];
  return { opened: count, answered: replies, seconds: (performance.now() - started) / 1000, stillWithBot };
}
