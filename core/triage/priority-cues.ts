/** Kinds of wording in a customer message that say how soon it needs a person. */
export type CueKind = 'urgency' | 'outage' | 'moneyLoss' | 'noRush';

export interface Cue {
  kind: CueKind;
  /** The words as they appear in the (lower-cased) message, e.g. "not working". */
  phrase: string;
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';

/** A case-insensitive pattern that only matches whole words: "down" is not found in "download" or "countdown". */
function words(source: string): RegExp {
  return new RegExp(`${NOT_LETTER_BEFORE}(?:${source})${NOT_LETTER_AFTER}`, 'giu');
}

/** "isn't", "isnt", "cannot", "never"… (apostrophes are normalised to ' first). */
const NEGATION = "(?:not|never|no longer|(?:is|are|does|do|did|was|were|could|would|wo|ca)n'?t|cannot|can not)";

// "crashes immediately after login" describes the fault, not how soon the customer needs an answer.
const URGENCY = words(
  'urgent(?:ly)?|asap|a\\.s\\.a\\.p\\.?|emergency|immediately(?!\\s+(?:after|when|on|upon|once|as)\\b)',
);

/** An urgency word right after a negation ("not urgent", "isn't an emergency") means the opposite. */
const NEGATED_BEFORE = new RegExp(
  `(?:${NOT_LETTER_BEFORE}(?:not|no|never|nothing)|\\p{L}*n't)(?:\\s+[\\p{L}']+){0,2}\\s+$`,
  'u',
);

const NO_RUSH = words('no (?:rush|hurry)|not in a (?:rush|hurry)|whenever you (?:can|have time)|when you get a chance');

/** "is down", "it's down", "we're down"; "is" alone because "the site is down" rarely means anything else. */
const DOWN_AFTER_VERB = `${NOT_LETTER_BEFORE}(?:is|are|was|were|be|been|seems?|\\p{L}+'(?:s|re))`;
const OUTAGE_SUBJECTS = ['site', 'website', 'servers?', 'app', 'system', 'services?', 'api', 'checkout', 'everything'];
/** "servers down", "the app went down" (but not "the price went down"). */
const WENT = '(?:\\s+(?:went|goes|keeps going|has gone))?';
const DOWN_AFTER_SUBJECT = `${NOT_LETTER_BEFORE}(?:${OUTAGE_SUBJECTS.join('|')})${WENT}`;
const DOWN = `(?:${DOWN_AFTER_VERB}|${DOWN_AFTER_SUBJECT})(?:\\s+(?:still|completely|totally|all|again|now))?\\s+down`;

/** "doesn't even work", "isn't really working", "doesn't seem to work". */
const WORK_HEDGE = '(?:even|really|still|seems?\\s+to|appears?\\s+to)';
/** "log in", "log-in", "login", "log into", "sign in", "signin". */
const SIGN_IN = '(?:log|sign)\\s?-?\\s?in(?:to)?';

const OUTAGE: RegExp[] = [
  words('outages?'),
  // "down" only where it means unavailable: "the site is down", "it's down", "servers down", "down since 9am";
  // not "scroll down", "slow down", "drop-down", "down payment" or "it's down to you".
  new RegExp(`${DOWN}(?!\\s+(?:to|payment)${NOT_LETTER_AFTER})${NOT_LETTER_AFTER}`, 'giu'),
  words('down\\s+(?:since|for\\s+(?:hours|days|everyone|everybody))'),
  words(`${NEGATION}\\s+(?:${WORK_HEDGE}\\s+)?work(?:s|ing|ed)?|stopped working`),
  words('broken|crash(?:es|ed|ing)'),
  words(
    `(?:${NEGATION}|unable to|not able to)\\s+(?:${SIGN_IN}|access\\s+(?:my|our|the)\\s+(?:account|app|site|website))`,
  ),
  words('locked\\s+out'),
];

const MONEY_LOSS: RegExp[] = [
  words('charged\\s+(?:me\\s+)?(?:twice|two times|2 times|2x|double|three times)'),
  words('double[- ]?charged|duplicate\\s+(?:charges?|payments?)'),
  words('(?<!anti[- ]?)fraud(?:ulent)?|unauthori[sz]ed'),
];

/** Lower case, one kind of apostrophe, single spaces: the form every cue pattern is written against. */
export function normaliseForCues(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * Every priority cue in the message, in the order the kinds are listed above. A phrase found twice is one cue, and
 * so is a stretch of text two patterns both match ("it's down since 9am" is one outage, not two).
 */
export function findCues(text: string): Cue[] {
  const normal = normaliseForCues(text);
  const found: (Cue & { start: number; end: number })[] = [];
  const add = (kind: CueKind, phrase: string, start: number) => {
    const end = start + phrase.length;
    const repeated = found.some((cue) => cue.kind === kind && cue.phrase === phrase);
    const overlapping = found.some((cue) => cue.start < end && start < cue.end);
    if (!repeated && !overlapping) {
      found.push({ kind, phrase, start, end });
    }
  };
  for (const match of normal.matchAll(URGENCY)) {
    const negation = NEGATED_BEFORE.exec(normal.slice(0, match.index));
    if (negation) {
      add('noRush', negation[0] + match[0], match.index - negation[0].length);
    } else {
      add('urgency', match[0], match.index);
    }
  }
  for (const [kind, patterns] of [
    ['outage', OUTAGE],
    ['moneyLoss', MONEY_LOSS],
    ['noRush', [NO_RUSH]],
  ] as const) {
    for (const pattern of patterns) {
      for (const match of normal.matchAll(pattern)) {
        add(kind, match[0], match.index);
      }
    }
  }
  return found.map(({ kind, phrase }) => ({ kind, phrase }));
}
