export type BlockKind = 'paragraph' | 'list' | 'code';

/** A unit of an article body that a passage takes whole (lists, code) or sentence by sentence (paragraphs). */
export interface ArticleBlock {
  kind: BlockKind;
  text: string;
}

/** A heading and the blocks under it; the part before the first heading has no heading. */
export interface ArticleSection {
  heading: string | null;
  /** The heading's URL fragment (`#…`-less slug), unique within the article; null for the part before any heading. */
  anchor: string | null;
  blocks: ArticleBlock[];
}

const HEADING = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const LIST_ITEM = /^\s*([-*+•]|\d{1,3}[.)])\s+\S/;

/**
 * Parses a plain-text or Markdown body into sections of blocks: `#` headings start sections, fenced code is one
 * block, consecutive list items (with their indented continuation lines) are one block, and other text is split into
 * paragraphs at blank lines.
 */
export function parseArticle(body: string): ArticleSection[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const sections: ArticleSection[] = [{ heading: null, anchor: null, blocks: [] }];
  const anchors = new Set<string>();
  let paragraph: string[] = [];
  const current = () => sections[sections.length - 1];
  const flushParagraph = () => {
    const text = paragraph.join('\n').trim();
    if (text !== '') {
      current().blocks.push({ kind: 'paragraph', text });
    }
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      sections.push({ heading: heading[1], anchor: uniqueAnchor(heading[1], anchors), blocks: [] });
      continue;
    }
    if (FENCE.test(line)) {
      flushParagraph();
      const fence = FENCE.exec(line)![1];
      const code = [line];
      while (++i < lines.length) {
        code.push(lines[i]);
        if (lines[i].trim().startsWith(fence)) {
          break;
        }
      }
      current().blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (LIST_ITEM.test(line) && paragraph.length === 0) {
      const items = [line];
      while (i + 1 < lines.length && (LIST_ITEM.test(lines[i + 1]) || /^\s{2,}\S/.test(lines[i + 1]))) {
        items.push(lines[++i]);
      }
      current().blocks.push({ kind: 'list', text: items.join('\n').trimEnd() });
      continue;
    }
    if (LIST_ITEM.test(line) && paragraph.length > 0) {
      // A list straight after its lead-in line ("Here is how:") without a blank line between.
      flushParagraph();
      i--;
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    paragraph.push(line);
  }
  flushParagraph();
  return sections.filter((section) => section.heading !== null || section.blocks.length > 0);
}

/** GitHub-style slug: lower case, letters, digits and hyphens; repeated slugs get -1, -2, … */
export function slugify(heading: string): string {
  return heading
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

function uniqueAnchor(heading: string, taken: Set<string>): string {
  const base = slugify(heading) || 'section';
  let anchor = base;
  for (let n = 1; taken.has(anchor); n++) {
    anchor = `${base}-${n}`;
  }
  taken.add(anchor);
  return anchor;
}
