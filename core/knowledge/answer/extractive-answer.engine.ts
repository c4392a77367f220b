import type { Document } from '@langchain/core/documents';
import type { KnowledgeSearchRepository } from '../knowledge-search.repository';
import { HybridArticleSearch } from '../hybrid-article-search';
import type { AiAnswer, AnswerEngine, AnswerRequest } from './ai-answer';
import { asksForHuman } from './human-request.detector';
import { KnowledgeBaseRetriever, type PassageMetadata } from './knowledge-base.retriever';
import { toCitation } from './citation';

/** An answer with the ranked documents it was chosen from (for evaluation and previews). */
export interface ExplainedAnswer {
  answer: AiAnswer;
  documents: Document<PassageMetadata>[];
}

/**
 * The offline default: hybrid lexical retrieval of whole articles, the passage of the best article that answers the
 * question as the reply, that article as the citation, and the calibrated answerability score as the confidence.
 */
export class ExtractiveAnswerEngine implements AnswerEngine {
  readonly search: HybridArticleSearch;

  constructor(search: KnowledgeSearchRepository | HybridArticleSearch) {
    this.search = search instanceof HybridArticleSearch ? search : new HybridArticleSearch(search);
  }

  async answer(request: AnswerRequest): Promise<AiAnswer> {
    return (await this.explain(request)).answer;
  }

  async explain({ tenantId, question }: AnswerRequest): Promise<ExplainedAnswer> {
    if (asksForHuman(question)) {
      return {
        answer: { text: '', citations: [], confidence: 0, wantsHuman: true, engine: 'extractive' },
        documents: [],
      };
    }
    const documents = await new KnowledgeBaseRetriever(this.search, tenantId).invoke(question);
    return { answer: extract(documents), documents };
  }
}

function extract(documents: Document<PassageMetadata>[]): AiAnswer {
  const [best] = documents;
  if (!best) {
    return { text: '', citations: [], confidence: 0, wantsHuman: false, engine: 'extractive' };
  }
  return {
    text: best.pageContent.trim(),
    citations: [toCitation(best)],
    confidence: Number(best.metadata.confidence.toFixed(3)),
    wantsHuman: false,
    engine: 'extractive',
  };
}
