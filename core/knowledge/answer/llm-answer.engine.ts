import type { Document } from '@langchain/core/documents';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { z } from 'zod';
import type { HybridArticleSearch } from '../hybrid-article-search';
import type { AiAnswer, AnswerEngine, AnswerRequest } from './ai-answer';
import { asksForHuman } from './human-request.detector';
import { KnowledgeBaseRetriever, type PassageMetadata } from './knowledge-base.retriever';
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
    'You are a customer-support assistant. Answer only from the numbered knowledge-base sources below, and list ' +
      'the numbers of the sources your answer uses: an answer that cites none of them is not sent. ' +
      'If they do not answer the question, return an empty answer with low confidence. Never invent policies.\n\n{sources}',
  ],
  ['human', '{question}'],
]);

/** Retrieval-augmented answers through any LangChain chat model; falls back to the offline engine on error. */
export class LlmAnswerEngine implements AnswerEngine {
  constructor(
    private readonly model: BaseChatModel,
    private readonly search: HybridArticleSearch,
    private readonly fallback: AnswerEngine,
    private readonly engineName: string,
    private readonly timeoutMs: number,
  ) {}

  async answer(request: AnswerRequest): Promise<AiAnswer> {
    if (asksForHuman(request.question)) {
      return { text: '', citations: [], confidence: 0, wantsHuman: true, engine: this.engineName };
    }
    try {
      return await this.ask(request);
    } catch (error) {
      // The reason lands in the conversation's event log with the answer, so a failing provider is visible.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0].trim().slice(0, 200);
      const answer = await this.fallback.answer(request);
      return { ...answer, engine: `${answer.engine} (fallback from ${this.engineName}: ${reason})` };
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
    const reply = await PROMPT.pipe(this.model.withStructuredOutput(LlmReply)).invoke(
      { sources, question },
      { timeout: this.timeoutMs },
    );
    const cited = citedArticles(documents, reply.sources);
    const text = reply.answer.trim();
    return {
      text,
      citations: cited.map(toCitation),
      // Not found (an empty answer) or grounded in none of the given passages: hand off, whatever the model claims.
      confidence: text === '' || cited.length === 0 ? 0 : reply.confidence,
      wantsHuman: reply.wantsHuman,
      engine: this.engineName,
    };
  }
}

/** The passages the model named by number, one per article (the first named), ignoring numbers it was never given. */
function citedArticles<T extends Document<PassageMetadata>>(documents: T[], sources: number[]): T[] {
  const cited = new Map<string, T>();
  for (const n of sources) {
    const doc = documents[n - 1];
    if (doc && !cited.has(doc.metadata.articleId)) {
      cited.set(doc.metadata.articleId, doc);
    }
  }
  return [...cited.values()];
}
