import type { FeatureSettings } from './feature-settings';
import type { SparseVector } from './sparse-vector';
import { charNgrams, wordNgrams, wordsOf } from './tokenizer';

/** One family of terms (word n-grams or character n-grams) with its vocabulary and inverse document frequencies. */
export interface TermBlock {
  readonly terms: readonly string[];
  readonly idf: Float32Array;
}

type TermCounts = Map<string, number>;

interface IndexedBlock extends TermBlock {
  readonly index: ReadonlyMap<string, number>;
  readonly offset: number;
  readonly weight: number;
}

/** Maps a message to a sparse TF-IDF vector: word block first, then character block. */
export class TfidfVectorizer {
  private readonly blocks: readonly [IndexedBlock, IndexedBlock];
  readonly featureCount: number;

  constructor(
    readonly settings: FeatureSettings,
    readonly wordBlock: TermBlock,
    readonly charBlock: TermBlock,
  ) {
    if (wordBlock.terms.length !== wordBlock.idf.length || charBlock.terms.length !== charBlock.idf.length) {
      throw new Error('TF-IDF vocabulary and idf lengths differ');
    }
    const words = indexBlock(wordBlock, 0, settings.wordWeight);
    const chars = indexBlock(charBlock, wordBlock.terms.length, settings.charWeight);
    this.blocks = [words, chars];
    this.featureCount = wordBlock.terms.length + charBlock.terms.length;
  }

  transform(text: string): SparseVector {
    return this.vectorise(countTerms(text, this.settings));
  }

  /** Used by fitting, which has already counted each training message's terms. */
  vectorise([wordCounts, charCounts]: readonly [TermCounts, TermCounts]): SparseVector {
    const indices: number[] = [];
    const values: number[] = [];
    appendBlock(this.blocks[0], wordCounts, this.settings.sublinearTf, indices, values);
    appendBlock(this.blocks[1], charCounts, this.settings.sublinearTf, indices, values);
    return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
  }
}

/** Learns the vocabulary (terms in at least `minDf` messages) and idf weights, and vectorises the training texts. */
export function fitTfidfVectorizer(
  texts: readonly string[],
  settings: FeatureSettings,
  minDf: number,
): { vectorizer: TfidfVectorizer; vectors: SparseVector[] } {
  const counted = texts.map((text) => countTerms(text, settings));
  const wordBlock = learnBlock(
    counted.map(([words]) => words),
    minDf,
  );
  const charBlock = learnBlock(
    counted.map(([, chars]) => chars),
    minDf,
  );
  const vectorizer = new TfidfVectorizer(settings, wordBlock, charBlock);
  return { vectorizer, vectors: counted.map((counts) => vectorizer.vectorise(counts)) };
}

function countTerms(text: string, settings: FeatureSettings): [TermCounts, TermCounts] {
  const words = wordsOf(text);
  const [minWord, maxWord] = settings.wordNgramRange;
  const [minChar, maxChar] = settings.charNgramRange;
  return [tally(wordNgrams(words, minWord, maxWord)), tally(charNgrams(words, minChar, maxChar))];
}

function tally(terms: readonly string[]): TermCounts {
  const counts: TermCounts = new Map();
  for (const term of terms) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** Smoothed idf, as if one extra message contained every term once: ln((1 + n) / (1 + df)) + 1. */
function learnBlock(documents: readonly TermCounts[], minDf: number): TermBlock {
  const documentFrequency = new Map<string, number>();
  for (const counts of documents) {
    for (const term of counts.keys()) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  // Sorted so the feature order depends on the vocabulary only, not on the order of the training rows.
  const terms = [...documentFrequency.entries()]
    .filter(([, df]) => df >= minDf)
    .map(([term]) => term)
    .sort();
  const idf = Float32Array.from(
    terms,
    (term) => Math.log((1 + documents.length) / (1 + (documentFrequency.get(term) ?? 0))) + 1,
  );
  return { terms, idf };
}

function indexBlock(block: TermBlock, offset: number, weight: number): IndexedBlock {
  return { ...block, index: new Map(block.terms.map((term, i) => [term, i])), offset, weight };
}

function appendBlock(
  block: IndexedBlock,
  counts: TermCounts,
  sublinearTf: boolean,
  indices: number[],
  values: number[],
): void {
  const start = values.length;
  let squaredNorm = 0;
  for (const [term, count] of counts) {
    const position = block.index.get(term);
    if (position === undefined) {
      continue;
    }
    const value = (sublinearTf ? 1 + Math.log(count) : count) * block.idf[position];
    indices.push(block.offset + position);
    values.push(value);
    squaredNorm += value * value;
  }
  if (squaredNorm === 0) {
    return;
  }
  const scale = block.weight / Math.sqrt(squaredNorm);
  for (let i = start; i < values.length; i++) {
    values[i] *= scale;
  }
}
