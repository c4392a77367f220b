/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'nr',
  'approx',
  'incl',
  'fig',
  'ca',
  'u.s',
  'u.k',
  'a.m',
  'p.m',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/**
 * Splits prose into whole sentences, each keeping its punctuation and inner spacing. A sentence ends at . ! ? (or an
 * ellipsis) followed by white space and a capital, digit, quote or bracket, except after a known abbreviation, an
 * initial ("J. Smith") or inside a number ("3.5"). Text without an end mark is one sentence.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?…]+["'”’)\]]*)(\s+)(?=["'“‘([]*[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[1].length;
    if (match[1].startsWith('.') && !endsSentence(text.slice(start, match.index))) {
      continue;
    }
    pushTrimmed(sentences, text.slice(start, end));
    start = end + match[2].length;
  }
  pushTrimmed(sentences, text.slice(start));
  return sentences;
}

function endsSentence(before: string): boolean {
  const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (lastWord === '') {
    return true;
  }
  if (ABBREVIATIONS.has(lastWord.toLowerCase())) {
    return false;
  }
  // A single capital letter ("J." in "J. Smith") is an initial.
  return !/^\p{Lu}$/u.test(lastWord);
}

function pushTrimmed(sentences: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed !== '') {
    sentences.push(trimmed);
  }
}
