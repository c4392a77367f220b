import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { MessageRepository, type StreamPosition } from '../../../../core/conversations/message.repository';
import { MessageFeed } from '../streams/message-feed';
import { APP_CONFIG } from '../core/tokens';
import { checkedLastEventId } from '../http/cursor-stream';
import { FeedStreamsService } from '../streams/feed-streams.service';
import { MessageStream } from './message-stream';
import type { Visitor } from './visitor';
import { VisitorSessionRepository } from './visitor-session.repository';

/** Who opens a stream: the visitor and the expiry of the access token they opened it with. */
export interface StreamCredentials {
  visitor: Visitor;
  tokenExpiresAt: Date;
}

/**
 * Opens visitors' live message streams, and owns the message feed's lifetime and the streams' safety-net poll. A
 * stream ends at the first credential check (STREAM_CREDENTIAL_CHECK_MS) after its access token expired or its
 * session was revoked; the widget then reconnects with a refreshed token. A visitor has at most
 * MAX_STREAMS_PER_VISITOR open.
 */
@Injectable()
export class WidgetStreamService extends FeedStreamsService<MessageStream, StreamPosition> {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly messages: MessageRepository,
    private readonly feed: MessageFeed,
    private readonly sessions: VisitorSessionRepository,
  ) {
    super(feed, {
      pollMs: config.widget.streamPollMs,
      findDue: (positions) => messages.positionsWithUnsent(positions),
      logger: new Logger('WidgetStream'),
      cap: {
        max: config.accounts.maxStreamsPerVisitor,
        ownerOf: ({ visitor }) => `${visitor.tenantId}:${visitor.customerId}`,
        what: 'visitor',
      },
      credentialCheckMs: config.accounts.streamCredentialCheckMs,
    });
  }

  /**
   * Streams the visitor's messages: after Last-Event-ID if the browser is reconnecting, else after `?after=`,
   * else only messages stored from now on.
   */
  async open(
    { visitor, tokenExpiresAt }: StreamCredentials,
    response: Response,
    lastEventId: string | undefined,
    after: string | undefined,
  ) {
    const startAfter =
      checkedLastEventId(lastEventId, 'a message seq') ??
      after ??
      (await this.messages.maxSeqForCustomer(visitor.tenantId, visitor.customerId));
    this.streams.add(
      new MessageStream({
        visitor,
        tokenExpiresAt,
        response,
        messages: this.messages,
        feed: this.feed,
        startAfter,
        onError: this.streams.readFailed,
      }),
    );
  }

  /** The streams whose access token expired or whose session was revoked or ended. */
  protected async findLapsed(streams: MessageStream[]): Promise<MessageStream[]> {
    const now = Date.now();
    const unexpired = streams.filter((stream) => stream.tokenExpiresAt.getTime() > now);
    const live = await this.sessions.liveAmong([...new Set(unexpired.map((stream) => stream.visitor.sessionId))]);
    return streams.filter((stream) => stream.tokenExpiresAt.getTime() <= now || !live.has(stream.visitor.sessionId));
  }
}
