const PATTERNS: RegExp[] = [
  /\b(talk|speak|chat|connect|transfer)\b.{0,40}\b(human|person|agent|someone|somebody|representative|rep|operator|staff|people|team member)\b/i,
  /\b(real|actual|live)\s+(human|person|agent|people)\b/i,
  /^\s*(human|agent|operator|representative|person)(\s+(please|pls|now))?[\s.!?]*$/i,
  /\b(customer\s+(service|support)\s+(agent|rep|representative))\b/i,
  /\bnot\s+(a\s+)?(bot|robot|machine)\b/i,
];

/** True when a customer message asks for a human. */
export function asksForHuman(text: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(text));
}
