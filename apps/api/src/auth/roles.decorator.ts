import { SetMetadata } from '@nestjs/common';
import type { AgentRole } from '../../../../core/domain/agent';

export const ROLES_KEY = 'threadline:roles';

/** Restricts a route or controller to agents with one of these roles; AgentAuthGuard answers 403 otherwise. */
export const Roles = (...roles: AgentRole[]) => SetMetadata(ROLES_KEY, roles);
