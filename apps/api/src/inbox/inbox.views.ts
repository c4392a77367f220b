import type { Channel } from '../../../../core/channels/channel';
import type { ConversationStatus, Priority } from '../../../../core/conversations/conversation-status';
import type { AuthorKind, Citation, DeliveryStatus, MessageDirection } from '../../../../core/conversations/message';
import type { AssignmentEntity } from '../../../../core/assignment/assignment.entity';
import type { ConversationEntity } from '../../../../core/conversations/conversation.entity';
import type { CustomerEntity } from '../../../../core/customers/customer.entity';
import type { CustomerIdentityEntity } from '../../../../core/customers/customer-identity.entity';
import type { MessageEntity } from '../../../../core/conversations/message.entity';
import { stringList, type InboxRow } from '../../../../core/conversations/conversation-inbox.repository';
import type { FeedEvent } from '../../../../core/conversations/conversation-event-feed.repository';
import type { ConversationState } from '../../../../workflows/conversation.definitions';
import { toRoutingFields, type RoutingFieldsView } from './triage.views';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export interface InboxItemView extends RoutingFieldsView {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  topicTags: string[];
  teamId: string | null;
  assigneeId: string | null;
  subject: string | null;
  customer: { id: string; name: string | null; email: string | null; phone: string | null };
  /** The newest message, its body cut to 200 characters; null before the first message. */
  lastMessage: { body: string; authorKind: AuthorKind; createdAt: string } | null;
  lastActivityAt: string;
  createdAt: string;
  firstResponseAt: string | null;
  /** When the conversation joined the human queue. */
  waitingSince: string | null;
}

export interface InboxPageView {
  items: InboxItemView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const toInboxItem = (row: InboxRow): InboxItemView => ({
  id: row.id,
  channel: row.channel,
  status: row.status,
  priority: row.priority,
  topicTags: row.topicTags,
  teamId: row.teamId,
  assigneeId: row.assigneeId,
  subject: row.subject,
  customer: row.customer,
  lastMessage: row.lastMessage && { ...row.lastMessage, createdAt: row.lastMessage.createdAt.toISOString() },
  lastActivityAt: row.lastActivityAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  firstResponseAt: iso(row.firstResponseAt),
  waitingSince: iso(row.queuedAt),
  ...toRoutingFields(row, row.priorityReasons),
});

export const toConversationView = (row: ConversationEntity) => ({
  id: row.id,
  customerId: row.customerId,
  channel: row.channel,
  status: row.status,
  priority: row.priority,
  topicTags: row.topicTags,
  subject: row.subject,
  teamId: row.teamId,
  assigneeId: row.assigneeId,
  botTurns: row.botTurns,
  waitingSince: iso(row.queuedAt),
  snoozedUntil: iso(row.snoozedUntil),
  lastActivityAt: row.lastActivityAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  firstResponseAt: iso(row.firstResponseAt),
  resolvedAt: iso(row.resolvedAt),
  ...toRoutingFields(row, stringList(row.triage?.priorityReasons)),
});

export const toCustomerView = (customer: CustomerEntity, identities: CustomerIdentityEntity[]) => ({
  id: customer.id,
  name: customer.name,
  email: customer.email,
  phone: customer.phone,
  attributes: customer.attributes,
  createdAt: customer.createdAt.toISOString(),
  identities: identities.map((identity) => ({
    channel: identity.channel,
    address: identity.address,
    verified: identity.verified,
    createdAt: identity.createdAt.toISOString(),
  })),
});

export const toHistoryConversation = (row: ConversationEntity) => ({
  id: row.id,
  channel: row.channel,
  status: row.status,
  subject: row.subject,
  createdAt: row.createdAt.toISOString(),
});

export interface HistoryMessageView {
  id: string;
  conversationId: string;
  channel: Channel;
  direction: MessageDirection;
  authorKind: AuthorKind;
  authorAgentId: string | null;
  body: string;
  citations: Citation[];
  confidence: number | null;
  deliveryStatus: DeliveryStatus;
  /** Why the channel could not deliver it, in the vendor's words; null unless its status is a failure. */
  deliveryFailureReason: string | null;
  /** When the delivery status last changed; null while it is as stored. */
  deliveryStatusAt: string | null;
  /** The customer's address an inbound email or SMS came from. */
  senderAddress: string | null;
  /** The subject of an inbound email. */
  subject: string | null;
  createdAt: string;
}

export const toHistoryMessage = (message: MessageEntity): HistoryMessageView => ({
  id: message.id,
  conversationId: message.conversationId,
  channel: message.channel,
  direction: message.direction,
  authorKind: message.authorKind,
  authorAgentId: message.authorAgentId,
  body: message.body,
  citations: message.citations,
  confidence: message.confidence,
  deliveryStatus: message.deliveryStatus,
  deliveryFailureReason: message.deliveryFailureReason,
  deliveryStatusAt: message.deliveryStatusAt?.toISOString() ?? null,
  senderAddress: message.senderAddress,
  subject: message.envelope?.subject ?? null,
  createdAt: message.createdAt.toISOString(),
});

/** A conversation event as the API shows it: in a conversation's detail and on the agents' live event stream. */
export const toEventView = (event: FeedEvent) => ({
  id: event.id,
  conversationId: event.conversationId,
  type: event.type,
  actor: event.actor,
  data: event.data,
  createdAt: event.createdAt.toISOString(),
});

export const toAssignmentView = (assignment: AssignmentEntity) => ({
  id: assignment.id,
  conversationId: assignment.conversationId,
  agentId: assignment.agentId,
  assignedBy: assignment.assignedBy,
  policy: assignment.policy,
  reason: assignment.reason,
  createdAt: assignment.createdAt.toISOString(),
  endedAt: iso(assignment.endedAt),
  endReason: assignment.endReason,
});

export interface ConversationDetailView {
  conversation: ReturnType<typeof toConversationView>;
  customer: ReturnType<typeof toCustomerView>;
  /** The customer's complete history across every channel and conversation, oldest first. */
  history: {
    conversations: ReturnType<typeof toHistoryConversation>[];
    messages: HistoryMessageView[];
    events: ReturnType<typeof toEventView>[];
    assignments: ReturnType<typeof toAssignmentView>[];
  };
}

/** What an action answers: the conversation's state as the workflow left it. */
export const toActionResult = (conversationId: string, state: ConversationState) => ({
  id: conversationId,
  status: state.status,
  priority: state.priority,
  assigneeId: state.assigneeId,
  snoozedUntil: state.snoozedUntil,
  topic: state.topic ?? null,
  teamId: state.teamId ?? null,
});
