import type { AgentSnapshot, CandidateScore, QueuedConversation, TeamAssignmentSettings } from './assignment.types';

export interface RankingContext {
  conversation: QueuedConversation;
  /** undefined = the tenant-wide queue. */
  team: TeamAssignmentSettings | undefined;
  now: number;
  /** How many candidates to list (at least the winner); without it, every eligible agent. */
  limit?: number;
}

export interface Ranking {
  /** Eligible agents, best first, up to the context's limit. */
  candidates: CandidateScore[];
  /** Why the first candidate won, as a clause the planner completes into a sentence. */
  reason: string;
}

/** A strategy: orders agents that already passed eligibility. Precondition: at least one agent. Pure. */
export type AgentRanker = (eligible: readonly AgentSnapshot[], context: RankingContext) => Ranking;

/**
 * The `limit` best items, best first (all of them, sorted, without a limit). Once `limit` items are held, an item
 * that does not make the list costs one comparison and one that does a binary search, so listing the top 20 of 200
 * agents is far cheaper than sorting them all.
 */
export function bestFirst<T>(items: readonly T[], compare: (a: T, b: T) => number, limit = items.length): T[] {
  const size = Math.max(1, limit);
  if (size >= items.length) {
    return [...items].sort(compare);
  }
  const best: T[] = [];
  for (const item of items) {
    if (best.length === size) {
      if (compare(item, best[size - 1]) >= 0) {
        continue;
      }
      best.pop();
    }
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, best[middle]) < 0) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    best.splice(low, 0, item);
  }
  return best;
}
