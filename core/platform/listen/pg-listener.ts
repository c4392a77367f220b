import { Client } from 'pg';

export interface PgListenerOptions<Notice> {
  connectionString: string;
  /** The NOTIFY channel to LISTEN on (a fixed identifier, never user input). */
  channel: string;
  /** Turns a payload into a notice; undefined drops a malformed one. */
  parse: (payload: string | undefined) => Notice | undefined;
  onNotice: (notice: Notice) => void;
  /** Called each time LISTEN is (re)established: notifications sent while it was down are lost, so catch up. */
  onListening: () => void;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  /** Names the listener in its warnings, e.g. 'Message feed'. */
  description: string;
  /** First reconnect delay; doubles on each failure up to maxReconnectDelayMs. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  logger?: { warn(message: string): void };
}

/**
 * PostgreSQL LISTEN on one dedicated connection (a pooled connection cannot hold a LISTEN). A lost connection is
 * re-established with backoff; onListening tells the owner when it may have missed notifications.
 */
export class PgListener<Notice> {
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(private readonly options: PgListenerOptions<Notice>) {}

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
    const { channel, parse, onNotice } = this.options;
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName,
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
    client.on('notification', (notification) => {
      const notice = notification.channel === channel ? parse(notification.payload) : undefined;
      if (notice !== undefined) {
        onNotice(notice);
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
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
    this.options.onListening();
  }

  private scheduleReconnect(error: unknown): void {
    const base = this.options.reconnectDelayMs ?? 500;
    const delay = Math.min(base * 2 ** this.failures, this.options.maxReconnectDelayMs ?? 30_000);
    this.failures += 1;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.logger?.warn(
      `${this.options.description} lost PostgreSQL LISTEN (${reason}); reconnecting in ${delay} ms`,
    );
    this.retryTimer = setTimeout(() => {
      this.connecting = this.connect();
    }, delay);
  }
}
