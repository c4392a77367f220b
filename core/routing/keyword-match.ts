/**
 * Keyword and phrase matching for routing rules: case-insensitive, on word boundaries that understand any
 * script (a letter, digit or combining mark next to the match means it is part of a longer word), so 'down' does
 * not match 'download' and 'café' does not match 'cafés'. Scripts written without spaces (Chinese, Japanese,
 * Thai, ...) have no word boundaries to test, so a keyword in them matches anywhere.
 */

const APOSTROPHES = /[\u2018\u2019\u02BC`]/gu;
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';
const IS_WORD_CHAR = new RegExp(WORD_CHAR, 'u');
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const MAX_CACHED_PATTERNS = 1000;

/** A keyword's pattern, and a plain substring any match must contain (a cheap test before the regular expression). */
interface CompiledKeyword {
  firstWord: string;
  pattern: RegExp;
}

const patterns = new Map<string, CompiledKeyword | null>();
// A policy tests one message against many rules' keywords; normalising it once is most of the saving.
let lastText: { raw: string; normalised: string } | null = null;

/** How keywords are stored and compared: NFKC, lowercase, trimmed, single spaces, straight apostrophes. */
export function normaliseKeyword(keyword: string): string {
  return normaliseText(keyword).trim().replace(/\s+/gu, ' ');
}

function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'");
}

/** The compiled keyword; null for a keyword that is only spaces. */
function compiled(keyword: string): CompiledKeyword | null {
  let pattern = patterns.get(keyword);
  if (pattern === undefined) {
    const normalised = normaliseKeyword(keyword);
    const words = normalised.split(' ');
    const body = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
    const chars = [...normalised];
    const before = needsBoundary(chars[0]) ? `(?<!${WORD_CHAR})` : '';
    const after = needsBoundary(chars[chars.length - 1]) ? `(?!${WORD_CHAR})` : '';
    pattern = normalised === '' ? null : { firstWord: words[0], pattern: new RegExp(`${before}${body}${after}`, 'u') };
    if (patterns.size >= MAX_CACHED_PATTERNS) {
      patterns.clear();
    }
    patterns.set(keyword, pattern);
  }
  return pattern;
}

function needsBoundary(char: string | undefined): boolean {
  return char !== undefined && IS_WORD_CHAR.test(char) && !UNSPACED_SCRIPT.test(char);
}

/** The first of `keywords` found in `text`, or null. */
export function findKeyword(text: string, keywords: readonly string[]): string | null {
  if (lastText?.raw !== text) {
    lastText = { raw: text, normalised: normaliseText(text) };
  }
  const haystack = lastText.normalised;
  const matches = (keyword: string) => {
    const candidate = compiled(keyword);
    return candidate !== null && haystack.includes(candidate.firstWord) && candidate.pattern.test(haystack);
  };
  return keywords.find(matches) ?? null;
}
