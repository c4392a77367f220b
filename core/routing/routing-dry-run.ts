import type { BusinessCalendar } from '../sla/business-calendar';
import type { Priority } from '../conversations/conversation-status';
import {
  routedResult,
  routingDifferences,
  type RoutedResult,
  type RoutingDifference,
  type RoutingNames,
} from './routed-result';
import { evaluateRoutingPolicy } from './routing-policy.evaluator';
import type { RoutingFacts, RoutingOutcome, RoutingPolicyDocument } from './routing-policy.types';
import { FALLBACK_RULE_NAME } from './routing-policy.validation';

export type { RoutedResult, RoutingDifference, RoutingNames } from './routed-result';
export { NO_POLICY_RULE_NAME } from './routed-result';

export interface DryRunSample {
  conversationId: string;
  facts: RoutingFacts;
  createdAt: string;
}

/** The part of a result that transitions are grouped by. */
export interface RoutingDestination {
  rule: string;
  teamId: string | null;
  teamName: string | null;
  priority: Priority;
  slaPolicyId: string | null;
  slaPolicyName: string | null;
}

export interface DryRunTransition {
  from: RoutingDestination;
  to: RoutingDestination;
  count: number;
  /** At most DryRunOptions.maxSamplesPerTransition, in sample order. */
  sampleConversationIds: string[];
}

/** How many sampled conversations a rule (ruleIndex null = the fallback) would catch. */
export interface RuleHit {
  ruleIndex: number | null;
  ruleName: string;
  enabled: boolean;
  count: number;
}

export interface ConversationRoutingChange {
  conversationId: string;
  createdAt: string;
  from: RoutedResult;
  to: RoutedResult;
  differences: RoutingDifference[];
}

export interface DryRunReport {
  evaluated: number;
  /** Conversations whose team, priority, SLA policy, skills or tags would differ. */
  changed: number;
  unchanged: number;
  /** Changed conversations only, grouped by (from, to), most frequent first. */
  transitions: DryRunTransition[];
  /** Every rule in order, then the fallback; `current` is null when there is no current policy. */
  ruleHits: { draft: RuleHit[]; current: RuleHit[] | null };
  /** The first changed conversations, in sample order. */
  changes: ConversationRoutingChange[];
  /** More conversations changed than `changes` lists. */
  changesTruncated: boolean;
}

export interface DryRunOptions {
  maxChanges?: number;
  maxSamplesPerTransition?: number;
}

/** Replays routing facts under the current policy and a draft, and reports what would change. Pure. */
export function compareRouting(
  samples: readonly DryRunSample[],
  current: RoutingPolicyDocument | null,
  draft: RoutingPolicyDocument,
  calendars: ReadonlyMap<string, BusinessCalendar>,
  names: RoutingNames,
  { maxChanges = 50, maxSamplesPerTransition = 5 }: DryRunOptions = {},
): DryRunReport {
  const draftHits = emptyHits(draft);
  const currentHits = current ? emptyHits(current) : null;
  const transitions = new Map<string, DryRunTransition>();
  const changes: ConversationRoutingChange[] = [];
  let changed = 0;
  for (const { conversationId, facts, createdAt } of samples) {
    const before = current ? evaluateRoutingPolicy(current, facts, calendars) : null;
    const after = evaluateRoutingPolicy(draft, facts, calendars);
    countHit(draftHits, after);
    if (currentHits && before) {
      countHit(currentHits, before);
    }
    const from = routedResult(before, facts, names);
    const to = routedResult(after, facts, names);
    const differences = routingDifferences(from, to);
    if (differences.length === 0) {
      continue;
    }
    changed++;
    if (changes.length < maxChanges) {
      changes.push({ conversationId, createdAt, from, to, differences });
    }
    const transition = transitionFor(transitions, destination(from), destination(to));
    transition.count++;
    if (transition.sampleConversationIds.length < maxSamplesPerTransition) {
      transition.sampleConversationIds.push(conversationId);
    }
  }
  return {
    evaluated: samples.length,
    changed,
    unchanged: samples.length - changed,
    // Array.prototype.sort is stable: equal counts keep the order they first appeared in.
    transitions: [...transitions.values()].sort((a, b) => b.count - a.count),
    ruleHits: { draft: draftHits, current: currentHits },
    changes,
    changesTruncated: changed > changes.length,
  };
}

function emptyHits(policy: RoutingPolicyDocument): RuleHit[] {
  return [
    ...policy.rules.map((rule, ruleIndex) => ({
      ruleIndex,
      ruleName: rule.name,
      enabled: rule.enabled !== false,
      count: 0,
    })),
    { ruleIndex: null, ruleName: FALLBACK_RULE_NAME, enabled: true, count: 0 },
  ];
}

function countHit(hits: RuleHit[], outcome: RoutingOutcome): void {
  hits[outcome.ruleIndex ?? hits.length - 1].count++;
}

function destination({
  rule,
  teamId,
  teamName,
  priority,
  slaPolicyId,
  slaPolicyName,
}: RoutedResult): RoutingDestination {
  return { rule, teamId, teamName, priority, slaPolicyId, slaPolicyName };
}

function transitionFor(
  transitions: Map<string, DryRunTransition>,
  from: RoutingDestination,
  to: RoutingDestination,
): DryRunTransition {
  const key = JSON.stringify([
    from.rule,
    from.teamId,
    from.priority,
    from.slaPolicyId,
    to.rule,
    to.teamId,
    to.priority,
    to.slaPolicyId,
  ]);
  let transition = transitions.get(key);
  if (!transition) {
    transition = { from, to, count: 0, sampleConversationIds: [] };
    transitions.set(key, transition);
  }
  return transition;
}
