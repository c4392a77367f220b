import { RunnableLambda, type Runnable } from '@langchain/core/runnables';
import type { Document } from '@langchain/core/documents';
import type { KnowledgeSearchRepository } from '../db/repositories/knowledge-search.repository';
import type { AiAnswer, AnswerEngine, AnswerRequest } from './ai-answer';
import { asksForHuman } from './human-request.detector';
import { KnowledgeBaseRetriever, type PassageMetadata } from './knowledge-base.retriever';
import { toCitation } from './citation';

const SECOND_SOURCE_MARGIN = 0.1;

/**
 * The offline default: answer with the knowledge-base passage that covers most of the question, cite its article,
 * and report that coverage as the confidence. A LangChain chain (retriever → extractor), so an LLM engine can take
 * its place by configuration.
 */
export class ExtractiveAnswerEngine implements AnswerEngine {
  constructor(private readonly search: KnowledgeSearchRepository) {}

  async answer({ tenantId, question }: AnswerRequest): Promise<AiAnswer> {
    if (asksForHuman(question)) {
      return { text: '', citations: [], confidence: 0, wantsHuman: true, engine: 'extractive' };
    }
    const chain: Runnable<string, AiAnswer> = new KnowledgeBaseRetriever(this.search, tenantId).pipe(
      RunnableLambda.from(extract),
    );
    return chain.invoke(question);
  }
}

function extract(documents: Document<PassageMetadata>[]): AiAnswer {
  const [best, ...rest] = documents;
  if (!best) {
    return { text: '', citations: [], confidence: 0, wantsHuman: false, engine: 'extractive' };
  }
  const sources = [best];
  const second = rest.find((doc) => doc.metadata.articleId !== best.metadata.articleId);
  if (second && best.metadata.coverage - second.metadata.coverage <= SECOND_SOURCE_MARGIN) {
    sources.push(second);
  }
  return {
    text: best.pageContent.trim(),
    citations: sources.map(toCitation),
    confidence: Number(best.metadata.coverage.toFixed(3)),
    wantsHuman: false,
    engine: 'extractive',
  };
}
