import { anAgent, anArticle } from '../support/factories';
import { useAdminStack } from '../support/admin-stack';

describe('POST /knowledge/preview: how the bot would answer, storing nothing', () => {
  const { stack, aTenantWithAdmin } = useAdminStack();

  const countRows = async (tenantId: string) => {
    const [row] = await stack.dataSource.query(
      `SELECT (SELECT count(*) FROM conversations WHERE tenant_id = $1)::int AS conversations,
              (SELECT count(*) FROM messages WHERE tenant_id = $1)::int AS messages`,
      [tenantId],
    );
    return row as { conversations: number; messages: number };
  };

  it("answers from the tenant's articles with citations and says whether it would send or hand off", async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const { article } = await anArticle(stack.dataSource, tenant.id, {
      title: 'Shipping times',
      body: 'Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day when ordered before noon.',
    });

    const preview = await stack.http.post('/knowledge/preview', {
      token,
      body: { question: 'How long does express shipping take?' },
    });

    expect(preview.status).toBe(200);
    expect(preview.body.text).toContain('Express shipping arrives the next business day');
    expect(preview.body.citations).toEqual([
      expect.objectContaining({ articleId: article.id, title: 'Shipping times' }),
    ]);
    expect(preview.body).toMatchObject({ wantsHuman: false, engine: expect.any(String) });
    expect(preview.body.threshold).toEqual(expect.any(Number));
    expect(preview.body.outcome).toBe(preview.body.confidence >= preview.body.threshold ? 'send' : 'hand_off');

    const person = await stack.http.post('/knowledge/preview', {
      token,
      body: { question: 'I want to talk to a person please' },
    });
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ wantsHuman: true, outcome: 'hand_off' });
    expect(await countRows(tenant.id)).toEqual({ conversations: 0, messages: 0 });
  });

  it("never cites another tenant's articles", async () => {
    const other = await aTenantWithAdmin();
    await anArticle(stack.dataSource, other.tenant.id, {
      title: 'Secret returns policy',
      body: 'Returns are accepted within 90 days with the secret code.',
    });
    const { token } = await aTenantWithAdmin();

    const preview = await stack.http.post('/knowledge/preview', {
      token,
      body: { question: 'How many days do I have for returns?' },
    });

    expect(preview.status).toBe(200);
    expect(preview.body.citations).toEqual([]);
    expect(preview.body.outcome).toBe('hand_off');
  });

  it.each([
    ['no question', {}],
    ['an empty question', { question: '   ' }],
    ['a number', { question: 42 }],
    ['a question too long', { question: 'why '.repeat(600) }],
    ['an unknown field', { question: 'Hi', store: true }],
  ])('refuses %s with a 400 and a message', async (_label, body) => {
    const { token } = await aTenantWithAdmin();
    const response = await stack.http.post('/knowledge/preview', { token, body });
    expect(response.status).toBe(400);
    expect(response.body.message).toEqual(expect.stringMatching(/question|store/));
  });

  it('is for admins only', async () => {
    const { tenant } = await aTenantWithAdmin();
    const { token } = await anAgent(stack.dataSource, tenant.id);
    const response = await stack.http.post('/knowledge/preview', { token, body: { question: 'Hi' } });
    expect(response.status).toBe(403);
  });
});
