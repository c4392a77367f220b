import { BaseRetriever } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { KnowledgePassage, KnowledgeSearchRepository } from '../db/repositories/knowledge-search.repository';

export interface PassageMetadata extends Record<string, unknown> {
  articleId: string;
  title: string;
  rank: number;
  /** 0..1: the share of the question's information (IDF-weighted lexemes) this passage contains. */
  coverage: number;
}

/** A LangChain retriever over the tenant's knowledge base, scoring each passage by how much of the question it covers. */
export class KnowledgeBaseRetriever extends BaseRetriever<PassageMetadata> {
  lc_namespace = ['threadline', 'retrievers'];

  constructor(
    private readonly search: KnowledgeSearchRepository,
    private readonly tenantId: string,
    private readonly limit = 5,
  ) {
    super();
  }

  override async _getRelevantDocuments(question: string): Promise<Document<PassageMetadata>[]> {
    const result = await this.search.search(this.tenantId, question, this.limit);
    const weights = new Map(
      result.terms.map((term) => [term.lexeme, inverseDocumentFrequency(term.documentFrequency, result.passageCount)]),
    );
    const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
    return result.passages
      .map((passage) => toDocument(passage, coverage(passage, weights, total)))
      .sort((a, b) => b.metadata.coverage - a.metadata.coverage || b.metadata.rank - a.metadata.rank);
  }
}

/** Words the knowledge base never uses weigh 1; words it uses weigh more the rarer they are. */
function inverseDocumentFrequency(documentFrequency: number, passageCount: number): number {
  return documentFrequency === 0 ? 1 : 1 + Math.log((passageCount + 1) / documentFrequency);
}

function coverage(passage: KnowledgePassage, weights: Map<string, number>, total: number): number {
  if (total === 0) {
    return 0;
  }
  const present = new Set(passage.lexemes);
  let matched = 0;
  for (const [lexeme, weight] of weights) {
    if (present.has(lexeme)) {
      matched += weight;
    }
  }
  return matched / total;
}

function toDocument(passage: KnowledgePassage, passageCoverage: number): Document<PassageMetadata> {
  return new Document<PassageMetadata>({
    pageContent: passage.content,
    id: passage.chunkId,
    metadata: { articleId: passage.articleId, title: passage.title, rank: passage.rank, coverage: passageCoverage },
  });
}
