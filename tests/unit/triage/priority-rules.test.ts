import { assessPriority, REPEAT_CONTACTS_AT_LEAST } from '../../../core/triage/priority-rules';
import type { SentimentReading } from '../../../core/triage/triage.types';

const NEUTRAL: SentimentReading = { sentiment: 'neutral', score: 0 };
const MILDLY_NEGATIVE: SentimentReading = { sentiment: 'negative', score: -0.3 };
const STRONGLY_NEGATIVE: SentimentReading = { sentiment: 'negative', score: -0.8 };

const assess = (text: string, sentiment: SentimentReading = NEUTRAL, recentContacts = 1) =>
  assessPriority({ text, sentiment, recentContacts });

describe('priority of a customer message', () => {
  it('is normal with no cue at all', () => {
    expect(assess('What are your opening hours?')).toEqual({ priority: 'normal', reasons: [] });
  });

  describe('urgency words', () => {
    it.each([
      ['This is urgent', 'urgent'],
      ['URGENT!!', 'urgent'],
      ['Please reply urgently', 'urgently'],
      ['I need the invoice ASAP', 'asap'],
      ['need it a.s.a.p.', 'a.s.a.p.'],
      ['It is an emergency', 'emergency'],
      ['Send me the invoice immediately', 'immediately'],
    ])('"%s" is high because of "%s"', (text, word) => {
      expect(assess(text)).toEqual({ priority: 'high', reasons: [`urgency word "${word}"`] });
    });

    it.each(['Is there an urgency fee?', 'our asapp account', 'emergencyroom.com'])(
      'does not read an urgency word inside another word: "%s"',
      (text) => {
        expect(assess(text).priority).toBe('normal');
      },
    );

    it('does not count "immediately" describing when a fault happens', () => {
      expect(assess('Please tell me how to export, the page reloads immediately after I click').reasons).toEqual([]);
    });
  });

  describe('outage cues', () => {
    it.each([
      ['The website is down', 'is down'],
      ["it's down again", "it's down"],
      ['it’s down since this morning', "it's down"],
      ["we're down", "we're down"],
      ['our servers down, help', 'servers down'],
      ['the app went down an hour ago', 'app went down'],
      ['everything is completely down', 'is completely down'],
      ['We have an outage', 'outage'],
      ['The checkout is not working', 'not working'],
      ["The checkout isn't working", "isn't working"],
      ['The checkout isn’t working', "isn't working"],
      ['export doesnt work', 'doesnt work'],
      ["export doesn't seem to work", "doesn't seem to work"],
      ['sync stopped working', 'stopped working'],
      ['the export button is broken', 'broken'],
      ['the app keeps crashing', 'crashing'],
      ["I can't log in", "can't log in"],
      ['I can’t log in', "can't log in"],
      ['I cant login', 'cant login'],
      ['I cannot log into my account', 'cannot log into'],
      ["I can't sign in", "can't sign in"],
      ['unable to log-in', 'unable to log-in'],
      ["can't access my account", "can't access my account"],
      ["I'm locked out", 'locked out'],
    ])('"%s" is high because of "%s"', (text, phrase) => {
      expect(assess(text)).toEqual({ priority: 'high', reasons: [`outage cue "${phrase}"`] });
    });

    it.each([
      'Where can I download my invoice?',
      'The countdown on the sale page shows the wrong time',
      'Please slow down the emails',
      'Scroll down to the bottom of the page?',
      'The drop-down lists every country',
      'Can I make a down payment?',
      'I would like to shut down my account',
      'The price went down after I bought it',
      "It's down to you which plan I take",
      'Is there a downtime window planned?',
      'Is the workaround working for everyone?',
      'Can I log in with Google?',
      'I can log in now, thanks',
      'my unbroken streak of orders',
      'What are your working hours?',
    ])('finds no outage in "%s"', (text) => {
      expect(assess(text)).toEqual({ priority: 'normal', reasons: [] });
    });
  });

  describe('money-loss cues', () => {
    it.each([
      ['I was charged twice', 'charged twice'],
      ['you charged me twice for May', 'charged me twice'],
      ['I got double-charged', 'double-charged'],
      ['there is a duplicate charge on my card', 'duplicate charge'],
      ['This is fraud', 'fraud'],
      ['a fraudulent payment', 'fraudulent'],
      ['an unauthorized transaction', 'unauthorized'],
      ['an unauthorised transaction', 'unauthorised'],
    ])('"%s" is high because of "%s"', (text, phrase) => {
      expect(assess(text)).toEqual({ priority: 'high', reasons: [`money-loss cue "${phrase}"`] });
    });

    it.each(['When will I be charged?', 'Your anti-fraud check asked for my ID', 'I was charged correctly'])(
      'finds no money lost in "%s"',
      (text) => {
        expect(assess(text).priority).toBe('normal');
      },
    );
  });

  describe('repeated contacts', () => {
    it(`is high from ${REPEAT_CONTACTS_AT_LEAST} conversations in 7 days`, () => {
      expect(assess('Any news on my parcel?', NEUTRAL, 3)).toEqual({
        priority: 'high',
        reasons: ['3 contacts in 7 days'],
      });
      expect(assess('Any news on my parcel?', NEUTRAL, 2)).toEqual({ priority: 'normal', reasons: [] });
    });
  });

  describe('combined cues', () => {
    it('is urgent when an urgency word comes with an outage', () => {
      expect(assess('URGENT: the site is down')).toEqual({
        priority: 'urgent',
        reasons: ['urgency word "urgent"', 'outage cue "is down"'],
      });
    });

    it('is urgent when the customer keeps coming back about money', () => {
      expect(assess('I was charged twice, still no refund', NEUTRAL, 4)).toEqual({
        priority: 'urgent',
        reasons: ['money-loss cue "charged twice"', '4 contacts in 7 days'],
      });
    });

    it('counts several cues of one kind once', () => {
      expect(assess('The app is broken and keeps crashing').priority).toBe('high');
    });
  });

  describe('sentiment', () => {
    it('raises a message one step when strongly negative', () => {
      expect(assess('I am very disappointed with your service', STRONGLY_NEGATIVE)).toEqual({
        priority: 'high',
        reasons: ['strongly negative sentiment'],
      });
      expect(assess('The export is broken', STRONGLY_NEGATIVE)).toEqual({
        priority: 'urgent',
        reasons: ['outage cue "broken"', 'strongly negative sentiment'],
      });
    });

    it('does not raise a mildly negative message', () => {
      expect(assess('This is a bit annoying', MILDLY_NEGATIVE)).toEqual({ priority: 'normal', reasons: [] });
    });

    it('cannot go above urgent', () => {
      expect(assess('URGENT: the site is down', STRONGLY_NEGATIVE, 5).priority).toBe('urgent');
    });
  });

  describe('a customer who says there is no rush', () => {
    it.each([
      ['No rush, but how do I change my avatar?', 'no rush'],
      ['This is not urgent: how do I change my avatar?', 'not urgent'],
      ["It isn't an emergency, just curious", "isn't an emergency"],
      ['Reply whenever you can', 'whenever you can'],
    ])('"%s" is low', (text, phrase) => {
      expect(assess(text)).toEqual({ priority: 'low', reasons: [`no-rush cue "${phrase}"`] });
    });

    it('lowers a raising cue one step instead of ignoring it', () => {
      expect(assess('Not urgent, but the export is broken')).toEqual({
        priority: 'normal',
        reasons: ['outage cue "broken"', 'no-rush cue "not urgent"'],
      });
    });

    it('reads an urgency word after an unrelated "no" as urgency', () => {
      expect(assess("No, it's urgent").priority).toBe('high');
      expect(assess('I have no access to the reports and this is urgent').priority).toBe('high');
    });
  });
});
