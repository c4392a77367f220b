import type {
  AgentSnapshot,
  QueuedConversation,
  TeamAssignmentSettings,
} from '../../../core/assignment/assignment.types';
import type { AgentRanker, Ranking } from '../../../core/assignment/ranking';
import { NOW } from './assignment-fixtures';

/** Runs a ranker the way the planner does, over agents the test declares eligible. */
export function rank(
  ranker: AgentRanker,
  agents: AgentSnapshot[],
  conversation: QueuedConversation,
  team?: TeamAssignmentSettings,
  now = NOW,
): Ranking & { order: string[] } {
  const ranking = ranker(agents, { conversation, team, now });
  return { ...ranking, order: ranking.candidates.map((candidate) => candidate.agentId) };
}
