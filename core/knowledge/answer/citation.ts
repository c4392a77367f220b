import type { Document } from '@langchain/core/documents';
import type { Citation } from '../../conversations/message';
import type { PassageMetadata } from './knowledge-base.retriever';

const SNIPPET_CHARS = 160;

export function toCitation(document: Document<PassageMetadata>): Citation {
  const text = document.pageContent.replace(/\s+/g, ' ').trim();
  const citation: Citation = {
    articleId: document.metadata.articleId,
    title: document.metadata.title,
    snippet: text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS - 1)}…` : text,
  };
  if (document.metadata.anchor) {
    citation.anchor = document.metadata.anchor;
  }
  return citation;
}
