import type { DataSource, EntityManager } from 'typeorm';
import type { Channel } from '../channels/channel';
import type { ConversationStatus, Priority } from './conversation-status';
import type { AuthorKind } from './message';
import type { Sentiment, TopicEngine } from '../triage/triage.types';

export const INBOX_SORTS = ['last_activity', 'customer'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export interface InboxFilter {
  statuses?: ConversationStatus[];
  channels?: Channel[];
  priorities?: Priority[];
  /** undefined: anyone or nobody; null: nobody; a uuid: that agent. */
  assigneeId?: string | null;
  teamId?: string;
  tag?: string;
  /** Topics as their categories name them (exact match, so the (tenant, topic, last activity) index serves it). */
  topics?: string[];
  sentiments?: Sentiment[];
  /** 0..1; conversations without a topic confidence are left out. */
  minTopicConfidence?: number;
  /** ISO 639-1 code as triage stores it (lower case). */
  language?: string;
  /** Only what this agent may see (core/auth/conversation-permissions.ts); undefined: the whole tenant. */
  visibleTo?: InboxVisibility;
}

/** An agent sees their own conversations, those of their teams and those of no team. */
export interface InboxVisibility {
  agentId: string;
  teamIds: string[];
}

/** What triage, routing and the SLA policy wrote on a conversation; the same fields as ConversationEntity's. */
export interface ConversationRoutingColumns {
  topic: string | null;
  topicConfidence: number | null;
  topicEngine: TopicEngine | null;
  sentiment: Sentiment | null;
  sentimentScore: number | null;
  language: string | null;
  teamId: string | null;
  routingPolicyVersion: number | null;
  routingRule: string | null;
  routedAt: Date | null;
  requiredSkills: string[];
  optionalSkills: string[];
  slaPolicyId: string | null;
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

/**
 * Where the previous page ended. `lastActivityAt` is the full-precision (microsecond) UTC timestamp as PostgreSQL
 * prints it, never a JS Date: rounding it to milliseconds would repeat or skip rows at a page boundary.
 */
export type InboxKey =
  | { sort: 'last_activity'; lastActivityAt: string; id: string }
  | { sort: 'customer'; customerKey: string; customerId: string; lastActivityAt: string; id: string };

export interface InboxPageRequest {
  sort: InboxSort;
  limit: number;
  after?: InboxKey;
}

export interface InboxRow extends ConversationRoutingColumns {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  topicTags: string[];
  teamId: string | null;
  assigneeId: string | null;
  subject: string | null;
  customer: { id: string; name: string | null; email: string | null; phone: string | null };
  lastMessage: { body: string; authorKind: AuthorKind; createdAt: Date } | null;
  lastActivityAt: Date;
  createdAt: Date;
  firstResponseAt: Date | null;
  queuedAt: Date | null;
  /** Cues that raised the priority at triage (from the triage document); [] before triage. */
  priorityReasons: string[];
  key: InboxKey;
}

export const LAST_MESSAGE_PREVIEW_CHARS = 200;

const ACTIVITY_KEY = `to_char(c.last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** Customers are grouped alphabetically by the name an agent sees (name, else email, else phone). */
const CUSTOMER_KEY = `lower(coalesce(cu.name, cu.email, cu.phone, ''))`;

const ORDER_BY: Record<InboxSort, string> = {
  last_activity: 'c.last_activity_at DESC, c.id DESC',
  customer: `${CUSTOMER_KEY} ASC, c.customer_id ASC, c.last_activity_at DESC, c.id DESC`,
};

/** The agent inbox: one keyset-paginated query over a tenant's conversations with customer and last message. */
export class ConversationInboxRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Returns up to `page.limit + 1` rows, so the caller can tell whether another page follows. */
  async list(tenantId: string, filter: InboxFilter, page: InboxPageRequest): Promise<InboxRow[]> {
    const params: unknown[] = [tenantId];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['c.tenant_id = $1'];
    if (filter.statuses?.length) {
      where.push(`c.status = ANY(${bind(filter.statuses)}::text[])`);
    }
    if (filter.channels?.length) {
      where.push(`c.channel = ANY(${bind(filter.channels)}::text[])`);
    }
    if (filter.priorities?.length) {
      where.push(`c.priority = ANY(${bind(filter.priorities)}::text[])`);
    }
    if (filter.assigneeId === null) {
      where.push('c.assignee_id IS NULL');
    } else if (filter.assigneeId !== undefined) {
      where.push(`c.assignee_id = ${bind(filter.assigneeId)}::uuid`);
    }
    if (filter.teamId !== undefined) {
      where.push(`c.team_id = ${bind(filter.teamId)}::uuid`);
    }
    if (filter.tag !== undefined) {
      // @> rather than = ANY, so conversations_topic_tags_idx can serve a rare tag.
      where.push(`c.topic_tags @> ARRAY[${bind(filter.tag)}::text]`);
    }
    if (filter.topics?.length === 1) {
      where.push(`c.topic = ${bind(filter.topics[0])}::text`);
    } else if (filter.topics?.length) {
      where.push(`c.topic = ANY(${bind(filter.topics)}::text[])`);
    }
    if (filter.sentiments?.length) {
      where.push(`c.sentiment = ANY(${bind(filter.sentiments)}::text[])`);
    }
    if (filter.minTopicConfidence !== undefined) {
      // real, not double: 0.7 stored as real is 0.69999999 as a double and would fail ">= 0.7".
      where.push(`c.topic_confidence >= ${bind(filter.minTopicConfidence)}::real`);
    }
    if (filter.language !== undefined) {
      where.push(`c.language = ${bind(filter.language)}::text`);
    }
    if (filter.visibleTo !== undefined) {
      const { agentId, teamIds } = filter.visibleTo;
      where.push(
        `(c.assignee_id = ${bind(agentId)}::uuid OR c.team_id IS NULL OR c.team_id = ANY(${bind(teamIds)}::uuid[]))`,
      );
    }
    if (page.after) {
      where.push(afterKey(page.after, bind));
    }
    const rows: RawInboxRow[] = await this.db.query(
      `SELECT c.id, c.channel, c.status, c.priority, c.topic_tags, c.team_id, c.assignee_id, c.subject,
              c.last_activity_at, c.created_at, c.first_response_at, c.queued_at,
              c.topic, c.topic_confidence, c.topic_engine, c.sentiment, c.sentiment_score, c.language,
              c.triage -> 'priorityReasons' AS priority_reasons, c.routing_policy_version, c.routing_rule, c.routed_at,
              c.required_skills, c.optional_skills, c.sla_policy_id, c.first_response_due_at, c.next_response_due_at,
              c.resolution_due_at,
              ${ACTIVITY_KEY} AS activity_key, ${CUSTOMER_KEY} AS customer_key,
              cu.id AS customer_id, cu.name AS customer_name, cu.email AS customer_email, cu.phone AS customer_phone,
              lm.body AS last_body, lm.author_kind AS last_author_kind, lm.created_at AS last_created_at
         FROM conversations c
         JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id
         LEFT JOIN LATERAL (
           SELECT left(m.body, ${LAST_MESSAGE_PREVIEW_CHARS}) AS body, m.author_kind, m.created_at
             FROM messages m
            WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id
            ORDER BY m.seq DESC
            LIMIT 1
         ) lm ON true
        WHERE ${where.join(' AND ')}
        ORDER BY ${ORDER_BY[page.sort]}
        LIMIT ${bind(page.limit + 1)}`,
      params,
    );
    return rows.map((row) => toInboxRow(row, page.sort));
  }
}

function afterKey(key: InboxKey, bind: (value: unknown) => string): string {
  if (key.sort === 'last_activity') {
    return `(c.last_activity_at, c.id) < (${bind(key.lastActivityAt)}::timestamptz, ${bind(key.id)}::uuid)`;
  }
  const group = `(${bind(key.customerKey)}::text, ${bind(key.customerId)}::uuid)`;
  const within = `(${bind(key.lastActivityAt)}::timestamptz, ${bind(key.id)}::uuid)`;
  // The first conjunct is a range on customers_inbox_key_idx, so a later page starts at its customer instead of
  // walking every customer before it; the second drops the rows of that customer already shown.
  return `(${CUSTOMER_KEY}, cu.id) >= ${group}
          AND ((${CUSTOMER_KEY}, cu.id) > ${group} OR (c.last_activity_at, c.id) < ${within})`;
}

interface RawInboxRow {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  topic_tags: string[];
  team_id: string | null;
  assignee_id: string | null;
  subject: string | null;
  last_activity_at: Date;
  created_at: Date;
  first_response_at: Date | null;
  queued_at: Date | null;
  topic: string | null;
  topic_confidence: number | null;
  topic_engine: TopicEngine | null;
  sentiment: Sentiment | null;
  sentiment_score: number | null;
  language: string | null;
  priority_reasons: unknown;
  routing_policy_version: number | null;
  routing_rule: string | null;
  routed_at: Date | null;
  required_skills: string[];
  optional_skills: string[];
  sla_policy_id: string | null;
  first_response_due_at: Date | null;
  next_response_due_at: Date | null;
  resolution_due_at: Date | null;
  activity_key: string;
  customer_key: string;
  customer_id: string;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  last_body: string | null;
  last_author_kind: AuthorKind | null;
  last_created_at: Date | null;
}

function toInboxRow(row: RawInboxRow, sort: InboxSort): InboxRow {
  const key: InboxKey =
    sort === 'last_activity'
      ? { sort, lastActivityAt: row.activity_key, id: row.id }
      : {
          sort,
          customerKey: row.customer_key,
          customerId: row.customer_id,
          lastActivityAt: row.activity_key,
          id: row.id,
        };
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    priority: row.priority,
    topicTags: row.topic_tags,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    subject: row.subject,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email, phone: row.customer_phone },
    lastMessage:
      row.last_body !== null && row.last_author_kind !== null && row.last_created_at !== null
        ? { body: row.last_body, authorKind: row.last_author_kind, createdAt: row.last_created_at }
        : null,
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    firstResponseAt: row.first_response_at,
    queuedAt: row.queued_at,
    topic: row.topic,
    topicConfidence: row.topic_confidence,
    topicEngine: row.topic_engine,
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
    language: row.language,
    priorityReasons: stringList(row.priority_reasons),
    routingPolicyVersion: row.routing_policy_version,
    routingRule: row.routing_rule,
    routedAt: row.routed_at,
    requiredSkills: row.required_skills,
    optionalSkills: row.optional_skills,
    slaPolicyId: row.sla_policy_id,
    firstResponseDueAt: row.first_response_due_at,
    nextResponseDueAt: row.next_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    key,
  };
}

/** A jsonb value that should be a list of strings; anything else (absent, hand-edited) reads as none. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
