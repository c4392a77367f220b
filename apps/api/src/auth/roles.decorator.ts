import { SetMetadata } from '@nestjs/common';
import type { AgentRole } from '../../../../core/agents/agent';

export const ROLES_KEY = 'threadline:roles';

/**
 * Restricts a route or controller to agents with one of exactly these roles (not a minimum: list every role that may
 * call, e.g. `@Roles('supervisor', 'admin')`); AgentAuthGuard answers 403 "<roles> role required" otherwise. Rules that
 * depend on the conversation (whose it is, which team) live in core/auth/conversation-permissions.ts instead.
 */
export const Roles = (...roles: AgentRole[]) => SetMetadata(ROLES_KEY, roles);
