import type { FakeLlmServer } from '../fakes/fake-llm.server';
import { FAKE_VENDORS } from '../fakes/fake-llm-vendors';
import { answerEngineFor, offlineAnswerEngine } from '../support/answer-engines';
import { aTenant, anArticle } from '../support/factories';
import { useTestStack } from '../support/test-stack';

const GEARS = {
  title: 'Gears',
  body: 'Every bike has a seven-speed gear shifter on the right grip. Twist it forward for a lighter gear.',
};
const LOCKS = { title: 'Locks', body: 'The rear wheel lock closes by hand when you end your ride.' };
const QUESTION = 'How many gears do the bikes have?';

/** The number the prompt gave the passage of the article with this title (`[n] Title`). */
function sourceNumber(prompt: string, title: string): number {
  const match = new RegExp(`\\[(\\d+)\\] ${title}\\n`).exec(prompt);
  if (!match) {
    throw new Error(`The prompt has no numbered source titled "${title}":\n${prompt}`);
  }
  return Number(match[1]);
}

describe.each(Object.values(FAKE_VENDORS))(
  'LLM answers through $name: grounded in a cited passage or handed off',
  (vendor) => {
    const stack = useTestStack({ worker: false });
    let fake: FakeLlmServer;

    beforeAll(async () => {
      fake = await vendor.start();
    });
    afterAll(() => fake.stop());
    beforeEach(() => fake.reset());

    const engine = (env: Record<string, string> = {}) => answerEngineFor(stack, vendor, fake.url, env);

    async function aKnowledgeBase() {
      const tenant = await aTenant(stack.dataSource);
      const gears = await anArticle(stack.dataSource, tenant.id, GEARS);
      await anArticle(stack.dataSource, tenant.id, LOCKS);
      return { tenantId: tenant.id, gears: gears.article };
    }

    it('sends an answer that cites a passage it was given, with that article as the citation', async () => {
      const { tenantId, gears } = await aKnowledgeBase();
      fake.always({
        kind: 'output',
        output: (prompt: string) => ({
          answer: 'They have seven gears.',
          confidence: 0.9,
          sources: [sourceNumber(prompt, GEARS.title)],
          wantsHuman: false,
        }),
      });

      const answer = await engine().answer({ tenantId, question: QUESTION });

      expect(answer).toMatchObject({ text: 'They have seven gears.', confidence: 0.9 });
      expect(answer.citations.map((citation) => citation.articleId)).toEqual([gears.id]);
    });

    it('hands off an answer whose citations are all bogus (numbers the prompt never gave)', async () => {
      const { tenantId } = await aKnowledgeBase();
      fake.always({
        kind: 'output',
        output: { answer: 'Twelve gears.', confidence: 0.95, sources: [0, 42], wantsHuman: false },
      });

      const answer = await engine().answer({ tenantId, question: QUESTION });

      expect(answer).toMatchObject({ confidence: 0, citations: [] });
    });

    it('hands off an answer that cites nothing', async () => {
      const { tenantId } = await aKnowledgeBase();
      fake.always({
        kind: 'output',
        output: { answer: 'Twelve gears.', confidence: 0.95, sources: [], wantsHuman: false },
      });

      expect(await engine().answer({ tenantId, question: QUESTION })).toMatchObject({ confidence: 0, citations: [] });
    });

    it('hands off when the model says the passages do not answer (an empty answer)', async () => {
      const { tenantId } = await aKnowledgeBase();
      fake.always({
        kind: 'output',
        output: (prompt: string) => ({
          answer: '',
          confidence: 0.8,
          sources: [sourceNumber(prompt, GEARS.title)],
          wantsHuman: false,
        }),
      });

      expect(await engine().answer({ tenantId, question: QUESTION })).toMatchObject({ text: '', confidence: 0 });
    });

    it('falls back to the offline engine when the model does not answer within AI_TIMEOUT_MS', async () => {
      const { tenantId } = await aKnowledgeBase();
      fake.always({ kind: 'hang' });

      const answer = await engine({ AI_TIMEOUT_MS: '300' }).answer({ tenantId, question: QUESTION });

      const offline = await offlineAnswerEngine(stack).answer({
        tenantId,
        question: QUESTION,
      });
      expect(answer).toEqual({ ...offline, engine: expect.stringMatching(/^extractive \(fallback from .+\)$/) });
      expect(answer.text).toContain('seven-speed gear shifter');
    });
  },
);
