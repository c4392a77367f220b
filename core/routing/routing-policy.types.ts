import type { Channel } from '../channels/channel';
import type { Priority } from '../conversations/conversation-status';
import type { Sentiment } from '../triage/triage.types';

/** Every condition present must hold (AND); list conditions match when the fact is any of the listed values (OR). */
export interface RoutingConditions {
  topics?: string[];
  /** With topics: the classifier's confidence must be at least this (0..1). */
  minTopicConfidence?: number;
  channels?: Channel[];
  priorities?: Priority[];
  sentiments?: Sentiment[];
  /** Matches customers.attributes.tier (case-insensitive). */
  customerTiers?: string[];
  /** Every listed attribute must equal the customer's attribute (string, number or boolean), e.g. { vip: true }. */
  customerAttributes?: Record<string, string | number | boolean>;
  /** ISO 639-1 codes. */
  languages?: string[];
  /** Any keyword or phrase appearing in the message, case-insensitive, on word boundaries. */
  keywords?: string[];
  /** Inside (true) or outside (false) the given business-hours calendar at the time of routing. */
  businessHours?: { calendarId: string; open: boolean };
  /** The customer has another conversation that is open or snoozed. */
  hasOpenConversation?: boolean;
}

export interface RoutingAction {
  /** Target team (its queue); null or absent = the tenant-wide queue. */
  teamId?: string | null;
  /** Overrides triage's priority (never lowers an 'urgent' set by cues unless this says so). */
  priority?: Priority;
  addTags?: string[];
  requiredSkills?: string[];
  optionalSkills?: string[];
  slaPolicyId?: string | null;
}

export interface RoutingRule {
  name: string;
  /** Disabled rules are kept in the document but never match. */
  enabled?: boolean;
  when: RoutingConditions;
  then: RoutingAction;
}

export interface RoutingPolicyDocument {
  rules: RoutingRule[];
  /** Applies when no rule matches. */
  fallback: RoutingAction;
}

/** Everything a policy may look at, snapshotted on the conversation when it is routed (dry runs replay these). */
export interface RoutingFacts {
  topic: string | null;
  topicConfidence: number;
  channel: Channel;
  priority: Priority;
  sentiment: Sentiment;
  customerTier: string | null;
  customerAttributes: Record<string, unknown>;
  language: string | null;
  /** The customer's text that triggered routing (first message, or the latest on re-route). */
  text: string;
  /** ISO instant of routing: business-hours conditions are evaluated at this time. */
  at: string;
  hasOpenConversation: boolean;
}

export interface RoutingOutcome {
  /** Index of the matching rule, or null when the fallback applied. */
  ruleIndex: number | null;
  ruleName: string;
  action: RoutingAction;
}

/** One validation problem: which rule (null = document level / fallback) and which field, e.g. 'when.topics[1]'. */
export interface PolicyProblem {
  ruleIndex: number | null;
  field: string;
  message: string;
}
