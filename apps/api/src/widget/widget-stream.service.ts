import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from '../../../../core/config/app-config';
import { MessageRepository } from '../../../../core/db/repositories/message.repository';
import { DomainError } from '../../../../core/domain/domain-error';
import { MessageFeed } from '../../../../core/messaging/message-feed';
import { APP_CONFIG } from '../core/tokens';
import { MessageStream } from './message-stream';
import type { Visitor } from './visitor';

const HEARTBEAT_MS = 15_000;

/**
 * Opens visitors' live message streams, and owns the message feed's lifetime. The safety-net poll (for
 * notifications lost while the feed reconnects) is one query every STREAM_POLL_MS for all of this process's streams,
 * waking only those with a message to send, instead of one read per stream.
 */
@Injectable()
export class WidgetStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('WidgetStream');
  private readonly streams = new Set<MessageStream>();
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly messages: MessageRepository,
    private readonly feed: MessageFeed,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.feed.start();
    this.pollTimer = setInterval(() => void this.poll(), this.config.widget.streamPollMs);
  }

  /** Ends open streams (an open response would hold the HTTP server open) and stops listening. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.pollTimer);
    [...this.streams].forEach((stream) => stream.close());
    await this.feed.close();
  }

  /**
   * Streams the visitor's messages: after Last-Event-ID if the browser is reconnecting, else after `?after=`,
   * else only messages stored from now on.
   */
  async open(visitor: Visitor, response: Response, lastEventId: string | undefined, after: string | undefined) {
    if (lastEventId !== undefined && !/^\d{1,18}$/.test(lastEventId)) {
      throw new DomainError('validation_failed', 'Last-Event-ID must be a message seq (digits)');
    }
    const startAfter =
      lastEventId ?? after ?? (await this.messages.maxSeqForCustomer(visitor.tenantId, visitor.customerId));
    const stream = new MessageStream({
      visitor,
      response,
      messages: this.messages,
      feed: this.feed,
      startAfter,
      heartbeatMs: HEARTBEAT_MS,
      onError: (error) => this.logger.warn(`Stream read failed: ${error instanceof Error ? error.message : error}`),
    });
    this.streams.add(stream);
    stream.onClose(() => this.streams.delete(stream));
    stream.start();
  }

  private async poll(): Promise<void> {
    if (this.polling || this.streams.size === 0) {
      return;
    }
    this.polling = true;
    try {
      const streams = [...this.streams];
      const due = await this.messages.positionsWithUnsent(streams.map((stream) => stream.position()));
      due.forEach((index) => streams[index].wake());
    } catch (error) {
      this.logger.warn(`Stream poll failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      this.polling = false;
    }
  }

  get openStreams(): number {
    return this.streams.size;
  }
}
