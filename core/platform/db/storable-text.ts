const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** U+0000 and UTF-16 surrogates without their partner: PostgreSQL refuses them in text (NUL) and jsonb (both). */
const UNSTORABLE = new RegExp(`${NUL}|${LONE_SURROGATE.source}`, 'g');

/** What in the text PostgreSQL refuses (a NUL byte) or cannot even encode (an unpaired surrogate), if anything. */
export function unstorableText(text: string): 'a NUL byte' | 'an unpaired surrogate' | undefined {
  if (text.includes(NUL)) {
    return 'a NUL byte';
  }
  return LONE_SURROGATE.test(text) ? 'an unpaired surrogate' : undefined;
}

/** The text with every character PostgreSQL cannot store replaced by U+FFFD (the replacement character). */
export function toStorableText(text: string): string {
  return text.replace(UNSTORABLE, '\uFFFD');
}

/** True when the text holds a character PostgreSQL cannot store. */
export function hasUnstorableText(text: string): boolean {
  return text.search(UNSTORABLE) !== -1;
}

/** A deep copy of a JSON-like value whose strings (keys included) are all storable. */
export function toStorableJson<T>(value: T): T {
  if (typeof value === 'string') {
    return toStorableText(value) as T;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => toStorableJson(item)) as T;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        toStorableText(key),
        toStorableJson(item),
      ]),
    ) as T;
  }
  return value;
}
