import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import type { AnswerEngine } from '../../../../core/knowledge/answer/ai-answer';
import type { AnswerPreviewView } from './answer-preview.dto';

export const PREVIEW_ANSWER_ENGINE = Symbol('PreviewAnswerEngine');
export const HANDOFF_CONFIDENCE_THRESHOLD = Symbol('HandoffConfidenceThreshold');

/** "How would the bot answer this?": runs the tenant's configured answer engine and stores nothing. */
@Injectable()
export class AnswerPreviewService {
  constructor(
    @Inject(PREVIEW_ANSWER_ENGINE) private readonly engine: AnswerEngine,
    @Inject(HANDOFF_CONFIDENCE_THRESHOLD) private readonly threshold: number,
  ) {}

  async preview(admin: AuthenticatedAgent, question: string): Promise<AnswerPreviewView> {
    const answer = await this.engine.answer({ tenantId: admin.tenantId, question });
    // The same test the bot's turn applies (activities/conversation.activities.ts, takeBotTurn).
    const sends = !answer.wantsHuman && answer.text !== '' && answer.confidence >= this.threshold;
    return {
      text: answer.text,
      citations: answer.citations,
      confidence: answer.confidence,
      wantsHuman: answer.wantsHuman,
      engine: answer.engine,
      threshold: this.threshold,
      outcome: sends ? 'send' : 'hand_off',
    };
  }
}
