import type { Priority } from '../conversations/conversation-status';

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Which engine named the topic: the tenant's trained offline model, or an LLM through LangChain. */
export type TopicEngine = 'offline' | 'llm' | 'agent';

export interface TopicPrediction {
  /** null when the tenant has no categories (or no trained model yet). */
  topic: string | null;
  /** 0..1: the winning class probability. */
  confidence: number;
  engine: TopicEngine;
  /** Model version that produced it (offline), so an agent can see which training set decided. */
  modelVersion?: number | null;
}

/** Names the topic of one customer message among a tenant's admin-defined categories. */
export interface TopicClassifier {
  classify(input: { tenantId: string; text: string }): Promise<TopicPrediction>;
}

export interface SentimentReading {
  sentiment: Sentiment;
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
}

export interface PriorityReading {
  priority: Priority;
  /** Human-readable cues that raised it, e.g. 'urgency word "urgent"', '3 contacts in 7 days'. */
  reasons: string[];
}

/** What triage writes onto the conversation. */
export interface TriageResult {
  topic: string | null;
  topicConfidence: number;
  topicEngine: TopicEngine;
  modelVersion: number | null;
  priority: Priority;
  priorityReasons: string[];
  sentiment: Sentiment;
  sentimentScore: number;
  /** ISO 639-1 code, or null when too short to tell. */
  language: string | null;
}
