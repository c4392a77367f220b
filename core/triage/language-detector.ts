import { detectAll } from 'tinyld';

/** Fewer letters than this and n-gram statistics are a guess ("ok thx", "merci", an order number). */
export const MIN_LETTERS = 12;
/** tinyld reports 1 when a word is unique to one language; its other scores are small and only comparable. */
const SURE_ACCURACY = 0.5;
/** Otherwise the winner must be this many times likelier than the runner-up ("Hello, I cannot log in…" → it vs en). */
const MIN_LEAD = 3;

const LETTER = /\p{L}/gu;
const ISO_639_1 = /^[a-z]{2}$/;

/**
 * The ISO 639-1 code of the message's language, or null when the text is too short or the detector hesitates:
 * a wrong language would route a customer to a team that cannot read them, no language only skips that rule.
 * Uses tinyld's normal profile (~20 MB); the heavy one detects a few more short English messages for ~60 MB.
 */
export function detectLanguage(text: string): string | null {
  if ((text.match(LETTER)?.length ?? 0) < MIN_LETTERS) {
    return null;
  }
  const [first, second] = detectAll(text);
  if (!first) {
    return null;
  }
  const sure = first.accuracy >= SURE_ACCURACY || !second || first.accuracy >= MIN_LEAD * second.accuracy;
  // tinyld also knows Berber and Klingon, which have no two-letter code.
  return sure && ISO_639_1.test(first.lang) ? first.lang : null;
}
