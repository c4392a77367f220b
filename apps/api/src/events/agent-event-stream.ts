import type { Response } from 'express';
import type {
  ConversationEventFeedRepository,
  EventStreamPosition,
  FeedEvent,
} from '../../../../core/db/repositories/conversation-event-feed.repository';
import { StreamCursor } from '../widget/stream-cursor';
import type { EventFeed } from './event-feed';
import { SseStream } from './sse-stream';

const PAGE_SIZE = 200;

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
  heartbeatMs: number;
  onError: (error: unknown) => void;
}

/** What an agent's stream sends as an event's data. */
export const toStreamedEvent = (event: FeedEvent) => ({
  id: event.id,
  conversationId: event.conversationId,
  type: event.type,
  actor: event.actor,
  data: event.data,
  createdAt: event.createdAt.toISOString(),
});

/**
 * One agent's live stream of their tenant's conversation events: `id: <event id>`, `event: <type>`, data as
 * toStreamedEvent. Event ids are taken at INSERT but become visible at COMMIT, so the cursor re-reads a short grace
 * window and skips what it already sent (see StreamCursor).
 */
export class AgentEventStream {
  private readonly cursor: StreamCursor;
  private readonly sse: SseStream;

  constructor(private readonly options: AgentEventStreamOptions) {
    this.cursor = new StreamCursor(options.startAfter);
    this.sse = new SseStream({
      response: options.response,
      heartbeatMs: options.heartbeatMs,
      subscribe: (wake) => options.feed.subscribe(options.tenantId, wake),
      read: () => this.readOnce(),
      onError: options.onError,
    });
  }

  get tokenHash(): string {
    return this.options.tokenHash;
  }

  start(): void {
    this.sse.start();
  }

  wake(): void {
    this.sse.wake();
  }

  close(): void {
    this.sse.close();
  }

  onClose(listener: () => void): void {
    this.sse.onClose(listener);
  }

  /** What a poll needs to tell whether this stream has something to send. */
  position(): EventStreamPosition {
    return { tenantId: this.options.tenantId, types: this.options.types, ...this.cursor.position() };
  }

  private async readOnce(): Promise<void> {
    const { events, tenantId, types } = this.options;
    this.cursor.settle();
    let after = this.cursor.readAfter;
    for (;;) {
      const page = await events.listForTenantAfter(tenantId, after, types, PAGE_SIZE);
      for (const event of page) {
        if (this.sse.closed) {
          return;
        }
        if (this.cursor.shouldSend(event.id)) {
          this.sse.send(event.id, event.type, JSON.stringify(toStreamedEvent(event)));
          this.cursor.markSent(event.id);
        }
      }
      if (page.length < PAGE_SIZE) {
        return;
      }
      after = page[page.length - 1].id;
    }
  }
}
