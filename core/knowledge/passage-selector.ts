import { parseArticle, type ArticleBlock, type ArticleSection } from './article-blocks';
import { splitSentences } from './sentences';

/** The answer taken from one article: whole sentences, whole lists and whole code blocks. */
export interface SelectedPassage {
  text: string;
  /** The anchor of the section it comes from; null for text before any heading. */
  anchor: string | null;
  /** The section's heading, if any. */
  heading: string | null;
}

export interface PassageLimits {
  /** Sentences are added while the passage is shorter than this; the first is always taken whole. */
  targetChars: number;
  /** A lead-in shorter than this (or ending with a colon) takes the following list, code or sentences too. */
  minChars: number;
  /** A list or code block longer than this is cut after its last whole item or line that fits. */
  maxBlockChars: number;
}

export const DEFAULT_PASSAGE_LIMITS: PassageLimits = { targetChars: 420, minChars: 140, maxBlockChars: 1500 };

/** A block other than the lead is chosen only when it matches this many times better. */
const LEAD_PREFERENCE = 2;

/** Notes that are not the answer: "[[See also …]]", "* Source: …", "Note: …" lines after the first sentence. */
const ASIDE = /^(\[\[.*\]\]|\(.*\)|\*+\s|note:|source:|see also\b|for more information\b)/i;

/**
 * Chooses the passage of an article that answers the question: the section whose heading and text match it best,
 * then that section's lead (its first block) unless another block of it matches far better, extended with whole
 * sentences up to the target length. `similarity` scores a text against the question (0..1).
 */
export function selectPassage(
  title: string,
  body: string,
  similarity: (text: string) => number,
  limits: PassageLimits = DEFAULT_PASSAGE_LIMITS,
): SelectedPassage {
  const sections = parseArticle(body).filter((section) => section.blocks.length > 0);
  if (sections.length === 0) {
    return { text: title.trim(), anchor: null, heading: null };
  }
  const section = bestSection(title, sections, similarity);
  const start = startBlock(section.blocks, similarity);
  return { text: passageFrom(section.blocks, start, limits), anchor: section.anchor, heading: section.heading };
}

/**
 * A section scores as its best block read with the article title and the section heading in front of it (so words
 * of the question that only the title matches count for every section alike, and a long section is not diluted by
 * its other blocks), plus the heading's own similarity: it says what the section answers.
 */
function bestSection(title: string, sections: ArticleSection[], similarity: (text: string) => number): ArticleSection {
  if (sections.length === 1) {
    return sections[0];
  }
  let best = sections[0];
  let bestScore = -1;
  for (const section of sections) {
    const heading = section.heading ?? '';
    const blockScore = Math.max(...section.blocks.map((block) => similarity(`${title}\n${heading}\n${block.text}`)));
    const score = blockScore + (heading ? similarity(heading) : 0);
    if (score > bestScore) {
      best = section;
      bestScore = score;
    }
  }
  return best;
}

function startBlock(blocks: ArticleBlock[], similarity: (text: string) => number): number {
  const scores = blocks.map((block) => similarity(block.text));
  let best = 0;
  scores.forEach((score, index) => {
    if (score > scores[best]) {
      best = index;
    }
  });
  return scores[best] >= LEAD_PREFERENCE * scores[0] + 0.05 ? best : 0;
}

function passageFrom(blocks: ArticleBlock[], start: number, limits: PassageLimits): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = start; index < blocks.length; index++) {
    const block = blocks[index];
    const needsMore = parts.length === 0 || length < limits.minChars || /:\s*$/.test(parts[parts.length - 1]);
    if (!needsMore) {
      break;
    }
    if (block.kind === 'paragraph') {
      const sentences = splitSentences(block.text).filter((sentence, i) => i === 0 || !ASIDE.test(sentence));
      const taken: string[] = [];
      for (const sentence of sentences) {
        if (taken.length > 0 && length + sentence.length > limits.targetChars) {
          break;
        }
        if (parts.length > 0 && taken.length === 0 && ASIDE.test(sentence)) {
          break;
        }
        taken.push(sentence);
        length += sentence.length + 1;
      }
      if (taken.length === 0) {
        break;
      }
      parts.push(taken.join(' '));
      if (taken.length < sentences.length) {
        break;
      }
    } else {
      const text = wholeItems(block, limits.maxBlockChars);
      parts.push(text);
      length += text.length + 1;
    }
  }
  return parts.join('\n\n');
}

/** The block itself, or for an over-long one, its leading whole items (lists) or lines (code, fence closed). */
function wholeItems(block: ArticleBlock, maxChars: number): string {
  if (block.text.length <= maxChars) {
    return block.text;
  }
  const lines = block.text.split('\n');
  if (block.kind === 'code') {
    const fence = lines[0].trim().slice(0, 3);
    const kept: string[] = [];
    let length = 0;
    for (const line of lines.slice(0, -1)) {
      if (kept.length > 0 && length + line.length > maxChars) {
        break;
      }
      kept.push(line);
      length += line.length + 1;
    }
    return [...kept, fence].join('\n');
  }
  const items: string[] = [];
  for (const line of lines) {
    if (/^\s*([-*+•]|\d{1,3}[.)])\s+/.test(line) || items.length === 0) {
      items.push(line);
    } else {
      items[items.length - 1] += `\n${line}`;
    }
  }
  const kept: string[] = [];
  let length = 0;
  for (const item of items) {
    if (kept.length > 0 && length + item.length > maxChars) {
      break;
    }
    kept.push(item);
    length += item.length + 1;
  }
  return kept.join('\n');
}
