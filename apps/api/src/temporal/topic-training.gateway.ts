import type { Client } from '@temporalio/client';
import {
  topicTrainingWorkflowId,
  trainingRequestedSignal,
  type TopicTrainingInput,
  type TopicTrainingSettings,
} from '../../../../workflows/topic-training.definitions';
import { DomainError } from '../../../../core/platform/errors/domain-error';

export const TOPIC_TRAINING_WORKFLOW = 'topicTrainingWorkflow';

/** Accepting a signal is quick; past this the caller hears that Temporal is unavailable. */
const SIGNAL_DEADLINE_MS = 5_000;

/** Asks a tenant's training workflow to retrain its topic classifier, starting the workflow if it is not running. */
export class TopicTrainingGateway {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly settings: TopicTrainingSettings,
  ) {}

  /** Safe to repeat: requests coalesce, and training skips a set the current model already learned. */
  async requestTraining(tenantId: string): Promise<void> {
    const input: TopicTrainingInput = { tenantId, settings: this.settings };
    try {
      await this.client.withDeadline(Date.now() + SIGNAL_DEADLINE_MS, () =>
        this.client.workflow.signalWithStart(TOPIC_TRAINING_WORKFLOW, {
          workflowId: topicTrainingWorkflowId(tenantId),
          taskQueue: this.taskQueue,
          args: [input],
          signal: trainingRequestedSignal,
          signalArgs: [],
        }),
      );
    } catch (error) {
      throw new DomainError(
        'unavailable',
        'The training engine is not answering right now; please retry in a moment (retries are safe)',
        undefined,
        { cause: error },
      );
    }
  }
}
