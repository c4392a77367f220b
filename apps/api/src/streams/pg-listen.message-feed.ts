import { FanOut } from './fan-out';
import {
  MESSAGE_CHANNEL,
  MessageFeed,
  parseMessageNotice,
  type MessageFeedListener,
  type MessageNotice,
} from './message-feed';
import { PgListener } from '../../../../core/platform/listen/pg-listener';

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
 * MessageFeed over PostgreSQL LISTEN: a notice wakes only the streams of the customer it names; after a lost
 * connection is re-established, every subscriber is woken to catch up.
 */
export class PgListenMessageFeed extends MessageFeed {
  private readonly fanOut = new FanOut();
  private readonly listener: PgListener<MessageNotice>;

  constructor(options: PgListenMessageFeedOptions) {
    super();
    this.listener = new PgListener({
      ...options,
      applicationName: options.applicationName ?? 'threadline-feed',
      description: 'Message feed',
      channel: MESSAGE_CHANNEL,
      parse: parseMessageNotice,
      onNotice: (notice) => this.fanOut.publish(customerKey(notice.tenantId, notice.customerId)),
      onListening: () => this.fanOut.wakeAll(),
    });
  }

  subscribe(tenantId: string, customerId: string, listener: MessageFeedListener): () => void {
    return this.fanOut.subscribe(customerKey(tenantId, customerId), listener);
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
}

function customerKey(tenantId: string, customerId: string): string {
  return `${tenantId}:${customerId}`;
}
