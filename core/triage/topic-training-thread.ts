import { ModuleThread } from '../platform/threads/module-thread';
import type { LabelledText } from './classifier';
import type { TrainedTopicModel } from './classifier-training';

/**
 * Trains topic classifiers on a thread of their own: a few thousand examples take seconds of CPU, which on the
 * worker's main thread would hold up every bot answer, triage and drain meanwhile.
 */
export class TopicTrainingThread {
  private readonly thread = new ModuleThread<readonly LabelledText[], TrainedTopicModel>(
    require.resolve('./topic-training-thread.main'),
    'topic training thread',
    {},
  );

  async train(examples: readonly LabelledText[]): Promise<TrainedTopicModel> {
    const model = await this.thread.call(examples);
    // A Buffer crosses threads as a plain Uint8Array.
    return { ...model, params: Buffer.from(model.params.buffer, model.params.byteOffset, model.params.byteLength) };
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
