import type { Channel } from './channel';

export const AGENT_ROLES = ['agent', 'admin'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export type ChannelCapacity = Record<Channel, number>;

export const DEFAULT_CAPACITY: ChannelCapacity = { chat: 3, email: 10, sms: 5 };

/** The authenticated caller of an inbox route. */
export interface AuthenticatedAgent {
  id: string;
  tenantId: string;
  role: AgentRole;
  name: string;
}
