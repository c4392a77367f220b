import { Injectable } from '@nestjs/common';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { notFound } from '../../../../core/platform/errors/domain-error';
import { AssignmentRepository } from '../../../../core/assignment/assignment.repository';
import {
  ConversationInboxRepository,
  type InboxFilter,
} from '../../../../core/conversations/conversation-inbox.repository';
import { ConversationEventRepository } from '../../../../core/conversations/conversation-event.repository';
import { ConversationRepository } from '../../../../core/conversations/conversation.repository';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import { MessageRepository } from '../../../../core/conversations/message.repository';
import { ConversationAccessService } from './conversation-access.service';
import type { ListConversationsQuery } from './dto/list-conversations.query';
import { decodeCursor, encodeCursor } from './inbox-cursor';
import {
  toAssignmentView,
  toConversationView,
  toCustomerView,
  toEventView,
  toHistoryConversation,
  toHistoryMessage,
  toInboxItem,
  type ConversationDetailView,
  type InboxPageView,
} from './inbox.views';

export const DEFAULT_PAGE_SIZE = 25;

/** What an agent reads in the inbox: the filtered conversation list and one conversation with its customer's history. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: ConversationInboxRepository,
    private readonly conversations: ConversationRepository,
    private readonly customers: CustomerRepository,
    private readonly messages: MessageRepository,
    private readonly events: ConversationEventRepository,
    private readonly assignments: AssignmentRepository,
    private readonly access: ConversationAccessService,
  ) {}

  async list(agent: AuthenticatedAgent, query: ListConversationsQuery): Promise<InboxPageView> {
    const sort = query.sort ?? 'last_activity';
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort);
    const filter = { ...toFilter(agent, query), visibleTo: await this.access.visibility(agent) };
    const rows = await this.inbox.list(agent.tenantId, filter, { sort, limit, after });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toInboxItem),
      nextCursor: rows.length > limit && last ? encodeCursor(last.key) : null,
    };
  }

  /** The customer's history holds only the conversations the caller may see. */
  async detail(agent: AuthenticatedAgent, id: string): Promise<ConversationDetailView> {
    const { tenantId } = agent;
    const caller = await this.access.caller(agent);
    const conversation = this.access.check(caller, await this.conversations.findById(tenantId, id), id, 'read');
    const { customerId } = conversation;
    const [customer, identities, allConversations, allMessages] = await Promise.all([
      this.customers.findById(tenantId, customerId),
      this.customers.listIdentities(tenantId, customerId),
      this.conversations.listForCustomer(tenantId, customerId),
      this.messages.listForCustomer(tenantId, customerId),
    ]);
    if (!customer) {
      throw notFound('customer', customerId);
    }
    const visible = this.access.visibleIds(caller, allConversations);
    const conversations = allConversations.filter((row) => visible.has(row.id));
    const messages = allMessages.filter((message) => visible.has(message.conversationId));
    const conversationIds = conversations.map((row) => row.id);
    const [events, assignments] = await Promise.all([
      this.events.listForConversations(tenantId, conversationIds),
      this.assignments.listForConversations(tenantId, conversationIds),
    ]);
    return {
      conversation: toConversationView(conversation),
      customer: toCustomerView(customer, identities),
      history: {
        conversations: conversations.map(toHistoryConversation),
        messages: messages.map(toHistoryMessage),
        events: events.map(toEventView),
        assignments: assignments.map(toAssignmentView),
      },
    };
  }
}

function toFilter(agent: AuthenticatedAgent, query: ListConversationsQuery): InboxFilter {
  return {
    statuses: query.status,
    channels: query.channel,
    priorities: query.priority,
    assigneeId: assigneeFilter(agent, query.assignee),
    teamId: query.teamId,
    tag: query.tag,
    topics: query.topic,
    sentiments: query.sentiment,
    minTopicConfidence: query.minTopicConfidence,
    language: query.language,
  };
}

function assigneeFilter(agent: AuthenticatedAgent, assignee: string | undefined): string | null | undefined {
  switch (assignee?.toLowerCase()) {
    case undefined:
    case 'any':
      return undefined;
    case 'me':
      return agent.id;
    case 'unassigned':
      return null;
    default:
      return assignee;
  }
}
