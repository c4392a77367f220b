import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { seesEveryConversation, type PermissionCaller } from '../../../../core/auth/conversation-permissions';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { AgentTokenRepository } from '../../../../core/auth/agent-token.repository';
import {
  ConversationEventFeedRepository,
  type EventStreamPosition,
} from '../../../../core/conversations/conversation-event-feed.repository';
import { TeamMembershipRepository } from '../../../../core/agents/team-membership.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { APP_CONFIG } from '../core/tokens';
import { checkedLastEventId } from '../http/cursor-stream';
import { FeedStreamsService } from '../streams/feed-streams.service';
import { AgentEventStream } from './agent-event-stream';
import { EventFeed } from './event-feed';

export interface StreamStart {
  /** The Last-Event-ID header of a reconnecting client; wins over `after`. */
  lastEventId?: string;
  after?: string;
  types?: string[];
}

/**
 * Opens agents' live event streams, and owns the event feed's lifetime and the streams' safety-net poll. A stream
 * does not outlive its credentials: logging out, an expired token, a password change or a deactivated agent ends it
 * at the next credential check (STREAM_CREDENTIAL_CHECK_MS). An agent has at most MAX_STREAMS_PER_AGENT open.
 *
 * An agent-role caller receives only the events of conversations they may see (core/auth/conversation-permissions):
 * each page of events carries its conversations' team and assignee, and the caller's teams are loaded when the
 * stream opens and refreshed, with their role, at every credential check. Supervisors and admins receive them all.
 */
@Injectable()
export class AgentEventStreamService extends FeedStreamsService<AgentEventStream, EventStreamPosition> {
  private readonly logger = new Logger('AgentEventStream');

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly events: ConversationEventFeedRepository,
    private readonly feed: EventFeed,
    private readonly tokens: AgentTokenRepository,
    private readonly memberships: TeamMembershipRepository,
  ) {
    super(feed, {
      pollMs: config.widget.streamPollMs,
      findDue: (positions) => events.positionsWithUnsent(positions),
      logger: new Logger('AgentEventStream'),
      cap: { max: config.accounts.maxStreamsPerAgent, ownerOf: (stream) => stream.agentId, what: 'agent' },
      credentialCheckMs: config.accounts.streamCredentialCheckMs,
    });
  }

  /** Streams the caller's tenant's events after Last-Event-ID, else after `after`, else those stored from now on. */
  async open(agent: AuthenticatedAgent, tokenHash: string, response: Response, start: StreamStart): Promise<void> {
    const startAfter =
      checkedLastEventId(start.lastEventId, 'an event id') ??
      start.after ??
      (await this.events.maxIdForTenant(agent.tenantId));
    const [viewer] = await this.viewers(agent.tenantId, [agent]);
    this.streams.add(
      new AgentEventStream({
        tenantId: agent.tenantId,
        viewer,
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

  /**
   * The streams whose token no longer authenticates (logged out, expired, revoked, agent deactivated). The others'
   * viewers are refreshed from the same lookup (a changed role) and one team query per tenant (changed teams).
   */
  protected async findLapsed(streams: AgentEventStream[]): Promise<AgentEventStream[]> {
    const agents = new Map<string, AuthenticatedAgent | undefined>();
    for (const hash of new Set(streams.map((stream) => stream.tokenHash))) {
      agents.set(hash, await this.tokens.findAgentByTokenHash(hash));
    }
    const live = streams.filter((stream) => agents.get(stream.tokenHash));
    try {
      await this.refreshViewers(live, agents);
    } catch (error) {
      // The streams keep their viewers until the next check; ending lapsed streams does not wait on this.
      this.logger.warn(`Stream viewer refresh failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return streams.filter((stream) => !agents.get(stream.tokenHash));
  }

  private async refreshViewers(
    streams: AgentEventStream[],
    agents: Map<string, AuthenticatedAgent | undefined>,
  ): Promise<void> {
    const byTenant = new Map<string, Map<string, AuthenticatedAgent>>();
    for (const stream of streams) {
      const agent = agents.get(stream.tokenHash)!;
      byTenant.set(agent.tenantId, (byTenant.get(agent.tenantId) ?? new Map()).set(agent.id, agent));
    }
    const viewers = new Map<string, PermissionCaller>();
    for (const [tenantId, tenantAgents] of byTenant) {
      (await this.viewers(tenantId, [...tenantAgents.values()])).forEach((viewer) => viewers.set(viewer.id, viewer));
    }
    streams.forEach((stream) => {
      stream.viewer = viewers.get(agents.get(stream.tokenHash)!.id) ?? stream.viewer;
    });
  }

  /** The permission callers of these agents of one tenant: one team query for those of the agent role. */
  private async viewers(tenantId: string, agents: readonly AuthenticatedAgent[]): Promise<PermissionCaller[]> {
    const restricted = agents.filter((agent) => !seesEveryConversation(agent)).map((agent) => agent.id);
    const teams = await this.memberships.teamIdsByAgent(tenantId, restricted);
    return agents.map((agent) => ({ id: agent.id, role: agent.role, teamIds: teams.get(agent.id) ?? [] }));
  }
}
