import { asksForHuman } from '../../../core/knowledge/answer/human-request.detector';

describe('recognising a request for a person', () => {
  it.each([
    'I want to talk to a person',
    'Can I speak to a human please?',
    'agent',
    'Human please!',
    'connect me with a real person',
    "I'd like to chat with someone from your team",
    'Let me talk to a customer service representative',
    'transfer me to an agent',
    'I need a human',
    'get me a live agent now',
    'Can I speak with your manager?',
    'a human, not a bot!',
    'put me through to someone who can help',
    'are you a bot? I want a real person',
  ])('flags "%s"', (text) => {
    expect(asksForHuman(text)).toBe(true);
  });

  it.each([
    'How do I see the people I follow?',
    'Can I chat with people I follow?',
    'How do I chat with someone I met in a group?',
    'Can I transfer money to someone?',
    'How do I connect with people in my area?',
    'The agent app crashes on login',
    'What are your opening hours?',
    'How do I reset my password?',
    'Is the person on the invoice the account owner?',
    'How do I talk to someone on my friends list?',
    'Can I share my order with someone else?',
    "I'm not a robot but the captcha keeps failing",
    'are you a real person or a bot?',
    'am I talking to an actual person',
  ])('does not flag "%s"', (text) => {
    expect(asksForHuman(text)).toBe(false);
  });
});
