import { Client } from 'pg';
import { MESSAGE_CHANNEL, MessageFeed, parseMessageNotice, type MessageFeedListener } from './message-feed';
import { MessageFanOut } from './message-fan-out';

export interface PgListenMessageFeedOptions {
  connectionString: string;
  /** Shown in pg_stat_activity; default threadline-feed. */
  applicationName?: string;
  /** First reconnect delay; doubles on each failure up to maxReconnectDelayMs. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  logger?: { warn(message: string): void };
}

/**
 * MessageFeed over PostgreSQL LISTEN on one dedicated connection (a pooled connection cannot hold a LISTEN).
 * A lost connection is re-established with backoff, after which every subscriber is woken to catch up.
 */
export class PgListenMessageFeed extends MessageFeed {
  private readonly fanOut = new MessageFanOut();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(private readonly options: PgListenMessageFeedOptions) {
    super();
  }

  subscribe(tenantId: string, customerId: string, listener: MessageFeedListener): () => void {
    return this.fanOut.subscribe(tenantId, customerId, listener);
  }

  /** Resolves once the first attempt has finished; a failure is logged and retried, never thrown. */
  start(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName ?? 'threadline-feed',
      connectionTimeoutMillis: 10_000,
    });
    let failed = false;
    const fail = (error: unknown) => {
      if (failed || this.closed) {
        return;
      }
      failed = true;
      if (this.client === client) {
        this.client = undefined;
      }
      client.end().catch(() => undefined);
      this.scheduleReconnect(error);
    };
    client.on('error', fail);
    client.on('end', () => fail(new Error('connection closed')));
    client.on('notification', ({ channel, payload }) => {
      const notice = channel === MESSAGE_CHANNEL ? parseMessageNotice(payload) : undefined;
      if (notice) {
        this.fanOut.publish(notice);
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${MESSAGE_CHANNEL}`);
    } catch (error) {
      fail(error);
      return;
    }
    if (this.closed || failed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.fanOut.wakeAll();
  }

  private scheduleReconnect(error: unknown): void {
    const base = this.options.reconnectDelayMs ?? 500;
    const delay = Math.min(base * 2 ** this.failures, this.options.maxReconnectDelayMs ?? 30_000);
    this.failures += 1;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.logger?.warn(`Message feed lost PostgreSQL LISTEN (${reason}); reconnecting in ${delay} ms`);
    this.retryTimer = setTimeout(() => {
      this.connecting = this.connect();
    }, delay);
  }
}
