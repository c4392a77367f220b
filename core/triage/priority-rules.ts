import { PRIORITIES, raisePriority, type Priority } from '../conversations/conversation-status';
import { findCues, type Cue, type CueKind } from './priority-cues';
import type { PriorityReading, SentimentReading } from './triage.types';

/** This many conversations in a week (the current one included) means earlier answers did not solve it. */
export const REPEAT_CONTACTS_AT_LEAST = 3;
/** At or below this sentiment score the customer is upset enough to move up one step. */
export const STRONGLY_NEGATIVE_AT_MOST = -0.5;

export interface PriorityInput {
  text: string;
  sentiment: SentimentReading;
  /** The customer's conversations in the last 7 days, including this one. */
  recentContacts: number;
}

const CUE_REASON: Record<CueKind, string> = {
  urgency: 'urgency word',
  outage: 'outage cue',
  moneyLoss: 'money-loss cue',
  noRush: 'no-rush cue',
};

/**
 * How soon a message needs a person. Each kind of signal (an urgency word, an outage, money lost, repeated contacts)
 * makes it high on its own and urgent together with another kind; strongly negative sentiment raises it one step,
 * and a customer who says there is no rush lowers it one step (to low when nothing else was said).
 */
export function assessPriority({ text, sentiment, recentContacts }: PriorityInput): PriorityReading {
  const cues = findCues(text);
  const reasons = cues.filter((cue) => cue.kind !== 'noRush').map(reasonFor);
  const kinds = new Set(cues.map((cue) => cue.kind).filter((kind) => kind !== 'noRush'));
  const contacts = Number.isFinite(recentContacts) ? Math.floor(recentContacts) : 0;
  const signals = kinds.size + (contacts >= REPEAT_CONTACTS_AT_LEAST ? 1 : 0);
  if (contacts >= REPEAT_CONTACTS_AT_LEAST) {
    reasons.push(`${contacts} contacts in 7 days`);
  }

  let priority: Priority = signals === 0 ? 'normal' : signals === 1 ? 'high' : 'urgent';
  const noRush = cues.filter((cue) => cue.kind === 'noRush');
  if (noRush.length > 0) {
    priority = lowerPriority(priority);
    reasons.push(...noRush.map(reasonFor));
  }
  if (sentiment.score <= STRONGLY_NEGATIVE_AT_MOST) {
    priority = raisePriority(priority);
    reasons.push('strongly negative sentiment');
  }
  return { priority, reasons };
}

function reasonFor(cue: Cue): string {
  return `${CUE_REASON[cue.kind]} "${cue.phrase}"`;
}

function lowerPriority(priority: Priority): Priority {
  return PRIORITIES[Math.max(PRIORITIES.indexOf(priority) - 1, 0)];
}
