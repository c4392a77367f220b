import { fitTfidfVectorizer } from '../../../core/triage/classifier/tfidf-vectorizer';
import { charNgrams, wordNgrams, wordsOf } from '../../../core/triage/classifier/tokenizer';

const settings = {
  wordNgramRange: [1, 2],
  charNgramRange: [2, 3],
  sublinearTf: true,
  wordWeight: 1,
  charWeight: 1,
} as const;

describe('tokenizer', () => {
  it('lower-cases, keeps contractions whole and folds curly apostrophes', () => {
    expect(wordsOf("My CARD’s late, it hasn't come!")).toEqual(['my', "card's", 'late', 'it', "hasn't", 'come']);
  });

  it('makes word n-grams and space-padded character n-grams', () => {
    expect(wordNgrams(['top', 'up', 'failed'], 1, 2)).toEqual(['top', 'up', 'failed', 'top up', 'up failed']);
    expect(charNgrams(['up'], 2, 4)).toEqual([' u', 'up', 'p ', ' up', 'up ', ' up ']);
  });

  it('keeps emoji whole inside character n-grams', () => {
    expect(charNgrams(['a🎉'], 2, 2)).toEqual([' a', 'a🎉', '🎉 ']);
  });
});

describe('TF-IDF vectorizer', () => {
  const texts = ['card arrived', 'card lost', 'card lost again'];

  it('drops terms rarer than min-df and weights rarer kept terms higher', () => {
    const { vectorizer } = fitTfidfVectorizer(texts, settings, 2);
    expect(vectorizer.wordBlock.terms).toEqual(['card', 'card lost', 'lost']);
    const [cardIdf, , lostIdf] = vectorizer.wordBlock.idf;
    expect(cardIdf).toBeCloseTo(1, 6);
    expect(lostIdf).toBeCloseTo(Math.log(4 / 3) + 1, 6);
  });

  it('L2-normalises each block and scales it by its weight', () => {
    const { vectors } = fitTfidfVectorizer(texts, { ...settings, charWeight: 0.5 }, 1);
    const { vectorizer } = fitTfidfVectorizer(texts, { ...settings, charWeight: 0.5 }, 1);
    const wordCount = vectorizer.wordBlock.terms.length;
    for (const vector of vectors) {
      const squares = (inWordBlock: boolean) =>
        [...vector.values].reduce(
          (sum, value, i) => (vector.indices[i] < wordCount === inWordBlock ? sum + value * value : sum),
          0,
        );
      expect(squares(true)).toBeCloseTo(1, 5);
      expect(squares(false)).toBeCloseTo(0.25, 5);
    }
  });

  it('vectorises unseen text with known terms only, and empty text to an empty vector', () => {
    const { vectorizer } = fitTfidfVectorizer(texts, settings, 2);
    expect(vectorizer.transform('').indices).toHaveLength(0);
    const unseen = vectorizer.transform('CARD');
    expect(unseen.indices[0]).toBe(vectorizer.wordBlock.terms.indexOf('card'));
    expect(unseen.indices.every((index) => index < vectorizer.featureCount)).toBe(true);
  });
});
