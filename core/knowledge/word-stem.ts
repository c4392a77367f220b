/**
 * A deliberately light English stemmer for matching question words with article words: "shipping", "ships" and
 * "shipped" all become "ship", "takes" becomes "take". It only strips common inflections, so it never merges words
 * that are not forms of each other in a way that matters for "is this word in the article".
 */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length <= 3) {
    return w;
  }
  if (w.endsWith('ies') && w.length > 4) {
    return `${w.slice(0, -3)}y`;
  }
  for (const suffix of ['ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      // "shipping" → "shipp" → "ship"
      return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
    }
  }
  if (w.endsWith('es') && /(sh|ch|x|ss|zz)es$/.test(w)) {
    return w.slice(0, -2);
  }
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
    return w.slice(0, -1);
  }
  return w;
}
