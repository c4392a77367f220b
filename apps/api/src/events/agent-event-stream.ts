import type { Response } from 'express';
import type {
  ConversationEventFeedRepository,
  EventStreamPosition,
  FeedEvent,
} from '../../../../core/db/repositories/conversation-event-feed.repository';
import type { CursorPosition } from '../../../../core/messaging/stream-cursor';
import { CursorStream } from '../http/cursor-stream';
import { toEventView } from '../inbox/inbox.views';
import type { EventFeed } from './event-feed';

export interface AgentEventStreamOptions {
  tenantId: string;
  /** The hash of the bearer token that opened the stream; the stream ends when it stops authenticating. */
  tokenHash: string;
  /** null: every type. */
  types: readonly string[] | null;
  /** Send events with id greater than this. */
  startAfter: string;
  response: Response;
  events: ConversationEventFeedRepository;
  feed: EventFeed;
  onError: (error: unknown) => void;
}

type EventStreamKey = Omit<EventStreamPosition, keyof CursorPosition>;

/**
 * One agent's live stream of their tenant's conversation events: `id: <event id>`, `event: <type>`, data as
 * toEventView.
 */
export class AgentEventStream extends CursorStream<FeedEvent, EventStreamKey> {
  readonly tokenHash: string;

  constructor({ tenantId, tokenHash, types, startAfter, response, events, feed, onError }: AgentEventStreamOptions) {
    super({
      key: { tenantId, types },
      response,
      startAfter,
      readPage: (after, limit) => events.listForTenantAfter(tenantId, after, types, limit),
      idOf: (event) => event.id,
      toEvent: (event) => ({ event: event.type, data: JSON.stringify(toEventView(event)) }),
      subscribe: (wake) => feed.subscribe(tenantId, wake),
      onError,
    });
    this.tokenHash = tokenHash;
  }
}
