import type { Channel } from '../../core/channels/channel';
import type { AssignmentActivities } from '../../activities/assignment.activities';
import type { ConversationActivities } from '../../activities/conversation.activities';
import type { RoutingActivities } from '../../activities/routing.activities';
import type { ConversationSettings, ConversationState } from '../conversation.definitions';
import type { conversationRouting } from '../conversation-routing';
import type { DeliveryActivities } from '../../activities/delivery.activities';

export interface ConversationRef {
  tenantId: string;
  conversationId: string;
  customerId: string;
  channel: Channel;
}

/** The steps (local activities) the conversation modules call; unit tests pass fakes. */
export interface ConversationSteps {
  conversation: Pick<
    ConversationActivities,
    'takeBotTurn' | 'recordCustomerMessage' | 'escalate' | 'recordAgentReply' | 'changeStatus'
  >;
  assignment: Pick<
    AssignmentActivities,
    'drainAssignmentQueue' | 'assignConversation' | 'releaseAfterMissedFirstResponse' | 'reopenToQueue'
  >;
  routing: Pick<RoutingActivities, 'handleSlaBreach'>;
  delivery: Pick<DeliveryActivities, 'deliverMessage' | 'markDeliveryFailed'>;
}

/** The routing behaviour the modules use (triage, route, SLA); see conversation-routing.ts. */
export type ConversationRouting = Pick<
  ReturnType<typeof conversationRouting>,
  'enabled' | 'route' | 'triageFirst' | 'customerWroteToHuman' | 'breachSla' | 'retag'
>;

/** What every module of the conversation workflow shares: one plain state object and the means to change it. */
export interface ConversationContext {
  ref: ConversationRef;
  settings: ConversationSettings;
  /** The one state object; change it only through `apply` (or the routing closures). */
  state: ConversationState;
  steps: ConversationSteps;
  routing: ConversationRouting;
  /** Makes a transition's result the state (see conversation-state.ts `commit`). */
  apply(next: ConversationState): void;
  /** Marks the state changed, so the main loop re-evaluates its deadlines. */
  changed(): void;
  /** Runs the assignment queue, tells the other conversations, and adopts this one's assignee. */
  drainQueue(): Promise<void>;
  /** Temporal's patched() in the workflow; a fixed answer in unit tests. */
  patched(name: string): boolean;
  /** The workflow's time as an ISO string. */
  now(): string;
  /** The workflow's logger (replay-aware). */
  log: { warn(message: string, attributes?: Record<string, unknown>): void };
}
