import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from '../../../../core/config/app-config';
import { MessageRepository, type StreamPosition } from '../../../../core/db/repositories/message.repository';
import { MessageFeed } from '../../../../core/messaging/message-feed';
import { APP_CONFIG } from '../core/tokens';
import { checkedLastEventId } from '../http/cursor-stream';
import { OpenStreams } from '../http/open-streams';
import { MessageStream } from './message-stream';
import type { Visitor } from './visitor';

/** Opens visitors' live message streams, and owns the message feed's lifetime and the streams' safety-net poll. */
@Injectable()
export class WidgetStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly streams: OpenStreams<MessageStream, StreamPosition>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly messages: MessageRepository,
    private readonly feed: MessageFeed,
  ) {
    this.streams = new OpenStreams({
      pollMs: config.widget.streamPollMs,
      findDue: (positions) => messages.positionsWithUnsent(positions),
      logger: new Logger('WidgetStream'),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.feed.start();
    this.streams.startPolling();
  }

  async onModuleDestroy(): Promise<void> {
    this.streams.closeAll();
    await this.feed.close();
  }

  /**
   * Streams the visitor's messages: after Last-Event-ID if the browser is reconnecting, else after `?after=`,
   * else only messages stored from now on.
   */
  async open(visitor: Visitor, response: Response, lastEventId: string | undefined, after: string | undefined) {
    const startAfter =
      checkedLastEventId(lastEventId, 'a message seq') ??
      after ??
      (await this.messages.maxSeqForCustomer(visitor.tenantId, visitor.customerId));
    this.streams.add(
      new MessageStream({
        visitor,
        response,
        messages: this.messages,
        feed: this.feed,
        startAfter,
        onError: this.streams.readFailed,
      }),
    );
  }

  get openStreams(): number {
    return this.streams.size;
  }
}
