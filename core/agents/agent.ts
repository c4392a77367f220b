import type { Channel } from '../channels/channel';

/**
 * From least to most trusted; each role can do what the ones before it can. A supervisor works every conversation of
 * the tenant (takes over, resolves, snoozes colleagues' ones) and edits customers; only an admin administers the tenant.
 */
export const AGENT_ROLES = ['agent', 'supervisor', 'admin'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** Whether `role` is `minimum` or above it in AGENT_ROLES. */
export function hasRoleAtLeast(role: AgentRole, minimum: AgentRole): boolean {
  return AGENT_ROLES.indexOf(role) >= AGENT_ROLES.indexOf(minimum);
}

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
