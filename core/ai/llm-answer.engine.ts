import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { z } from 'zod';
import type { KnowledgeSearchRepository } from '../db/repositories/knowledge-search.repository';
import type { AiAnswer, AnswerEngine, AnswerRequest } from './ai-answer';
import { asksForHuman } from './human-request.detector';
import { KnowledgeBaseRetriever } from './knowledge-base.retriever';
import { toCitation } from './citation';

const LlmReply = z.object({
  answer: z
    .string()
    .describe('The reply to the customer, using only the numbered sources. Empty if they do not answer it.'),
  confidence: z.number().min(0).max(1).describe('How sure you are that the sources answer the question, 0 to 1.'),
  sources: z.array(z.number().int()).describe('Numbers of the sources the answer uses.'),
  wantsHuman: z.boolean().describe('True when the customer asks to talk to a person.'),
});

const PROMPT = ChatPromptTemplate.fromMessages([
  [
    'system',
    'You are a customer-support assistant. Answer only from the numbered knowledge-base sources below. ' +
      'If they do not answer the question, return an empty answer with low confidence. Never invent policies.\n\n{sources}',
  ],
  ['human', '{question}'],
]);

/** Retrieval-augmented answers through any LangChain chat model; falls back to the offline engine on error. */
export class LlmAnswerEngine implements AnswerEngine {
  constructor(
    private readonly model: BaseChatModel,
    private readonly search: KnowledgeSearchRepository,
    private readonly fallback: AnswerEngine,
    private readonly engineName: string,
  ) {}

  async answer(request: AnswerRequest): Promise<AiAnswer> {
    if (asksForHuman(request.question)) {
      return { text: '', citations: [], confidence: 0, wantsHuman: true, engine: this.engineName };
    }
    try {
      return await this.ask(request);
    } catch {
      const answer = await this.fallback.answer(request);
      return { ...answer, engine: `${answer.engine} (fallback from ${this.engineName})` };
    }
  }

  private async ask({ tenantId, question }: AnswerRequest): Promise<AiAnswer> {
    const documents = await new KnowledgeBaseRetriever(this.search, tenantId).invoke(question);
    if (documents.length === 0) {
      return { text: '', citations: [], confidence: 0, wantsHuman: false, engine: this.engineName };
    }
    const sources = documents
      .map((doc, index) => `[${index + 1}] ${doc.metadata.title}\n${doc.pageContent}`)
      .join('\n\n');
    const reply = await PROMPT.pipe(this.model.withStructuredOutput(LlmReply)).invoke({ sources, question });
    const cited = reply.sources.map((n) => documents[n - 1]).filter((doc) => doc !== undefined);
    return {
      text: reply.answer.trim(),
      citations: cited.map(toCitation),
      confidence: reply.answer.trim() === '' ? 0 : reply.confidence,
      wantsHuman: reply.wantsHuman,
      engine: this.engineName,
    };
  }
}
