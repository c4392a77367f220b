/**
 * Turns a customer message into the terms the TF-IDF vectoriser counts: word n-grams, and character n-grams taken
 * inside word boundaries (each word padded with a space on both sides, as scikit-learn's `char_wb` does) so that
 * typos, plurals and inflections still share most of their features.
 */

/** Letters and digits, keeping in-word apostrophes ("hasn't", "card's") so contractions stay one word. */
const WORD_PATTERN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Lower-cases and folds look-alike characters so that "Card’s" and "card's" are the same word. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

/** The words of a message, normalised, in reading order. */
export function wordsOf(text: string): string[] {
  return normaliseText(text).match(WORD_PATTERN) ?? [];
}

/** Contiguous word n-grams for every n in [minN, maxN], joined with a space. */
export function wordNgrams(words: readonly string[], minN: number, maxN: number): string[] {
  const grams: string[] = [];
  for (let n = Math.max(1, minN); n <= maxN; n++) {
    for (let start = 0; start + n <= words.length; start++) {
      grams.push(n === 1 ? words[start] : words.slice(start, start + n).join(' '));
    }
  }
  return grams;
}

/** Character n-grams of every space-padded word, for every n in [minN, maxN] up to the padded word's length. */
export function charNgrams(words: readonly string[], minN: number, maxN: number): string[] {
  const grams: string[] = [];
  for (const word of words) {
    // Emoji and other astral characters are sliced by code point: a lone surrogate would not survive the UTF-8
    // round trip of a stored model's vocabulary.
    const padded = SURROGATE.test(word) ? [' ', ...word, ' '] : ` ${word} `;
    for (let n = Math.max(1, minN); n <= maxN && n <= padded.length; n++) {
      for (let start = 0; start + n <= padded.length; start++) {
        const gram = padded.slice(start, start + n);
        grams.push(typeof gram === 'string' ? gram : gram.join(''));
      }
    }
  }
  return grams;
}
