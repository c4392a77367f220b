import { asksForHuman } from '../../core/ai/human-request.detector';

describe('asking for a human', () => {
  it.each([
    'I want to talk to a person',
    'Can I speak to a human please?',
    'agent',
    'Human please!',
    'connect me with a real person',
    "I'd like to chat with someone from your team",
    'Let me talk to a customer service representative',
  ])('recognises "%s"', (text) => {
    expect(asksForHuman(text)).toBe(true);
  });

  it.each(['How do I reset my password?', 'What are your opening hours?', 'The agent app crashes on login'])(
    'does not flag "%s"',
    (text) => {
      expect(asksForHuman(text)).toBe(false);
    },
  );
});
