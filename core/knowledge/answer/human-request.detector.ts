/** Who a customer may ask for: people who work for the business, not people in general. */
const STAFF =
  '(?:(?:a|an|the|some|your|one of your)\\s+)?(?:(?:real|actual|live|human)\\s+)?' +
  '(?:human(?:\\s+being)?|person|agent|someone|somebody|anyone|representative|rep|operator|staff(?:\\s+member)?|' +
  'team\\s+member|member\\s+of\\s+(?:your\\s+)?(?:staff|team)|customer\\s+(?:service|support|care)(?:\\s+(?:agent|rep|representative|team))?|' +
  'support\\s+(?:agent|team|person)|manager|supervisor|employee)';

/** After the person: context showing the customer means people they know, not staff ("someone I follow"). */
const NOT_STAFF =
  "(?!\\s+(?:i|i'm|i've|you|(?:who|that)\\s+(?:i|follows|posted|sent|messaged)|else|on|in|from\\s+my|at\\s+my|with\\s+my)\\b)";

const PATTERNS: RegExp[] = [
  // "talk to a person", "speak with someone from your team", "chat to a live agent"
  new RegExp(`\\b(?:talk|speak|chat)\\s+(?:to|with)\\s+${STAFF}\\b${NOT_STAFF}`, 'i'),
  // "connect me with a real person", "transfer me to an agent", "put me through to someone"
  new RegExp(`\\b(?:connect|transfer|put)\\s+me\\s+(?:through\\s+)?(?:to|with)\\s+${STAFF}\\b${NOT_STAFF}`, 'i'),
  // "I need a human", "get me an agent", "can I have a real person"
  new RegExp(
    `\\b(?:need|want|get\\s+me|give\\s+me|have|request|prefer)\\s+(?:a|an|to\\s+reach\\s+a?)\\s*(?:(?:real|actual|live)\\s+)?(?:human|person|agent|representative|operator)\\b${NOT_STAFF}`,
    'i',
  ),
  // "a real person please", "live agent"
  new RegExp(`\\b(?:real|actual|live)\\s+(?:human|person|agent|people|representative)\\b${NOT_STAFF}`, 'i'),
  // a one-word request: "agent", "Human please!"
  /^\s*(?:human|agent|operator|representative|person|live\s+agent|real\s+person)(?:\s+(?:please|pls|now))?[\s.!?]*$/i,
  // "a human, not a bot"
  /\b(?:human|person|someone|people)\b,?\s+not\s+(?:a\s+)?(?:bot|robot|machine)\b/i,
];

/** "Are you a real person?", "am I talking to a human?": a question about the bot, not a request for a person. */
const ASKS_WHO_IT_IS = /\b(?:are\s+you|am\s+i\s+(?:talking|speaking|chatting)|is\s+this)\b/i;
const EXPLICIT_REQUEST = /\b(?:want|need|let\s+me|connect\s+me|transfer\s+me|put\s+me|give\s+me|get\s+me)\b/i;

/**
 * True when a customer message asks for a human. Asking for a person means asking to reach the business's staff:
 * "I want to talk to a person" is a request, "how do I message people I follow" or "transfer money to someone" is
 * not, and neither is a question about agents ("the agent app crashes").
 */
export function asksForHuman(text: string): boolean {
  if (ASKS_WHO_IT_IS.test(text) && !EXPLICIT_REQUEST.test(text)) {
    return false;
  }
  return PATTERNS.some((pattern) => pattern.test(text));
}
