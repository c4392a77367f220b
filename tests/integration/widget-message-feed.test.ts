import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MESSAGE_CHANNEL } from '../../apps/api/src/streams/message-feed';
import { PgListenMessageFeed } from '../../apps/api/src/streams/pg-listen.message-feed';
import { eventually } from '../support/eventually';
import { testRuntime } from '../support/test-runtime';

describe('PostgreSQL LISTEN message feed', () => {
  const applicationName = `feed-test-${randomBytes(4).toString('hex')}`;
  let feed: PgListenMessageFeed;
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: testRuntime().databaseUrl });
    await db.connect();
    feed = new PgListenMessageFeed({
      connectionString: testRuntime().databaseUrl,
      applicationName,
      reconnectDelayMs: 50,
    });
    await feed.start();
  });

  afterAll(async () => {
    await feed?.close();
    await db?.end();
  });

  const notify = (tenantId: string, customerId: string) =>
    db.query('SELECT pg_notify($1, $2)', [
      MESSAGE_CHANNEL,
      JSON.stringify({ tenantId, customerId, conversationId: randomUUID(), seq: 1 }),
    ]);
  const counter = () => {
    const calls = { count: 0 };
    return { calls, listener: () => (calls.count += 1) };
  };

  it('wakes only the subscribers of the customer a notification names', async () => {
    const tenantId = randomUUID();
    const [mine, other] = [counter(), counter()];
    const stopMine = feed.subscribe(tenantId, 'customer-a', mine.listener);
    const stopOther = feed.subscribe(tenantId, 'customer-b', other.listener);

    await notify(tenantId, 'customer-a');
    await eventually(() => (mine.calls.count > 0 ? true : undefined), { what: 'a wake-up' });
    stopMine();
    stopOther();

    expect(mine.calls.count).toBe(1);
    expect(other.calls.count).toBe(0);
  });

  it('stops calling a listener once it unsubscribed', async () => {
    const tenantId = randomUUID();
    const [gone, staying] = [counter(), counter()];
    const stopGone = feed.subscribe(tenantId, 'customer', gone.listener);
    const stopStaying = feed.subscribe(tenantId, 'customer', staying.listener);
    stopGone();

    await notify(tenantId, 'customer');
    await eventually(() => (staying.calls.count > 0 ? true : undefined), { what: 'a wake-up' });
    stopStaying();

    expect(gone.calls.count).toBe(0);
  });

  it('reconnects after losing its connection, waking every subscriber to catch up', async () => {
    const tenantId = randomUUID();
    const subscriber = counter();
    const stop = feed.subscribe(tenantId, 'customer', subscriber.listener);

    const { rows } = await db.query<{ terminated: boolean }>(
      'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    await eventually(() => (subscriber.calls.count > 0 ? true : undefined), { what: 'the catch-up wake-up' });
    await eventually(() => (feed.listening ? true : undefined), { what: 'LISTEN again' });
    const afterReconnect = subscriber.calls.count;
    await notify(tenantId, 'customer');
    await eventually(() => (subscriber.calls.count > afterReconnect ? true : undefined), {
      what: 'a new notification',
    });
    stop();

    expect(rows).toEqual([{ terminated: true }]);
  });
});
