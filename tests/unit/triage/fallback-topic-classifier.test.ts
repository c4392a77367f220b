import { FallbackTopicClassifier } from '../../../core/triage/fallback-topic-classifier';
import type { TopicCategoriesLookup } from '../../../core/triage/topic-categories';
import type { TopicClassifier, TopicPrediction } from '../../../core/triage/triage.types';

const INPUT = { tenantId: 'tenant-1', text: 'I was charged twice' };
const OFFLINE: TopicPrediction = { topic: 'Billing', confidence: 0.62, engine: 'offline', modelVersion: 4 };
const LLM: TopicPrediction = { topic: 'Billing', confidence: 0.91, engine: 'llm', modelVersion: null };

/** A classifier answering each call with the next scripted answer (an Error is thrown), recording its inputs. */
function scripted(...answers: (TopicPrediction | Error)[]) {
  const calls: { tenantId: string; text: string }[] = [];
  const classifier: TopicClassifier = {
    async classify(input) {
      calls.push(input);
      const answer = answers.length > 1 ? answers.shift()! : answers[0];
      if (answer instanceof Error) {
        throw answer;
      }
      return answer;
    },
  };
  return { classifier, calls };
}

function recordingLogger() {
  const lines: string[] = [];
  return { lines, warn: (message: string) => void lines.push(message) };
}

class InternalServerError extends Error {
  readonly status = 500;
}

const categories: TopicCategoriesLookup = async (tenantId) =>
  tenantId === INPUT.tenantId
    ? [
        { name: 'Billing', examples: [] },
        { name: 'Shipping', examples: [] },
      ]
    : [];

describe('a topic classifier with a fallback', () => {
  it("answers with the primary's prediction and leaves the fallback alone", async () => {
    const primary = scripted(LLM);
    const fallback = scripted(OFFLINE);
    const logger = recordingLogger();

    const prediction = await new FallbackTopicClassifier(primary.classifier, fallback.classifier, {
      categories,
      logger,
    }).classify(INPUT);

    expect(prediction).toEqual(LLM);
    expect(primary.calls).toEqual([INPUT]);
    expect(fallback.calls).toEqual([]);
    expect(logger.lines).toEqual([]);
  });

  it('answers with the fallback when the primary throws', async () => {
    const fallback = scripted(OFFLINE);
    const logger = recordingLogger();
    const classifier = new FallbackTopicClassifier(
      scripted(new InternalServerError('The server had an error')).classifier,
      fallback.classifier,
      { primaryName: 'openai:gpt-4o-mini', logger },
    );

    await expect(classifier.classify(INPUT)).resolves.toEqual(OFFLINE);

    expect(fallback.calls).toEqual([INPUT]);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain('openai:gpt-4o-mini');
    expect(logger.lines[0]).toContain('InternalServerError 500');
    expect(logger.lines[0]).toContain('The server had an error');
  });

  it.each<[string, TopicPrediction]>([
    ['a topic outside the tenant categories', { ...LLM, topic: 'Refunds' }],
    ['no topic although the tenant has categories', { ...LLM, topic: null }],
    ['a confidence above 1', { ...LLM, confidence: 7 }],
    ['a confidence that is not a number', { ...LLM, confidence: Number.NaN }],
    ['an empty topic', { ...LLM, topic: ' ' }],
  ])('answers with the fallback when the primary returns %s', async (_, invalid) => {
    const fallback = scripted(OFFLINE);
    const logger = recordingLogger();

    const prediction = await new FallbackTopicClassifier(scripted(invalid).classifier, fallback.classifier, {
      categories,
      logger,
    }).classify(INPUT);

    expect(prediction).toEqual(OFFLINE);
    expect(fallback.calls).toEqual([INPUT]);
    expect(logger.lines).toHaveLength(1);
  });

  it('accepts no topic from the primary when the tenant has no categories', async () => {
    const none: TopicPrediction = { topic: null, confidence: 0, engine: 'llm', modelVersion: null };
    const fallback = scripted(OFFLINE);

    const prediction = await new FallbackTopicClassifier(scripted(none).classifier, fallback.classifier, {
      categories,
      logger: recordingLogger(),
    }).classify({ tenantId: 'tenant-without-categories', text: 'hello' });

    expect(prediction).toEqual(none);
    expect(fallback.calls).toEqual([]);
  });

  it('logs each kind of failure once, however often it happens', async () => {
    const logger = recordingLogger();
    const primary = scripted(
      new InternalServerError('down'),
      new InternalServerError('still down'),
      new SyntaxError('Unexpected token B in JSON'),
      { ...LLM, topic: 'Refunds' },
      new InternalServerError('down again'),
      { ...LLM, topic: 'Returns' },
    );
    const classifier = new FallbackTopicClassifier(primary.classifier, scripted(OFFLINE).classifier, {
      categories,
      logger,
    });

    for (let i = 0; i < 6; i += 1) {
      await expect(classifier.classify(INPUT)).resolves.toEqual(OFFLINE);
    }

    expect(logger.lines).toHaveLength(3);
    expect(logger.lines[0]).toContain('InternalServerError 500');
    expect(logger.lines[1]).toContain('SyntaxError');
    expect(logger.lines[2]).toContain("topic outside the tenant's categories");
  });

  it('lets an error of the fallback itself reach the caller', async () => {
    const classifier = new FallbackTopicClassifier(
      scripted(new Error('vendor down')).classifier,
      scripted(new Error('database down')).classifier,
      { logger: recordingLogger() },
    );

    await expect(classifier.classify(INPUT)).rejects.toThrow('database down');
  });
});
