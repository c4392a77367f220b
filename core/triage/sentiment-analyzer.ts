import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentiment, SentimentReading } from './triage.types';

/** At or below this score a message reads as negative; support complaints are often mild in wording. */
export const NEGATIVE_AT_MOST = -0.2;
/** At or above this score a message reads as positive (a plain "thanks" scores 0.4). */
export const POSITIVE_AT_LEAST = 0.3;

/**
 * Words wink's general-purpose lexicon scores but that, in a support message, describe the request rather than
 * the customer's mood ("my card was charged", "how does export work?", "still waiting for a reply").
 */
const SUPPORT_VOCABULARY = new Set([
  'work',
  'works',
  'working',
  'worked',
  'charge',
  'charges',
  'charged',
  'cancel',
  'support',
  'waiting',
  'still',
  'free',
]);

/**
 * Courtesy words that lift the score of any request ("please help", "sorry to bother you"). They are ignored unless
 * negated, so "no help at all" still reads as negative.
 */
const COURTESY_WORDS = new Set([
  'help',
  'please',
  'pls',
  'plz',
  'kindly',
  'dear',
  'want',
  'ok',
  'okay',
  'sure',
  'yes',
  'hope',
  'well',
  'right',
  'kind',
  'sorry',
  'bother',
]);

const SIGN_OFF = /\b(?:best|kind|warm)\s+(?:regards|wishes)\b/gi;

let nlp: WinkMethods | undefined;

/** The model takes ~100 ms and tens of MB to build, so one instance serves every analyzer in the process. */
function sharedNlp(): WinkMethods {
  nlp ??= winkNLP(model, ['negation', 'sentiment']);
  return nlp;
}

/**
 * Reads the customer's mood from an English message with wink-nlp's lexicon-and-negation scorer, after dropping the
 * words that only carry support vocabulary or courtesy. Sentences are not split, so a greeting does not dilute a
 * complaint.
 */
export class SentimentAnalyzer {
  read(text: string): SentimentReading {
    const score = this.score(text);
    return { sentiment: sentimentOf(score), score };
  }

  private score(text: string): number {
    const nlp = sharedNlp();
    const its = nlp.its;
    const tokens = nlp.readDoc(text.replace(SIGN_OFF, ' ')).tokens();
    const words = tokens.out(its.value) as string[];
    const spaces = tokens.out(its.precedingSpaces) as string[];
    const negated = tokens.out(its.negationFlag) as boolean[];
    const kept = words.map((word, i) => {
      const normal = word.toLowerCase();
      const ignored = SUPPORT_VOCABULARY.has(normal) || (COURTESY_WORDS.has(normal) && !negated[i]);
      return spaces[i] + (ignored ? '' : word);
    });
    const score = Number(nlp.readDoc(kept.join('')).out(its.sentiment));
    return Number.isFinite(score) ? Math.round(Math.max(-1, Math.min(1, score)) * 1000) / 1000 : 0;
  }
}

export function sentimentOf(score: number): Sentiment {
  if (score <= NEGATIVE_AT_MOST) {
    return 'negative';
  }
  return score >= POSITIVE_AT_LEAST ? 'positive' : 'neutral';
}
