import { canSee, type PermissionCaller } from '../../../../core/auth/conversation-permissions';
import type {
  ConversationEventFeedRepository,
  EventStreamPosition,
  HeldFeedEvent,
} from '../../../../core/conversations/conversation-event-feed.repository';
import { CursorStream, type StreamKey, type StreamStartOptions } from '../http/cursor-stream';
import { toEventView } from '../inbox/inbox.views';
import type { EventFeed } from './event-feed';

export interface AgentEventStreamOptions extends StreamStartOptions {
  tenantId: string;
  /** Who reads the stream (role and teams): they receive only the events of conversations they may see. */
  viewer: PermissionCaller;
  /** The hash of the bearer token that opened the stream; the stream ends when it stops authenticating. */
  tokenHash: string;
  /** null: every type. */
  types: readonly string[] | null;
  events: ConversationEventFeedRepository;
  feed: EventFeed;
}

/**
 * One agent's live stream of their tenant's conversation events: `id: <event id>`, `event: <type>`, data as
 * toEventView. An event of a conversation the viewer may not see (canSee, on the conversation's team and assignee
 * when the event is read) is passed over.
 */
export class AgentEventStream extends CursorStream<HeldFeedEvent, StreamKey<EventStreamPosition>> {
  readonly tokenHash: string;
  private readonly seen: { viewer: PermissionCaller };

  constructor({
    tenantId,
    viewer,
    tokenHash,
    types,
    startAfter,
    response,
    events,
    feed,
    onError,
  }: AgentEventStreamOptions) {
    const seen = { viewer };
    super({
      key: { tenantId, types },
      response,
      startAfter,
      readPage: (after, limit) => events.listForTenantAfter(tenantId, after, types, limit),
      idOf: (event) => event.id,
      toEvent: (event) => ({ event: event.type, data: JSON.stringify(toEventView(event)) }),
      include: (event) => canSee(seen.viewer, event.holding),
      subscribe: (wake) => feed.subscribe(tenantId, wake),
      onError,
    });
    this.seen = seen;
    this.tokenHash = tokenHash;
  }

  /** Whose stream this is: the per-agent cap counts by it. */
  get agentId(): string {
    return this.seen.viewer.id;
  }

  get viewer(): PermissionCaller {
    return this.seen.viewer;
  }

  /** The viewer's role and teams as they are now (the credential re-check refreshes them); applies to later events. */
  set viewer(viewer: PermissionCaller) {
    this.seen.viewer = viewer;
  }
}
