import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureSettings } from '../triage/classifier/feature-settings';
import type { TermBlock } from '../triage/classifier/tfidf-vectorizer';
import type { LexicalArticleIndex } from './lexical-article-index';

/** Bumped when the stored shape changes; a model of another format is refitted instead of decoded. */
export const LEXICAL_MODEL_FORMAT = 1;

export interface StoredLexicalModel {
  settings: FeatureSettings;
  wordBlock: TermBlock;
  charBlock: TermBlock;
}

interface EncodedModel {
  format: number;
  settings: FeatureSettings;
  words: { terms: string[]; idf: number[] };
  chars: { terms: string[]; idf: number[] };
}

/** The vocabulary and idf of a fitted index as gzipped JSON (the article vectors are rebuilt from the articles). */
export function encodeLexicalModel(index: LexicalArticleIndex): Buffer {
  const { settings, wordBlock, charBlock } = index.vectorizer;
  const encoded: EncodedModel = {
    format: LEXICAL_MODEL_FORMAT,
    settings,
    words: { terms: [...wordBlock.terms], idf: [...wordBlock.idf] },
    chars: { terms: [...charBlock.terms], idf: [...charBlock.idf] },
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
  };
}
