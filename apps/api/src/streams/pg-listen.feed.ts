import { PgListener } from '../../../../core/platform/listen/pg-listener';
import { FanOut } from './fan-out';

/** How the owner of a feed connects it: the same for every feed. */
export interface PgListenFeedOptions {
  connectionString: string;
  /** Shown in pg_stat_activity; each feed has its own default. */
  applicationName?: string;
  /** First reconnect delay; doubles on each failure up to maxReconnectDelayMs. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  logger?: { warn(message: string): void };
}

/** What makes one feed differ from another: its channel, its notices and who a notice wakes. */
export interface PgListenFeedDefinition<Notice> {
  channel: string;
  parse: (payload: string | undefined) => Notice | undefined;
  /** The subscription key a notice wakes (a tenant, a tenant's customer). */
  keyOf: (notice: Notice) => string;
  defaultApplicationName: string;
  /** Names the feed in its warnings, e.g. 'Message feed'. */
  description: string;
}

/**
 * A wake-up feed over PostgreSQL LISTEN: a notice wakes only the subscribers of the key it names; after a lost
 * connection is re-established, every subscriber is woken to catch up. Subclasses say how their callers name a key.
 */
export abstract class PgListenFeed<Notice> {
  private readonly fanOut = new FanOut();
  private readonly listener: PgListener<Notice>;

  protected constructor(definition: PgListenFeedDefinition<Notice>, options: PgListenFeedOptions) {
    const { channel, parse, keyOf, defaultApplicationName, description } = definition;
    this.listener = new PgListener({
      ...options,
      applicationName: options.applicationName ?? defaultApplicationName,
      description,
      channel,
      parse,
      onNotice: (notice) => this.fanOut.publish(keyOf(notice)),
      onListening: () => this.fanOut.wakeAll(),
    });
  }

  /** Resolves once the first attempt has finished; a failure is logged and retried, never thrown. */
  start(): Promise<void> {
    return this.listener.start();
  }

  get listening(): boolean {
    return this.listener.listening;
  }

  close(): Promise<void> {
    return this.listener.close();
  }

  /** Returns the function that ends the subscription. */
  protected subscribeTo(key: string, listener: () => void): () => void {
    return this.fanOut.subscribe(key, listener);
  }
}
