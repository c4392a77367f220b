import { trainTopicModel } from '../../../core/triage/classifier-training';
import { decodeModel } from '../../../core/triage/classifier';
import { TopicTrainingThread } from '../../../core/triage/topic-training-thread';

const EXAMPLES = [
  { label: 'billing', text: 'I was charged twice for my subscription' },
  { label: 'billing', text: 'please refund the duplicate payment' },
  { label: 'billing', text: 'my invoice shows the wrong amount' },
  { label: 'shipping', text: 'where is my parcel' },
  { label: 'shipping', text: 'the delivery is late again' },
  { label: 'shipping', text: 'tracking number does not work' },
];

/** Training off the main thread gives the model training here gives, stored the same way. */
describe('TopicTrainingThread', () => {
  const thread = new TopicTrainingThread();
  afterAll(() => thread.close());

  it('trains on its own thread the same model as in-process, with its parameters as a Buffer', async () => {
    const here = trainTopicModel(EXAMPLES);

    const there = await thread.train(EXAMPLES);

    expect(Buffer.isBuffer(there.params)).toBe(true);
    expect({ ...there, metrics: undefined }).toEqual({ ...here, metrics: undefined });
    expect(decodeModel(there.params).labels).toEqual(['billing', 'shipping']);
  });

  it('reports a training error to the caller, and trains again afterwards', async () => {
    await expect(thread.train([{ label: 'billing' } as never])).rejects.toThrow();

    expect((await thread.train(EXAMPLES)).labels).toEqual(['billing', 'shipping']);
  });
});
