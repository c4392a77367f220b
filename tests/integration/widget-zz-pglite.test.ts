import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../../scripts/embedded/embedded-postgres';
import { migrateDatabase } from '../../scripts/ensure-database';
import { loadConfig } from '../../core/config/app-config';
import { createDataSource } from '../../core/db/data-source';
import { connectTemporalClient } from '../../core/temporal/temporal-client';
import { createApiApp } from '../../apps/api/src/create-app';
import { MessageRepository } from '../../core/db/repositories/message.repository';
import { ConversationOpener } from '../../core/messaging/conversation-opener';
import { testRuntime } from '../support/test-runtime';
import { httpClient } from '../support/http-client';
import { aTenant } from '../support/factories';
import { SseConnection } from '../support/sse-client';
import { aClientMessageId, aVisitor } from '../support/widget-visitor';

it('pglite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgl-'));
  const pg = await startEmbeddedPostgres(dir);
  try {
    let t = Date.now();
    await migrateDatabase(pg.url);
    console.log('migrated', Date.now() - t);
    const rt = testRuntime();
    const config = loadConfig({ DATABASE_URL: pg.url, TEMPORAL_ADDRESS: rt.temporalAddress, VISITOR_TOKEN_SECRET: randomBytes(8).toString('hex'), STREAM_POLL_MS: '200', TEMPORAL_TASK_QUEUE: 'pgl-test' });
    const dataSource = await createDataSource({ url: config.databaseUrl }).initialize();
    const temporal = await connectTemporalClient(config.temporal);
    const app = await createApiApp({ config, dataSource, temporal });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const http = httpClient(url);
    const tenant = await aTenant(dataSource);
    const v = await aVisitor(http, tenant.widgetKey);
    const burst = await Promise.all([1, 2, 3].map(() => http.post('/widget/messages', { token: v.token, body: { clientMessageId: aClientMessageId(), body: 'x' } })));
    console.log('burst', burst.map((r) => `${r.status} ${r.body.conversationId}`));
    const conv = await new ConversationOpener(dataSource).openFor(tenant.id, v.customerId, 'chat');
    const s = await SseConnection.open(`${url}/widget/stream?token=${encodeURIComponent(v.token)}`);
    t = Date.now();
    const { message } = await new MessageRepository(dataSource).record(tenant.id, { conversationId: conv.id, customerId: v.customerId, direction: 'outbound', authorKind: 'bot', channel: 'chat', body: 'hi', externalId: 'x1', deliveryStatus: 'sent' });
    await s.waitForMessage(message.id);
    console.log('delivered in', Date.now() - t);
    s.close();
    await app.close();
    await dataSource.destroy();
    await temporal.connection.close();
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
