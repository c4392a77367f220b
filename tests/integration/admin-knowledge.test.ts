import type { DataSource } from 'typeorm';
import { anAgent } from '../support/factories';
import { useAdminStack } from '../support/admin-stack';

/** Article ids of the tenant's chunks that full-text match the words. */
async function articlesMatching(db: DataSource, tenantId: string, words: string): Promise<string[]> {
  const rows: { article_id: string }[] = await db.query(
    `SELECT DISTINCT article_id FROM kb_chunks WHERE tenant_id = $1 AND search @@ plainto_tsquery('english', $2)`,
    [tenantId, words],
  );
  return rows.map((row) => row.article_id);
}

describe('knowledge-base admin routes', () => {
  const { stack, aTenantWithAdmin } = useAdminStack();

  const article = {
    title: 'Refund policy',
    body: 'Refunds are issued within 14 days of purchase.\n\nShipping costs are never refunded once the parcel left.',
    tags: ['billing'],
  };

  it('stores an article with one searchable chunk per paragraph', async () => {
    const { tenant, token } = await aTenantWithAdmin();

    const created = await stack.http.post('/knowledge/articles', { token, body: article });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...article, published: true });
    const chunks = await stack.dataSource.query(
      'SELECT position, title, content FROM kb_chunks WHERE tenant_id = $1 AND article_id = $2 ORDER BY position',
      [tenant.id, created.body.id],
    );
    expect(chunks).toEqual([
      { position: 0, title: 'Refund policy', content: 'Refunds are issued within 14 days of purchase.' },
      { position: 1, title: 'Refund policy', content: 'Shipping costs are never refunded once the parcel left.' },
    ]);
    expect(await articlesMatching(stack.dataSource, tenant.id, 'refunded shipping')).toEqual([created.body.id]);
    expect(await articlesMatching(stack.dataSource, tenant.id, 'password reset')).toEqual([]);
  });

  it('rebuilds the chunks when the article is updated', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const { id } = (await stack.http.post('/knowledge/articles', { token, body: article })).body;

    const updated = await stack.http.patch(`/knowledge/articles/${id}`, {
      token,
      body: { body: 'Store credit is offered instead of cash for opened boxes.', published: false },
    });

    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: 'Refund policy', published: false, tags: ['billing'] });
    expect(await articlesMatching(stack.dataSource, tenant.id, 'shipping')).toEqual([]);
    expect(await articlesMatching(stack.dataSource, tenant.id, 'store credit')).toEqual([id]);
    const [{ count }] = await stack.dataSource.query(
      'SELECT count(*)::int AS count FROM kb_chunks WHERE article_id = $1',
      [id],
    );
    expect(count).toBe(1);

    const retitled = await stack.http.patch(`/knowledge/articles/${id}`, { token, body: { title: 'Returns' } });
    expect(retitled.body.title).toBe('Returns');
    expect(await articlesMatching(stack.dataSource, tenant.id, 'returns')).toEqual([id]);
  });

  it('lets agents list and read articles but not write them', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const agent = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    const { id } = (await stack.http.post('/knowledge/articles', { token, body: article })).body;

    const list = await stack.http.get('/knowledge/articles', { token: agent.token });
    expect(list.status).toBe(200);
    expect(list.body.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await stack.http.get(`/knowledge/articles/${id}`, { token: agent.token })).body.body).toBe(article.body);

    expect((await stack.http.post('/knowledge/articles', { token: agent.token, body: article })).status).toBe(403);
    expect(
      (await stack.http.patch(`/knowledge/articles/${id}`, { token: agent.token, body: { title: 'x' } })).status,
    ).toBe(403);
    expect((await stack.http.delete(`/knowledge/articles/${id}`, { token: agent.token })).status).toBe(403);
    expect((await stack.http.get('/knowledge/articles')).status).toBe(401);
  });

  it('deletes an article with its chunks', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const { id } = (await stack.http.post('/knowledge/articles', { token, body: article })).body;

    expect((await stack.http.delete(`/knowledge/articles/${id}`, { token })).status).toBe(204);

    expect((await stack.http.get(`/knowledge/articles/${id}`, { token })).status).toBe(404);
    expect(await articlesMatching(stack.dataSource, tenant.id, 'refund')).toEqual([]);
  });

  it("keeps another tenant's articles out of reach (404) and out of its search", async () => {
    const mine = await aTenantWithAdmin();
    const theirs = await aTenantWithAdmin();
    const foreign = (await stack.http.post('/knowledge/articles', { token: theirs.token, body: article })).body;

    expect((await stack.http.get(`/knowledge/articles/${foreign.id}`, { token: mine.token })).status).toBe(404);
    const patch = await stack.http.patch(`/knowledge/articles/${foreign.id}`, {
      token: mine.token,
      body: { title: 'Mine' },
    });
    expect(patch.status).toBe(404);
    expect((await stack.http.delete(`/knowledge/articles/${foreign.id}`, { token: mine.token })).status).toBe(404);
    expect((await stack.http.get('/knowledge/articles', { token: mine.token })).body).toEqual([]);
    expect(await articlesMatching(stack.dataSource, mine.tenant.id, 'refund')).toEqual([]);
    expect((await stack.http.get(`/knowledge/articles/${foreign.id}`, { token: theirs.token })).body.title).toBe(
      'Refund policy',
    );
  });

  it('validates article bodies and ids with 400', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    for (const body of [
      { ...article, title: '' },
      { ...article, body: 42 },
      { ...article, tags: ['ok', 7] },
      { ...article, published: 'yes' },
      { ...article, author: 'me' },
      { title: 'No body' },
    ]) {
      const response = await stack.http.post('/knowledge/articles', { token, body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect((await stack.http.patch('/knowledge/articles/abc', { token, body: { title: 'x' } })).status).toBe(400);
    const [{ count }] = await stack.dataSource.query(
      'SELECT count(*)::int AS count FROM kb_articles WHERE tenant_id = $1',
      [tenant.id],
    );
    expect(count).toBe(0);
  });
});
