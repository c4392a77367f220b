import type { MessageEntity } from '../../../../core/conversations/message.entity';
import type { MessageRepository, StreamPosition } from '../../../../core/conversations/message.repository';
import type { MessageFeed } from '../streams/message-feed';
import { CursorStream, type StreamKey, type StreamStartOptions } from '../http/cursor-stream';
import type { Visitor } from './visitor';
import { toWidgetMessage } from './widget.views';

export interface MessageStreamOptions extends StreamStartOptions {
  visitor: Visitor;
  /** When the access token that opened the stream expires; the stream ends at the first credential check after. */
  tokenExpiresAt: Date;
  messages: MessageRepository;
  feed: MessageFeed;
}

/**
 * One visitor's live stream of their messages in every conversation: `id: <seq>`, `event: message`, data a
 * WidgetMessageView.
 */
export class MessageStream extends CursorStream<MessageEntity, StreamKey<StreamPosition>> {
  readonly visitor: Visitor;
  readonly tokenExpiresAt: Date;

  constructor({ visitor, tokenExpiresAt, response, messages, feed, startAfter, onError }: MessageStreamOptions) {
    const { tenantId, customerId } = visitor;
    super({
      key: { tenantId, customerId },
      response,
      startAfter,
      readPage: (after, limit) => messages.listForCustomerAfter(tenantId, customerId, after, limit),
      idOf: (message) => message.seq,
      toEvent: (message) => ({ event: 'message', data: JSON.stringify(toWidgetMessage(message)) }),
      subscribe: (wake) => feed.subscribe(tenantId, customerId, wake),
      onError,
    });
    this.visitor = visitor;
    this.tokenExpiresAt = tokenExpiresAt;
  }
}
