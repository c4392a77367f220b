import { Injectable } from '@nestjs/common';
import { ClassifierModelRepository } from '../../../../core/triage/classifier-model.repository';
import { TopicExampleRepository } from '../../../../core/triage/topic-example.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { decideTraining } from '../../../../core/triage/classifier-training';
import type { ClassifierView, TrainingRequestedView } from './topic.views';
import { TrainingRequests } from './training-requests';

/** The tenant's current topic model, and explicit retrain requests. */
@Injectable()
export class TopicClassifierService {
  constructor(
    private readonly models: ClassifierModelRepository,
    private readonly examples: TopicExampleRepository,
    private readonly training: TrainingRequests,
  ) {}

  /** 'scheduled' is read from the data (examples vs the model's fingerprint), not from Temporal, so it cannot lie. */
  async describe(caller: AuthenticatedAgent): Promise<ClassifierView> {
    const [model, set] = await Promise.all([
      this.models.current(caller.tenantId),
      this.examples.trainingSet(caller.tenantId),
    ]);
    const training = decideTraining(set, model).train ? 'scheduled' : 'idle';
    if (!model) {
      return { version: null, training };
    }
    const { version, labels, examples, trainedAt, metrics } = model;
    return { version, labels, examples, trainedAt, metrics, training };
  }

  async train(admin: AuthenticatedAgent): Promise<TrainingRequestedView> {
    await this.training.now(admin.tenantId);
    return { training: 'requested' };
  }
}
