import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { TopicTrainingActivities } from '../activities/topic-training.activities';
import { PERMANENT_DATA_ERROR } from '../core/platform/errors/failure-types';
import { trainingRequestedSignal, type TopicTrainingInput } from './topic-training.definitions';

const ROUNDS_PER_RUN = 100;

/** Training is CPU work that can take minutes on a large set, so it is a regular activity, not a local one. */
const training = proxyActivities<TopicTrainingActivities>({
  startToCloseTimeout: '10m',
  retry: {
    initialInterval: '1s',
    maximumInterval: '1m',
    maximumAttempts: 5,
    nonRetryableErrorTypes: [PERMANENT_DATA_ERROR, 'validation_failed'],
  },
});

/**
 * One per tenant, started by the first training request. Waits for requests to settle, retrains, and repeats while
 * requests keep coming; ends after idleSeconds without any. The activity skips a set it has already learned.
 */
export async function topicTrainingWorkflow(input: TopicTrainingInput): Promise<void> {
  const { debounceSeconds, maxDelaySeconds, idleSeconds } = input.settings;
  let requests = input.pending ? 1 : 0;
  setHandler(trainingRequestedSignal, () => {
    requests++;
  });

  const settle = async () => {
    const deadline = Date.now() + maxDelaySeconds * 1000;
    for (;;) {
      const seen = requests;
      const remaining = deadline - Date.now();
      if (remaining <= 0 || !(await condition(() => requests !== seen, Math.min(debounceSeconds * 1000, remaining)))) {
        return;
      }
    }
  };

  for (let round = 0; round < ROUNDS_PER_RUN && !workflowInfo().continueAsNewSuggested; round++) {
    if (!(await condition(() => requests > 0, idleSeconds * 1000))) {
      return;
    }
    await settle();
    // Requests arriving from here on were possibly not seen by this training run, so they count towards the next.
    requests = 0;
    try {
      await training.trainTopicClassifier({ tenantId: input.tenantId });
    } catch (error) {
      // Retries are spent; the tenant keeps its previous model and the next request tries again.
      log.error('Topic classifier training failed', { tenantId: input.tenantId, error: String(error) });
    }
  }
  await condition(allHandlersFinished);
  await continueAsNew<typeof topicTrainingWorkflow>({ ...input, pending: requests > 0 });
}
