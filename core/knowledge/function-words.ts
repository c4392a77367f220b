/**
 * English function words: they say how a question is asked, not what it is about, so the answerability score does
 * not count them as evidence either way (a small knowledge base may never use "how" or "does").
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on ' +
    'once only or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where which ' +
    'while who whom why will with would you your yours yourself yourselves hi hello hey please thanks thank ok okay ' +
    "i'm i've i'd can't don't doesn't isn't won't it's there's what's how's also get got tell know want need like"
  ).split(' '),
);

/**
 * Words that are part of how a question is asked ("how long", "how much", "how does it work") but, unlike function words, help match
 * questions to FAQ titles; the answerability score does not count them as evidence, the n-gram model does.
 */
export const QUESTION_PHRASE_WORDS: ReadonlySet<string> = new Set([
  'long',
  'much',
  'many',
  'often',
  'soon',
  // "how does it work", "what does it mean", "what happens if"
  'work',
  'works',
  'mean',
  'means',
  'happen',
  'happens',
]);
