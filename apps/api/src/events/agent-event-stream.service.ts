import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from '../../../../core/config/app-config';
import { AgentTokenRepository } from '../../../../core/db/repositories/agent-token.repository';
import { ConversationEventFeedRepository } from '../../../../core/db/repositories/conversation-event-feed.repository';
import type { AuthenticatedAgent } from '../../../../core/domain/agent';
import { DomainError } from '../../../../core/domain/domain-error';
import { APP_CONFIG } from '../core/tokens';
import { AgentEventStream } from './agent-event-stream';
import { EventFeed } from './event-feed';

const HEARTBEAT_MS = 15_000;
/** Open streams' tokens are checked again every 30 s, or every 30 polls when polling is faster (tests). */
const CREDENTIAL_CHECK_MAX_MS = 30_000;
const CREDENTIAL_CHECK_POLLS = 30;
const EVENT_ID = /^\d{1,18}$/;

export interface StreamStart {
  /** The Last-Event-ID header of a reconnecting client; wins over `after`. */
  lastEventId?: string;
  after?: string;
  types?: string[];
}

/**
 * Opens agents' live event streams and owns the event feed's lifetime. The safety-net poll (for notifications lost
 * while the feed reconnects, or never sent across connections under embedded PGlite) is one query every
 * STREAM_POLL_MS for all of this process's streams. A stream does not outlive its credentials: logging out, an
 * expired token or a deactivated agent ends it at the next credential check.
 */
@Injectable()
export class AgentEventStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AgentEventStream');
  private readonly streams = new Set<AgentEventStream>();
  private readonly timers: NodeJS.Timeout[] = [];
  private polling = false;
  private checkingCredentials = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: ConversationEventFeedRepository,
    private readonly feed: EventFeed,
    private readonly tokens: AgentTokenRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.feed.start();
    const pollMs = this.config.widget.streamPollMs;
    const credentialCheckMs = Math.min(CREDENTIAL_CHECK_MAX_MS, CREDENTIAL_CHECK_POLLS * pollMs);
    this.timers.push(setInterval(() => void this.poll(), pollMs));
    this.timers.push(setInterval(() => void this.closeRevoked(), credentialCheckMs));
  }

  /** Ends open streams (an open response would hold the HTTP server open) and stops listening. */
  async onModuleDestroy(): Promise<void> {
    this.timers.forEach(clearInterval);
    [...this.streams].forEach((stream) => stream.close());
    await this.feed.close();
  }

  /** Streams the caller's tenant's events after Last-Event-ID, else after `after`, else those stored from now on. */
  async open(agent: AuthenticatedAgent, tokenHash: string, response: Response, start: StreamStart): Promise<void> {
    if (start.lastEventId !== undefined && !EVENT_ID.test(start.lastEventId)) {
      throw new DomainError('validation_failed', 'Last-Event-ID must be an event id (digits)');
    }
    const startAfter = start.lastEventId ?? start.after ?? (await this.events.maxIdForTenant(agent.tenantId));
    const stream = new AgentEventStream({
      tenantId: agent.tenantId,
      tokenHash,
      types: start.types?.length ? [...new Set(start.types)] : null,
      startAfter,
      response,
      events: this.events,
      feed: this.feed,
      heartbeatMs: HEARTBEAT_MS,
      onError: (error) => this.logger.warn(`Stream read failed: ${error instanceof Error ? error.message : error}`),
    });
    this.streams.add(stream);
    stream.onClose(() => this.streams.delete(stream));
    stream.start();
  }

  get openStreams(): number {
    return this.streams.size;
  }

  private async poll(): Promise<void> {
    if (this.polling || this.streams.size === 0) {
      return;
    }
    this.polling = true;
    try {
      const streams = [...this.streams];
      const due = await this.events.positionsWithUnsent(streams.map((stream) => stream.position()));
      due.forEach((index) => streams[index].wake());
    } catch (error) {
      this.logger.warn(`Stream poll failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      this.polling = false;
    }
  }

  /** Ends the streams whose token no longer authenticates (logged out, expired, agent deactivated). */
  private async closeRevoked(): Promise<void> {
    if (this.checkingCredentials || this.streams.size === 0) {
      return;
    }
    this.checkingCredentials = true;
    try {
      const hashes = new Set([...this.streams].map((stream) => stream.tokenHash));
      for (const hash of hashes) {
        if (!(await this.tokens.findAgentByTokenHash(hash))) {
          [...this.streams].filter((stream) => stream.tokenHash === hash).forEach((stream) => stream.close());
        }
      }
    } catch (error) {
      this.logger.warn(`Stream credential check failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      this.checkingCredentials = false;
    }
  }
}
