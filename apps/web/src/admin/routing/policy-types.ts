// A routing policy as the editor holds it (core/routing/routing-policy.types.ts), and the routing-policy API's views
// (apps/api/src/routing/routing-policy.views.ts, routing-dry-run.views.ts). Keys the editor does not know are kept.
import type { Channel, Priority } from '../../api/types';

export type Sentiment = 'negative' | 'neutral' | 'positive';
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
export const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

export interface RoutingConditions {
  topics?: string[];
  minTopicConfidence?: number | string;
  channels?: Channel[];
  priorities?: Priority[];
  sentiments?: Sentiment[];
  customerTiers?: string[];
  customerAttributes?: Record<string, unknown>;
  languages?: string[];
  keywords?: string[];
  businessHours?: { calendarId: string; open: boolean };
  hasOpenConversation?: boolean;
  [other: string]: unknown;
}

export interface RoutingAction {
  teamId?: string | null;
  priority?: Priority;
  addTags?: string[];
  requiredSkills?: string[];
  optionalSkills?: string[];
  slaPolicyId?: string | null;
  [other: string]: unknown;
}

export interface RoutingRule {
  name: string;
  enabled?: boolean;
  when: RoutingConditions;
  then: RoutingAction;
  [other: string]: unknown;
}

export interface PolicyDocument {
  rules: RoutingRule[];
  fallback: RoutingAction;
  [other: string]: unknown;
}

export const EMPTY_POLICY: PolicyDocument = { rules: [], fallback: { teamId: null } };

export interface PolicyActor {
  id: string;
  name: string | null;
}

export interface PolicyState {
  published: {
    version: number;
    document: PolicyDocument;
    note: string | null;
    publishedBy: PolicyActor | null;
    publishedAt: string;
  } | null;
  draft: {
    version: number;
    document: PolicyDocument;
    note: string | null;
    basedOnVersion: number | null;
    updatedBy: PolicyActor | null;
    updatedAt: string;
  } | null;
}

export interface PolicyVersion {
  version: number;
  status: 'draft' | 'published' | 'retired';
  note: string | null;
  rolledBackFrom: number | null;
  createdBy: PolicyActor | null;
  createdAt: string;
  publishedBy: PolicyActor | null;
  publishedAt: string | null;
}

export interface RoutingDestination {
  rule: string;
  teamId: string | null;
  teamName: string | null;
  priority: string;
  slaPolicyId: string | null;
  slaPolicyName: string | null;
}

export interface DryRunReport {
  sample: { mode: 'last' | 'range'; last: number | null; from: string | null; to: string | null; truncated: boolean };
  policies: { draftVersion: number | null; currentVersion: number | null };
  evaluated: number;
  changed: number;
  unchanged: number;
  transitions: { from: RoutingDestination; to: RoutingDestination; count: number; sampleConversationIds: string[] }[];
  ruleHits: {
    draft: { ruleIndex: number | null; ruleName: string; enabled: boolean; count: number }[];
    current: { ruleIndex: number | null; ruleName: string; enabled: boolean; count: number }[] | null;
  };
  changes: { conversationId: string; createdAt: string; differences: string[] }[];
  changesTruncated: boolean;
}

/** What the selects of the editor offer: the tenant's teams, SLA policies, calendars and topics. */
export interface PolicyReferences {
  teams: { id: string; name: string }[];
  slaPolicies: { id: string; name: string }[];
  calendars: { id: string; name: string }[];
  topics: string[];
}
