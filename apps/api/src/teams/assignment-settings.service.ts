import { Injectable } from '@nestjs/common';
import type { AssignmentStrategy } from '../../../../core/assignment/assignment.types';
import type { AuthenticatedAgent } from '../../../../core/domain/agent';
import { QueueNotifier } from './queue-notifier';
import type { AssignmentSettingsView } from './team.dto';
import { TeamSettingsRepository } from './team-settings.repository';

/** The tenant-wide queue's strategy (conversations routed to no team). */
@Injectable()
export class AssignmentSettingsService {
  constructor(
    private readonly settings: TeamSettingsRepository,
    private readonly queue: QueueNotifier,
  ) {}

  async get(caller: AuthenticatedAgent): Promise<AssignmentSettingsView> {
    return { defaultStrategy: await this.settings.defaultStrategy(caller.tenantId) };
  }

  async setDefaultStrategy(admin: AuthenticatedAgent, strategy: AssignmentStrategy): Promise<AssignmentSettingsView> {
    const before = await this.settings.defaultStrategy(admin.tenantId);
    if (before !== strategy) {
      await this.settings.setDefaultStrategy(admin.tenantId, strategy);
      await this.queue.queueChanged(admin.tenantId);
    }
    return { defaultStrategy: strategy };
  }
}
