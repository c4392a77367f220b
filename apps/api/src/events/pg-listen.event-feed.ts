import { FanOut } from '../streams/fan-out';
import { PgListener } from '../../../../core/platform/listen/pg-listener';
import { EVENT_CHANNEL, EventFeed, parseEventNotice, type EventNotice } from './event-feed';

export interface PgListenEventFeedOptions {
  connectionString: string;
  /** Shown in pg_stat_activity; default threadline-event-feed. */
  applicationName?: string;
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  logger?: { warn(message: string): void };
}

/** EventFeed over PostgreSQL LISTEN: a notice wakes only the streams of the tenant it names. */
export class PgListenEventFeed extends EventFeed {
  private readonly fanOut = new FanOut();
  private readonly listener: PgListener<EventNotice>;

  constructor(options: PgListenEventFeedOptions) {
    super();
    this.listener = new PgListener({
      ...options,
      applicationName: options.applicationName ?? 'threadline-event-feed',
      description: 'Event feed',
      channel: EVENT_CHANNEL,
      parse: parseEventNotice,
      onNotice: (notice) => this.fanOut.publish(notice.tenantId),
      onListening: () => this.fanOut.wakeAll(),
    });
  }

  subscribe(tenantId: string, listener: () => void): () => void {
    return this.fanOut.subscribe(tenantId, listener);
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  get listening(): boolean {
    return this.listener.listening;
  }

  close(): Promise<void> {
    return this.listener.close();
  }
}
