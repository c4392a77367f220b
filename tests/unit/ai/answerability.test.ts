import { answerabilityFeatures } from '../../../core/knowledge/answer/answerability.features';
import { answerability } from '../../../core/knowledge/answer/answerability.model';
import type { RankedArticle } from '../../../core/knowledge/hybrid-article-search';
import { fitLexicalArticleIndex, sparseCosine } from '../../../core/knowledge/lexical-article-index';
import { selectPassage } from '../../../core/knowledge/passage-selector';

const ARTICLES = [
  {
    id: 'shipping',
    title: 'Shipping and delivery',
    body: 'Orders ship within 2 business days. Express delivery takes 1 day.\n\nWe ship to the EU and Norway.',
  },
  {
    id: 'refunds',
    title: 'Refunds',
    body: 'You can get a full refund within 14 days of a payment by asking our support team.',
  },
  {
    id: 'password',
    title: 'How to reset your password',
    body: 'Click "Forgot password" and we email you a reset link.',
  },
  { id: 'hours', title: 'Opening hours', body: 'Our support team is available Monday to Friday from 9:00 to 18:00.' },
];

const index = fitLexicalArticleIndex(ARTICLES);

/** What the retriever does, without the database: rank by the n-gram model, choose a passage, compute features. */
function featuresFor(question: string, fullTextIds: string[] = []) {
  const ranked: RankedArticle[] = index.search(question).map((match) => ({
    article: ARTICLES.find((article) => article.id === match.articleId)!,
    fusedScore: match.score,
    lexical: match,
    fullText: fullTextIds.includes(match.articleId) ? { articleId: match.articleId, rank: 0.1 } : null,
    semantic: null,
  }));
  const vector = index.vectorise(question);
  const similarity = (text: string) => sparseCosine(vector, index.vectorise(text));
  const passage = selectPassage(ranked[0].article.title, ranked[0].article.body, similarity).text;
  return {
    cited: ranked[0].article.id,
    features: answerabilityFeatures(
      question,
      { ranked, position: 0, passage, passageSimilarity: similarity(passage) },
      index,
    ),
  };
}

describe('answerability features', () => {
  it('are all between 0 and 1', () => {
    for (const question of ['How do I reset my password?', 'Do you sell seashells in Lisbon?']) {
      for (const value of Object.values(featuresFor(question).features)) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('count the weight of words the knowledge base does not know', () => {
    expect(featuresFor('How do I reset my password?').features.unknownWeight).toBe(0);
    expect(featuresFor('Can I pay with seashells at your Lisbon kiosk?').features.unknownWeight).toBeGreaterThan(0.7);
  });

  it('see the question words in the cited title or passage (field coverage), inflections included', () => {
    const { cited, features } = featuresFor('Do you ship to Norway?');
    expect(cited).toBe('shipping');
    expect(features.fieldCoverage).toBe(1);
  });

  it('record whether full-text search found the cited article', () => {
    expect(featuresFor('reset password', ['password']).features.fullTextFound).toBe(1);
    expect(featuresFor('reset password', []).features.fullTextFound).toBe(0);
  });

  it('give a clear margin when one article matches much better than the rest', () => {
    expect(featuresFor('How do I reset my password?').features.margin).toBeGreaterThan(0.5);
  });
});

describe('the answerability score', () => {
  it('is high for a question the knowledge base answers and low for one it does not know the words of', () => {
    const answered = answerability(featuresFor('How do I reset my password?', ['password']).features);
    const offTopic = answerability(featuresFor('Can I pay with seashells at your Lisbon kiosk?').features);

    expect(answered).toBeGreaterThan(0.45);
    expect(offTopic).toBeLessThan(0.2);
  });

  it('falls when the best article matches only incidentally', () => {
    const incidental = answerability(
      featuresFor('Is the team behind the EU AI act available for interviews?').features,
    );
    expect(incidental).toBeLessThan(0.45);
  });

  it('rises with the similarity of the best field and falls with the weight of unknown words', () => {
    const base = featuresFor('When can I get a refund?').features;
    const p = answerability(base);
    expect(answerability({ ...base, fieldSimilarity: base.fieldSimilarity + 0.2 })).toBeGreaterThan(p);
    expect(answerability({ ...base, fullTextFound: 1 })).toBeGreaterThanOrEqual(p);
    expect(answerability({ ...base, unknownWeight: Math.min(1, base.unknownWeight + 0.3) })).toBeLessThan(p);
  });
});
