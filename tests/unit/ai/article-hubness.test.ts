import { articleHubness } from '../../../core/knowledge/article-hubness';
import { fitLexicalArticleIndex, functionWordDamping } from '../../../core/knowledge/lexical-article-index';

const article = (id: string, title: string, body = '') => ({ id, title, body });

describe('article hubness', () => {
  it('is the mean of an article’s best scores against the other articles’ sentences, never its own', () => {
    const articles = [article('a', 'A', 'One. Two.'), article('b', 'B', 'Three.'), article('c', 'C', '')];
    // Article 0 scores 0.4 against every sentence, article 1 0.1, article 2 nothing.
    const hubness = articleHubness(articles, () => [0.4, 0.1, 0]);

    expect([...hubness]).toEqual([0.4, 0.1, 0]);
    // Article 0 saw only "Three." (its own sentences are left out), article 1 saw "One." and "Two.".
    const seen: string[] = [];
    articleHubness(articles, (text) => (seen.push(text), null));
    expect(seen).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('stops a short title that shares the knowledge base’s common word from winning every question with it', () => {
    const articles = [
      article('card', 'Your card', 'Your card is the key to your account.'),
      article(
        'arrival',
        'My new card has not arrived yet',
        'A new card is posted the next working day and arrives within 5 days.',
      ),
      article('freeze', 'Freezing a lost card', 'Freeze a lost card in the app; a frozen card declines every payment.'),
      article('pin', 'Changing the PIN of a card', 'Change the PIN of your card at any cash machine.'),
    ];
    const index = fitLexicalArticleIndex(articles);
    const [first] = index.search('my new card is late');

    expect(first.articleId).toBe('arrival');
    const generic = index.search('card').find((match) => match.articleId === 'card')!;
    expect(generic.ranking).toBeLessThan(generic.score);
  });
});

describe('function-word damping', () => {
  it('damps function-word n-grams in a knowledge base of topic titles and not in one of question titles', () => {
    const topics = [article('1', 'Prices and passes'), article('2', 'Parking'), article('3', 'Helmets?')];
    const questions = [
      article('1', 'Where did it come from?'),
      article('2', 'What is it?'),
      article('3', 'Is it safe?'),
    ];

    expect(functionWordDamping(topics)).toBeCloseTo(0.1);
    expect(functionWordDamping(questions)).toBe(1);
    expect(functionWordDamping([])).toBeCloseTo(0.1);
  });
});
