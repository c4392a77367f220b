import { CHANNELS } from '../../../../core/channels/channel';
import type { AgentEntity } from '../../../../core/agents/agent.entity';

type AgentAvailability = Pick<AgentEntity, 'active' | 'status' | 'channels' | 'capacity' | 'skills'>;

/**
 * True when a change may let a queued conversation be assigned: an active agent came online, or an online
 * agent gained a channel, capacity on a channel, or a skill.
 */
export function freesCapacity(before: AgentAvailability | undefined, after: AgentAvailability): boolean {
  if (!after.active || after.status !== 'online') {
    return false;
  }
  if (!before || !before.active || before.status !== 'online') {
    return true;
  }
  const gainedChannel = CHANNELS.some(
    (channel) =>
      after.channels.includes(channel) &&
      (!before.channels.includes(channel) || after.capacity[channel] > before.capacity[channel]),
  );
  return gainedChannel || after.skills.some((skill) => !before.skills.includes(skill));
}
