import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from '../../../../core/config/app-config';
import { AgentTokenRepository } from '../../../../core/db/repositories/agent-token.repository';
import {
  ConversationEventFeedRepository,
  type EventStreamPosition,
} from '../../../../core/db/repositories/conversation-event-feed.repository';
import type { AuthenticatedAgent } from '../../../../core/domain/agent';
import { APP_CONFIG } from '../core/tokens';
import { checkedLastEventId } from '../http/cursor-stream';
import { OpenStreams } from '../http/open-streams';
import { AgentEventStream } from './agent-event-stream';
import { EventFeed } from './event-feed';

/** Open streams' tokens are checked again every 30 s, or every 30 polls when polling is faster (tests). */
const CREDENTIAL_CHECK_MAX_MS = 30_000;
const CREDENTIAL_CHECK_POLLS = 30;

export interface StreamStart {
  /** The Last-Event-ID header of a reconnecting client; wins over `after`. */
  lastEventId?: string;
  after?: string;
  types?: string[];
}

/**
 * Opens agents' live event streams, and owns the event feed's lifetime and the streams' safety-net poll. A stream
 * does not outlive its credentials: logging out, an expired token or a deactivated agent ends it at the next
 * credential check.
 */
@Injectable()
export class AgentEventStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AgentEventStream');
  private readonly streams: OpenStreams<AgentEventStream, EventStreamPosition>;
  private credentialTimer: NodeJS.Timeout | undefined;
  private checkingCredentials = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: ConversationEventFeedRepository,
    private readonly feed: EventFeed,
    private readonly tokens: AgentTokenRepository,
  ) {
    this.streams = new OpenStreams({
      pollMs: config.widget.streamPollMs,
      findDue: (positions) => events.positionsWithUnsent(positions),
      logger: this.logger,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.feed.start();
    this.streams.startPolling();
    const credentialCheckMs = Math.min(
      CREDENTIAL_CHECK_MAX_MS,
      CREDENTIAL_CHECK_POLLS * this.config.widget.streamPollMs,
    );
    this.credentialTimer = setInterval(() => void this.closeRevoked(), credentialCheckMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.credentialTimer);
    this.streams.closeAll();
    await this.feed.close();
  }

  /** Streams the caller's tenant's events after Last-Event-ID, else after `after`, else those stored from now on. */
  async open(agent: AuthenticatedAgent, tokenHash: string, response: Response, start: StreamStart): Promise<void> {
    const startAfter =
      checkedLastEventId(start.lastEventId, 'an event id') ??
      start.after ??
      (await this.events.maxIdForTenant(agent.tenantId));
    this.streams.add(
      new AgentEventStream({
        tenantId: agent.tenantId,
        tokenHash,
        types: start.types?.length ? [...new Set(start.types)] : null,
        startAfter,
        response,
        events: this.events,
        feed: this.feed,
        onError: this.streams.readFailed,
      }),
    );
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /** Ends the streams whose token no longer authenticates (logged out, expired, agent deactivated). */
  private async closeRevoked(): Promise<void> {
    if (this.checkingCredentials || this.streams.size === 0) {
      return;
    }
    this.checkingCredentials = true;
    try {
      const hashes = new Set(this.streams.list().map((stream) => stream.tokenHash));
      for (const hash of hashes) {
        if (!(await this.tokens.findAgentByTokenHash(hash))) {
          this.streams
            .list()
            .filter((stream) => stream.tokenHash === hash)
            .forEach((stream) => stream.close());
        }
      }
    } catch (error) {
      this.logger.warn(`Stream credential check failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      this.checkingCredentials = false;
    }
  }
}
