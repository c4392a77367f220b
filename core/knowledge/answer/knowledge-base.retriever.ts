import { BaseRetriever } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { HybridArticleSearch } from '../hybrid-article-search';
import { sparseCosine } from '../lexical-article-index';
import { selectPassage } from '../passage-selector';
import { answerability } from './answerability.model';
import { answerabilityFeatures, type AnswerabilityFeatures } from './answerability.features';

export interface PassageMetadata extends Record<string, unknown> {
  articleId: string;
  title: string;
  /** The anchor of the passage's section within the article; null for the text before any heading. */
  anchor: string | null;
  /** Reciprocal-rank-fusion score of the article. */
  rank: number;
  /** 0..1: the estimated probability that this article answers the question (the answerability score). */
  confidence: number;
  features: AnswerabilityFeatures;
}

/**
 * A LangChain retriever over the tenant's knowledge base: one document per article (distinct articles, best
 * first), holding the passage of that article that answers the question, scored by the calibrated answerability
 * model. An embeddings retriever can take its place behind the same interface.
 */
export class KnowledgeBaseRetriever extends BaseRetriever<PassageMetadata> {
  lc_namespace = ['threadline', 'retrievers'];

  constructor(
    private readonly search: HybridArticleSearch,
    private readonly tenantId: string,
    private readonly limit = 5,
  ) {
    super();
  }

  override async _getRelevantDocuments(question: string): Promise<Document<PassageMetadata>[]> {
    const { ranked, index } = await this.search.search(this.tenantId, question, this.limit);
    const questionVector = index.vectorise(question);
    const similarity = (text: string) => sparseCosine(questionVector, index.vectorise(text));
    return ranked.map((entry, position) => {
      const passage = selectPassage(entry.article.title, entry.article.body, similarity);
      const features = answerabilityFeatures(
        question,
        { ranked, position, passage: passage.text, passageSimilarity: similarity(passage.text) },
        index,
      );
      return new Document<PassageMetadata>({
        pageContent: passage.text,
        id: `${entry.article.id}#${passage.anchor ?? ''}`,
        metadata: {
          articleId: entry.article.id,
          title: entry.article.title,
          anchor: passage.anchor,
          rank: entry.fusedScore,
          confidence: answerability(features),
          features,
        },
      });
    });
  }
}
