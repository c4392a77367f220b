import type { AssignmentStrategy, QueuedConversation, TeamAssignmentSettings } from './assignment.types';

/** Matches the teams.skill_relax_after_seconds column default; used by the tenant-wide queue, which has no team. */
export const DEFAULT_SKILL_RELAX_AFTER_SECONDS = 120;

type RelaxationInput = Pick<QueuedConversation, 'optionalSkills' | 'queuedAt'>;

export function relaxAfterSeconds(team: TeamAssignmentSettings | undefined): number {
  return team?.skillRelaxAfterSeconds ?? DEFAULT_SKILL_RELAX_AFTER_SECONDS;
}

/**
 * The moment the skill strategy stops insisting on the conversation's optional skills (epoch ms), so the caller can
 * wake the queue then; null when there is nothing to relax: no optional skills, or a strategy other than skill.
 * For the tenant-wide queue (no team) pass the tenant's default strategy; without one the skill strategy is
 * assumed, which at worst wakes the queue once for nothing.
 */
export function skillRelaxAt(
  conversation: RelaxationInput,
  team: TeamAssignmentSettings | undefined,
  strategy: AssignmentStrategy = team?.strategy ?? 'skill',
): number | null {
  if (strategy !== 'skill' || conversation.optionalSkills.length === 0) {
    return null;
  }
  return conversation.queuedAt + relaxAfterSeconds(team) * 1000;
}

/** True while the winner must have every optional skill (skill strategy, before relaxation). */
export function optionalSkillsRequired(
  conversation: RelaxationInput,
  team: TeamAssignmentSettings | undefined,
  strategy: AssignmentStrategy,
  now: number,
): boolean {
  const relaxAt = skillRelaxAt(conversation, team, strategy);
  return relaxAt !== null && now < relaxAt;
}
