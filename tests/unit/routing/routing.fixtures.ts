import type {
  RoutingAction,
  RoutingConditions,
  RoutingFacts,
  RoutingPolicyDocument,
  RoutingRule,
} from '../../../core/routing/routing-policy.types';

/** Facts of a plain English chat on Monday 2024-06-17 at 11:00 London time. */
export function someFacts(overrides: Partial<RoutingFacts> = {}): RoutingFacts {
  return {
    topic: null,
    topicConfidence: 0,
    channel: 'chat',
    priority: 'normal',
    sentiment: 'neutral',
    customerTier: null,
    customerAttributes: {},
    language: 'en',
    text: 'Hello there',
    at: '2024-06-17T10:00:00.000Z',
    hasOpenConversation: false,
    ...overrides,
  };
}

export function aRule(
  name: string,
  when: RoutingConditions,
  then: RoutingAction = { teamId: name },
  enabled = true,
): RoutingRule {
  return { name, enabled, when, then };
}

export function aPolicy(rules: RoutingRule[], fallback: RoutingAction = {}): RoutingPolicyDocument {
  return { rules, fallback };
}
