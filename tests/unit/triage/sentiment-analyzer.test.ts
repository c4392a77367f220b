import {
  NEGATIVE_AT_MOST,
  POSITIVE_AT_LEAST,
  SentimentAnalyzer,
  sentimentOf,
} from '../../../core/triage/sentiment-analyzer';

describe('sentiment of a support message', () => {
  const analyzer = new SentimentAnalyzer();

  it.each([
    'this is useless, I want a refund now',
    "I'm not happy with the service",
    'Your support is awful and slow',
    'worst experience ever, I hate this',
    'No help at all from your team',
    'I am very disappointed',
  ])('reads "%s" as negative', (text) => {
    const reading = analyzer.read(text);
    expect(reading.sentiment).toBe('negative');
    expect(reading.score).toBeLessThanOrEqual(NEGATIVE_AT_MOST);
  });

  it.each(['thanks, that fixed it!', 'Great, thank you so much, you are amazing', 'Love the new feature, works great'])(
    'reads "%s" as positive',
    (text) => {
      const reading = analyzer.read(text);
      expect(reading.sentiment).toBe('positive');
      expect(reading.score).toBeGreaterThanOrEqual(POSITIVE_AT_LEAST);
    },
  );

  it.each([
    'what are your opening hours',
    // Courtesy and support vocabulary carry no mood: wink alone scores these as clearly positive or negative.
    'Can you help me reset my password?',
    'Could you please send me the invoice?',
    'How does the export work?',
    'When will I be charged?',
    'Sorry to bother you, is there a free trial?',
    "I've been waiting for a reply since Monday",
    'ok',
    '',
  ])('reads "%s" as neutral', (text) => {
    expect(analyzer.read(text)).toEqual({ sentiment: 'neutral', score: expect.any(Number) });
  });

  it('keeps a negated courtesy word: "no help" is a complaint, "help" alone is not', () => {
    expect(analyzer.read('Please help').score).toBe(0);
    expect(analyzer.read('No help at all').score).toBeLessThan(0);
  });

  it('does not let a greeting in its own sentence dilute a complaint', () => {
    const alone = analyzer.read('This is unacceptable.');
    expect(analyzer.read('Hello. This is unacceptable.').score).toBe(alone.score);
  });

  it('ignores an email sign-off ("Best regards" is not praise)', () => {
    expect(analyzer.read('My parcel arrived damaged.\nBest regards, Ann').sentiment).toBe('negative');
  });

  it('keeps the score within -1..1', () => {
    for (const text of ['the app keeps crashing, very annoying!!! terrible awful', 'wonderful wonderful best']) {
      const { score } = analyzer.read(text);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('maps scores onto the three sentiments at the thresholds', () => {
    expect(sentimentOf(NEGATIVE_AT_MOST)).toBe('negative');
    expect(sentimentOf(NEGATIVE_AT_MOST + 0.01)).toBe('neutral');
    expect(sentimentOf(POSITIVE_AT_LEAST - 0.01)).toBe('neutral');
    expect(sentimentOf(POSITIVE_AT_LEAST)).toBe('positive');
  });
});
