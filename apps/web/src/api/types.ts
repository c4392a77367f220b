// The shapes the inbox reads from the API (apps/api/src/inbox/inbox.views.ts, auth, agents, customers).

export type Channel = 'chat' | 'email' | 'sms';
export type ConversationStatus = 'bot' | 'open' | 'pending' | 'snoozed' | 'resolved';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type AuthorKind = 'customer' | 'bot' | 'agent' | 'system';
export type AgentStatus = 'online' | 'away' | 'offline';

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: 'agent' | 'supervisor' | 'admin';
  status: AgentStatus;
  skills: string[];
  channels: Channel[];
  capacity: Record<Channel, number>;
  active: boolean;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  agent: Agent;
}

export interface CustomerSummary {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface RoutingFields {
  triage: {
    topic: string | null;
    topicConfidence: number | null;
    sentiment: string | null;
    language: string | null;
    priorityReasons?: string[];
  };
  routing: { teamId: string | null; policyVersion: number | null; rule: string | null; routedAt: string | null };
  sla: {
    policyId: string | null;
    firstResponseDueAt: string | null;
    nextResponseDueAt: string | null;
    resolutionDueAt: string | null;
  };
}

export interface InboxItem extends RoutingFields {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  topicTags: string[];
  teamId: string | null;
  assigneeId: string | null;
  subject: string | null;
  customer: CustomerSummary;
  lastMessage: { body: string; authorKind: AuthorKind; createdAt: string } | null;
  lastActivityAt: string;
  createdAt: string;
  firstResponseAt: string | null;
  waitingSince: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}

export interface Citation {
  articleId: string;
  title: string;
  snippet: string;
  anchor?: string;
}

export interface HistoryMessage {
  id: string;
  conversationId: string;
  channel: Channel;
  direction: 'inbound' | 'outbound';
  authorKind: AuthorKind;
  authorAgentId: string | null;
  body: string;
  citations: Citation[];
  confidence: number | null;
  deliveryStatus: string;
  deliveryFailureReason: string | null;
  senderAddress: string | null;
  subject: string | null;
  createdAt: string;
}

export interface ConversationEvent {
  id: string;
  conversationId: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface Conversation extends RoutingFields {
  id: string;
  customerId: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  topicTags: string[];
  subject: string | null;
  teamId: string | null;
  assigneeId: string | null;
  botTurns: number;
  waitingSince: string | null;
  snoozedUntil: string | null;
  lastActivityAt: string;
  createdAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
}

export interface CustomerDetail extends CustomerSummary {
  attributes: Record<string, unknown>;
  createdAt: string;
  identities: { channel: Channel; address: string; verified: boolean; createdAt: string }[];
}

export interface ConversationDetail {
  conversation: Conversation;
  customer: CustomerDetail;
  history: {
    conversations: {
      id: string;
      channel: Channel;
      status: ConversationStatus;
      subject: string | null;
      createdAt: string;
    }[];
    messages: HistoryMessage[];
    events: ConversationEvent[];
  };
}

export interface DirectoryAgent {
  id: string;
  name: string;
  status: AgentStatus;
}
