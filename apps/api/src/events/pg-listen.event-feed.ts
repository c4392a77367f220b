import { PgListenFeed, type PgListenFeedOptions } from '../streams/pg-listen.feed';
import { EVENT_CHANNEL, parseEventNotice, type EventFeed, type EventNotice } from './event-feed';

/** EventFeed over PostgreSQL LISTEN: a notice wakes only the streams of the tenant it names. */
export class PgListenEventFeed extends PgListenFeed<EventNotice> implements EventFeed {
  constructor(options: PgListenFeedOptions) {
    super(
      {
        channel: EVENT_CHANNEL,
        parse: parseEventNotice,
        keyOf: (notice) => notice.tenantId,
        defaultApplicationName: 'threadline-event-feed',
        description: 'Event feed',
      },
      options,
    );
  }

  subscribe(tenantId: string, listener: () => void): () => void {
    return this.subscribeTo(tenantId, listener);
  }
}
