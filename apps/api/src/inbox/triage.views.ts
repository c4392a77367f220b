import type { ConversationRoutingColumns } from '../../../../core/conversations/conversation-inbox.repository';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** What triage read in the customer's message, as stored; every field null (reasons empty) before triage. */
export type TriageView = Pick<
  ConversationRoutingColumns,
  'topic' | 'topicConfidence' | 'topicEngine' | 'sentiment' | 'sentimentScore' | 'language'
> & { priorityReasons: string[] };

/** Where the routing policy sent the conversation; a null policyVersion means no policy decided. */
export interface RoutingView {
  teamId: string | null;
  policyVersion: number | null;
  rule: string | null;
  routedAt: string | null;
  requiredSkills: string[];
  optionalSkills: string[];
}

/** The SLA policy's pending due times; a target met or breached is null. */
export interface SlaView {
  policyId: string | null;
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
}

export interface RoutingFieldsView {
  triage: TriageView;
  routing: RoutingView;
  sla: SlaView;
}

/** The triage, routing and SLA parts of a list row or a conversation detail. */
export const toRoutingFields = (row: ConversationRoutingColumns, priorityReasons: string[]): RoutingFieldsView => ({
  triage: {
    topic: row.topic,
    topicConfidence: row.topicConfidence,
    topicEngine: row.topicEngine,
    sentiment: row.sentiment,
    sentimentScore: row.sentimentScore,
    language: row.language,
    priorityReasons,
  },
  routing: {
    teamId: row.teamId,
    policyVersion: row.routingPolicyVersion,
    rule: row.routingRule,
    routedAt: iso(row.routedAt),
    requiredSkills: row.requiredSkills,
    optionalSkills: row.optionalSkills,
  },
  sla: {
    policyId: row.slaPolicyId,
    firstResponseDueAt: iso(row.firstResponseDueAt),
    nextResponseDueAt: iso(row.nextResponseDueAt),
    resolutionDueAt: iso(row.resolutionDueAt),
  },
});
