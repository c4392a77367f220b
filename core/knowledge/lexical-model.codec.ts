import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureSettings } from '../triage/classifier/feature-settings';
import type { TermBlock } from '../triage/classifier/tfidf-vectorizer';
import type { LexicalArticleIndex } from './lexical-article-index';

/** Bumped when the stored shape changes; a model of another format is refitted instead of decoded. */
export const LEXICAL_MODEL_FORMAT = 2;

export interface StoredLexicalModel {
  settings: FeatureSettings;
  wordBlock: TermBlock;
  charBlock: TermBlock;
  /** Each article's hubness by id (article-hubness.ts), so loading the model does not recompute it. */
  hubness: Record<string, number>;
}

interface EncodedModel {
  format: number;
  settings: FeatureSettings;
  words: { terms: string[]; idf: number[] };
  chars: { terms: string[]; idf: number[] };
  hubness: Record<string, number>;
}

/** The vocabulary, idf and article hubness of a fitted index as gzipped JSON (vectors are rebuilt from the articles). */
export function encodeLexicalModel(index: LexicalArticleIndex): Buffer {
  const { settings, wordBlock, charBlock } = index.vectorizer;
  const encoded: EncodedModel = {
    format: LEXICAL_MODEL_FORMAT,
    settings,
    words: { terms: [...wordBlock.terms], idf: [...wordBlock.idf] },
    chars: { terms: [...charBlock.terms], idf: [...charBlock.idf] },
    hubness: index.hubnessById(),
  };
  return gzipSync(Buffer.from(JSON.stringify(encoded), 'utf8'));
}

/** Null when the buffer holds a model of another format. */
export function decodeLexicalModel(buffer: Buffer): StoredLexicalModel | null {
  const encoded = JSON.parse(gunzipSync(buffer).toString('utf8')) as EncodedModel;
  if (encoded.format !== LEXICAL_MODEL_FORMAT) {
    return null;
  }
  return {
    settings: encoded.settings,
    wordBlock: { terms: encoded.words.terms, idf: Float32Array.from(encoded.words.idf) },
    charBlock: { terms: encoded.chars.terms, idf: Float32Array.from(encoded.chars.idf) },
    hubness: encoded.hubness,
  };
}
