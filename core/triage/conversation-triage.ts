import { assessPriority } from './priority-rules';
import { detectLanguage } from './language-detector';
import type { SentimentAnalyzer } from './sentiment-analyzer';
import type { TopicClassifier, TopicPrediction, TriageResult } from './triage.types';

export interface TriageInput {
  tenantId: string;
  text: string;
  /** The customer's conversations in the last 7 days, this one included (repeated contact is an urgency cue). */
  recentContacts: number;
}

/** Tags one customer message with topic, priority, sentiment and language. I/O only through the classifier. */
export class ConversationTriage {
  constructor(
    private readonly classifier: TopicClassifier,
    private readonly sentiment: SentimentAnalyzer,
    private readonly logger: { warn(message: string): void } = console,
  ) {}

  async triage(input: TriageInput): Promise<TriageResult> {
    const sentiment = this.sentiment.read(input.text);
    const topic = await this.classifier
      .classify({ tenantId: input.tenantId, text: input.text })
      .catch((error: unknown): TopicPrediction => {
        // A broken model must not hold the conversation up: it is routed without a topic, and the reason is logged.
        this.logger.warn(`Topic classification failed for tenant ${input.tenantId}: ${String(error)}`);
        return { topic: null, confidence: 0, engine: 'offline', modelVersion: null };
      });
    const priority = assessPriority({ text: input.text, sentiment, recentContacts: input.recentContacts });
    return {
      topic: topic.topic,
      topicConfidence: topic.confidence,
      topicEngine: topic.engine,
      modelVersion: topic.modelVersion ?? null,
      priority: priority.priority,
      priorityReasons: priority.reasons,
      sentiment: sentiment.sentiment,
      sentimentScore: sentiment.score,
      language: detectLanguage(input.text),
    };
  }
}
