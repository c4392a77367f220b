import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { APP_CONFIG } from '../core/tokens';

export interface HealthReport {
  ok: boolean;
  database: boolean;
  temporal: boolean;
  workerPolling: boolean;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, pollers] = await Promise.all([this.databaseReachable(), this.workflowPollers()]);
    const temporal = pollers !== undefined;
    const workerPolling = (pollers ?? 0) > 0;
    return { ok: database && temporal && workerPolling, database, temporal, workerPolling };
  }

  private async databaseReachable(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Number of workers polling the conversation task queue, or undefined when Temporal is unreachable. */
  private async workflowPollers(): Promise<number | undefined> {
    try {
      const response = await this.temporal.workflowService.describeTaskQueue({
        namespace: this.config.temporal.namespace,
        taskQueue: { name: this.config.temporal.taskQueue },
      });
      return response.pollers?.length ?? 0;
    } catch {
      return undefined;
    }
  }
}
