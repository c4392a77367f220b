export interface ArticleChunk {
  position: number;
  title: string;
  content: string;
}

const MAX_CHUNK_CHARS = 1200;

/** Splits text longer than the limit at sentence ends (or hard, as a last resort). */
function splitLong(paragraph: string): string[] {
  if (paragraph.length <= MAX_CHUNK_CHARS) {
    return [paragraph];
  }
  const pieces: string[] = [];
  let current = '';
  for (const sentence of paragraph.match(/[^.!?]+[.!?]*\s*/g) ?? [paragraph]) {
    if (current.length + sentence.length > MAX_CHUNK_CHARS && current !== '') {
      pieces.push(current.trim());
      current = '';
    }
    current += sentence;
    while (current.length > MAX_CHUNK_CHARS) {
      pieces.push(current.slice(0, MAX_CHUNK_CHARS).trim());
      current = current.slice(MAX_CHUNK_CHARS);
    }
  }
  if (current.trim() !== '') {
    pieces.push(current.trim());
  }
  return pieces;
}

/**
 * Splits an article into searchable passages: one per paragraph (blank-line separated), long paragraphs split
 * further. Every chunk carries the article title so a passage is findable by it. An empty body yields one chunk
 * holding the title, so every article is searchable.
 */
export function chunkArticle(title: string, body: string): ArticleChunk[] {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  const contents = paragraphs.flatMap(splitLong);
  if (contents.length === 0) {
    contents.push(title.trim());
  }
  return contents.map((content, position) => ({ position, title: title.trim(), content }));
}
