import type { Citation } from '../../conversations/message';

export interface AnswerRequest {
  tenantId: string;
  question: string;
}

export interface AiAnswer {
  /** The reply to send; empty when the engine has nothing to say. */
  text: string;
  citations: Citation[];
  /** 0..1: how sure the engine is that `text` answers the question from the knowledge base. */
  confidence: number;
  /** The customer asked for a person. */
  wantsHuman: boolean;
  /** Which engine produced the answer, for the event log. */
  engine: string;
}

/** The provider interface for first-contact answers; the offline default and every LLM implement it. */
export interface AnswerEngine {
  answer(request: AnswerRequest): Promise<AiAnswer>;
}
