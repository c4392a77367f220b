import { assessPriority } from './priority-rules';
import { detectLanguage } from './language-detector';
import type { SentimentAnalyzer } from './sentiment-analyzer';
import type { TopicClassifier, TriageResult } from './triage.types';

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
  ) {}

  async triage(input: TriageInput): Promise<TriageResult> {
    const sentiment = this.sentiment.read(input.text);
    const topic = await this.classifier.classify({ tenantId: input.tenantId, text: input.text });
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
