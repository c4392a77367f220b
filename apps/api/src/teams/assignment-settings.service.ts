import { Injectable } from '@nestjs/common';
import type { AssignmentStrategy } from '../../../../core/assignment/assignment.types';
import { TenantRepository } from '../../../../core/tenants/tenant.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { QueueNotifier } from './queue-notifier';
import type { AssignmentSettingsView } from './team.dto';

/** The tenant-wide queue's strategy (conversations routed to no team). */
@Injectable()
export class AssignmentSettingsService {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly queue: QueueNotifier,
  ) {}

  async get(caller: AuthenticatedAgent): Promise<AssignmentSettingsView> {
    return { defaultStrategy: await this.tenants.defaultAssignmentStrategy(caller.tenantId) };
  }

  async setDefaultStrategy(admin: AuthenticatedAgent, strategy: AssignmentStrategy): Promise<AssignmentSettingsView> {
    const before = await this.tenants.defaultAssignmentStrategy(admin.tenantId);
    if (before !== strategy) {
      await this.tenants.setDefaultAssignmentStrategy(admin.tenantId, strategy);
      await this.queue.queueChanged(admin.tenantId);
    }
    return { defaultStrategy: strategy };
  }
}
