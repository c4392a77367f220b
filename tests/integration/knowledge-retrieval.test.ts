import { ExtractiveAnswerEngine } from '../../core/knowledge/answer/extractive-answer.engine';
import { KnowledgeSearchRepository } from '../../core/knowledge/knowledge-search.repository';
import { useAdminStack } from '../support/admin-stack';
import { anArticle } from '../support/factories';
import fixture from '../fixtures/knowledge/help-centre.json';

interface FixtureArticle {
  key: string;
  title: string;
  body: string;
}

describe('knowledge-base retrieval over articles created, edited and deleted through the admin API', () => {
  const { stack, aTenantWithAdmin } = useAdminStack();
  const engine = () => new ExtractiveAnswerEngine(new KnowledgeSearchRepository(stack.dataSource));
  const threshold = () => stack.config.conversation.handoffConfidenceThreshold;

  async function aHelpCentre() {
    const { tenant, token } = await aTenantWithAdmin();
    const ids = new Map<string, string>();
    for (const article of fixture.articles as FixtureArticle[]) {
      const created = await stack.http.post('/knowledge/articles', {
        token,
        body: { title: article.title, body: article.body },
      });
      expect(created.status).toBe(201);
      ids.set(article.key, created.body.id);
    }
    return { tenantId: tenant.id, token, ids };
  }

  it('answers every answerable fixture question from the right article and section, and hands off the off-topic ones', async () => {
    const { tenantId, ids } = await aHelpCentre();
    const bot = engine();

    for (const { question, expected, anchor } of fixture.answerable as {
      question: string;
      expected: string;
      anchor?: string;
    }[]) {
      const answer = await bot.answer({ tenantId, question });
      expect({ question, cited: answer.citations[0]?.articleId }).toEqual({ question, cited: ids.get(expected) });
      expect({ question, replies: answer.confidence >= threshold() }).toEqual({ question, replies: true });
      if (anchor) {
        expect(answer.citations[0].anchor).toBe(anchor);
      }
      expect(answer.citations).toHaveLength(1);
    }
    for (const question of fixture.offTopic) {
      const answer = await bot.answer({ tenantId, question });
      expect({ question, replies: answer.confidence >= threshold() }).toEqual({ question, replies: false });
    }
  });

  it('replies with whole sentences and keeps a code block whole', async () => {
    const { tenantId } = await aHelpCentre();

    const answer = await engine().answer({ tenantId, question: 'How do I authenticate with the fleet API key?' });

    expect(answer.text.startsWith('Create an API key under Business > Developers.')).toBe(true);
    expect(answer.text).toMatch(/```sh\ncurl -H "Authorization: Bearer \$PEDALPOINT_KEY" \S+\n```/);
  });

  it('stores a refitted lexical model whenever an article is created, edited or deleted', async () => {
    const { tenantId, token, ids } = await aHelpCentre();
    const model = async () =>
      (
        await stack.dataSource.query('SELECT fingerprint, articles FROM kb_retrieval_models WHERE tenant_id = $1', [
          tenantId,
        ])
      )[0] as { fingerprint: string; articles: number };

    const afterCreate = await model();
    expect(afterCreate.articles).toBe(fixture.articles.length);
    await stack.http.patch(`/knowledge/articles/${ids.get('helmets')}`, { token, body: { body: 'Helmets are free.' } });
    const afterEdit = await model();
    expect(afterEdit.fingerprint).not.toBe(afterCreate.fingerprint);
    expect((await stack.http.delete(`/knowledge/articles/${ids.get('helmets')}`, { token })).status).toBe(204);
    expect((await model()).articles).toBe(fixture.articles.length - 1);
  });

  it('finds an edited article by its new words, no longer by its old ones, and never cites a deleted one', async () => {
    const { tenantId, token, ids } = await aHelpCentre();
    const bot = engine();
    const question = 'Which gear shifter do the bikes have?';
    const before = await bot.answer({ tenantId, question });
    expect(before.confidence).toBeLessThan(threshold());

    await stack.http.patch(`/knowledge/articles/${ids.get('helmets')}`, {
      token,
      body: {
        title: 'Gears and gear shifter',
        body: 'Every bike has a seven-speed gear shifter on the right handlebar grip. Twist it forward for a lighter gear.',
      },
    });
    const edited = await bot.answer({ tenantId, question });
    expect(edited.citations[0].articleId).toBe(ids.get('helmets'));
    expect(edited.confidence).toBeGreaterThanOrEqual(threshold());
    expect(edited.text).toContain('seven-speed gear shifter');
    const helmet = await bot.answer({ tenantId, question: 'Do I need to wear a helmet?' });
    expect(helmet.citations[0]?.articleId).not.toBe(ids.get('helmets'));

    await stack.http.delete(`/knowledge/articles/${ids.get('helmets')}`, { token });
    const deleted = await bot.answer({ tenantId, question });
    expect(deleted.citations.map((citation) => citation.articleId)).not.toContain(ids.get('helmets'));
    expect(deleted.confidence).toBeLessThan(threshold());
  });

  it('refits on the next question when articles changed outside the admin API, and keeps tenants apart', async () => {
    const { tenantId } = await aHelpCentre();
    const other = await aTenantWithAdmin();
    const bot = engine();
    await bot.answer({ tenantId, question: 'How do I unlock a bike?' });

    const { article } = await anArticle(stack.dataSource, tenantId, {
      title: 'Lost property',
      body: 'Items left in a bike basket are kept at our depot on Harbour Street for 30 days.',
    });
    await anArticle(stack.dataSource, other.tenant.id, {
      title: 'Lost umbrellas',
      body: 'Umbrellas left behind are donated after a week.',
    });
    const answer = await bot.answer({
      tenantId,
      question: 'I left my umbrella in the basket, where is the lost property?',
    });

    expect(answer.citations[0].articleId).toBe(article.id);
    expect(answer.text).toContain('Harbour Street');
  });

  it('hands off without citing anything when the tenant has no articles', async () => {
    const { tenant } = await aTenantWithAdmin();
    const answer = await engine().answer({ tenantId: tenant.id, question: 'How do I unlock a bike?' });
    expect(answer).toMatchObject({ text: '', citations: [], confidence: 0, wantsHuman: false });
  });
});
