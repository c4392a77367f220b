import {
  MESSAGE_CHANNEL,
  parseMessageNotice,
  type MessageFeed,
  type MessageFeedListener,
  type MessageNotice,
} from './message-feed';
import { PgListenFeed, type PgListenFeedOptions } from './pg-listen.feed';

/** MessageFeed over PostgreSQL LISTEN: a notice wakes only the streams of the customer it names. */
export class PgListenMessageFeed extends PgListenFeed<MessageNotice> implements MessageFeed {
  constructor(options: PgListenFeedOptions) {
    super(
      {
        channel: MESSAGE_CHANNEL,
        parse: parseMessageNotice,
        keyOf: (notice) => customerKey(notice.tenantId, notice.customerId),
        defaultApplicationName: 'threadline-feed',
        description: 'Message feed',
      },
      options,
    );
  }

  subscribe(tenantId: string, customerId: string, listener: MessageFeedListener): () => void {
    return this.subscribeTo(customerKey(tenantId, customerId), listener);
  }
}

function customerKey(tenantId: string, customerId: string): string {
  return `${tenantId}:${customerId}`;
}
