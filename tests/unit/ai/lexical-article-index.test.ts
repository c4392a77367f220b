import { fitLexicalArticleIndex } from '../../../core/knowledge/lexical-article-index';
import { decodeLexicalModel, encodeLexicalModel } from '../../../core/knowledge/lexical-model.codec';
import { lexicalIndexFrom } from '../../../core/knowledge/lexical-article-index';
import { stem } from '../../../core/knowledge/word-stem';

const ARTICLES = [
  { id: 'b-refunds', title: 'Refund policy', body: 'Refunds reach your card within 5 days of the return arriving.' },
  { id: 'a-shipping', title: 'Shipping times', body: 'Standard shipping takes 3 to 5 business days.' },
  { id: 'c-password', title: 'Resetting your password', body: 'Click "Forgot password" on the sign-in page.' },
];

describe('the lexical article model', () => {
  const index = fitLexicalArticleIndex(ARTICLES);

  it('ranks the article that shares the question words first, tolerating typos through character n-grams', () => {
    expect(index.search('how long does shipping take')[0].articleId).toBe('a-shipping');
    expect(index.search('pasword resset')[0].articleId).toBe('c-password');
    expect(index.search('when do I get my refund')[0].articleId).toBe('b-refunds');
  });

  it('returns nothing for a question that shares no feature with any article', () => {
    expect(index.search('zzzz qqqq')).toEqual([]);
  });

  it('weighs words the knowledge base never uses as unknown, ignoring function words', () => {
    const known = index.profile('How do I reset my password?');
    const offTopic = index.profile('Do you sell live lobsters?');

    expect(known.unknownShare).toBe(0);
    expect(offTopic.unknownShare).toBeGreaterThan(0.9);
    expect(known.words).toBe(2);
  });

  it('is the same model after a round trip through its stored form', () => {
    const stored = decodeLexicalModel(encodeLexicalModel(index))!;
    const restored = lexicalIndexFrom(stored.settings, stored.wordBlock, stored.charBlock, [...ARTICLES].reverse());

    expect(restored.search('shipping days')).toEqual(index.search('shipping days'));
  });

  it('fits the same model whatever order the articles come in', () => {
    const reversed = fitLexicalArticleIndex([...ARTICLES].reverse());
    expect(reversed.search('refund card')).toEqual(index.search('refund card'));
  });
});

describe('the light stemmer', () => {
  it.each([
    ['shipping', 'ship'],
    ['shipped', 'ship'],
    ['ships', 'ship'],
    ['takes', 'take'],
    ['deliveries', 'delivery'],
    ['boxes', 'box'],
    ['address', 'address'],
    ['virus', 'virus'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});
