import { Injectable, Logger } from '@nestjs/common';
import { TopicTrainingGateway } from '../temporal/topic-training.gateway';
import type { TrainingRequestState } from './topic.views';

/** Asks for a retrain after a saved change, without failing the change when Temporal is unreachable. */
@Injectable()
export class TrainingRequests {
  private readonly logger = new Logger('Topics');

  constructor(private readonly gateway: TopicTrainingGateway) {}

  /**
   * The change is already committed, so a Temporal outage must not turn it into an error the admin would retry:
   * it is logged and reported as 'pending'; the next change (or POST /topics/classifier/train) catches up, and the
   * training fingerprint makes the catch-up train on everything saved so far.
   */
  async afterChange(tenantId: string): Promise<TrainingRequestState> {
    try {
      await this.gateway.requestTraining(tenantId);
      return 'requested';
    } catch (error) {
      this.logger.warn(`Could not request topic training for tenant ${tenantId}: ${String(error)}`);
      return 'pending';
    }
  }

  /** An explicit request: Temporal being unavailable is the answer (503). */
  now(tenantId: string): Promise<void> {
    return this.gateway.requestTraining(tenantId);
  }
}
