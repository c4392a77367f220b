import { aTenantWithAdmin, aCustomer } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('scratch', () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack({ worker: false }); });
  afterAll(async () => { await stack?.stop(); });
  it('prints', async () => {
    const { token } = await aTenantWithAdmin(stack.dataSource);
    const show = (label: string, r: { status: number; body: unknown }) => console.log(label, r.status, JSON.stringify(r.body, null, 1));
    show('bad team', await stack.http.put('/routing/policy/draft', { token, body: { document: { rules: [{ name: 'a', when: { topic: 'x', minTopicConfidence: 3 }, then: { teamId: '00000000-0000-4000-8000-000000001234', priority: 'x' } }], fallback: {} } } }));
    show('ok', await stack.http.put('/routing/policy/draft', { token, body: { document: { rules: [], fallback: {} }, note: 'n' } }));
    show('pub', await stack.http.post('/routing/policy/draft/publish', { token, body: {} }));
    show('versions', await stack.http.get('/routing/policy/versions', { token }));
    show('v1', await stack.http.get('/routing/policy/versions/1', { token }));
    show('audit', await stack.http.get('/routing/policy/audit', { token }));
    show('bh', await stack.http.post('/business-hours', { token, body: { name: 'x', timeZone: 'UTC', weekly: { mon: [{ start: '9:00', end: '17:00' }] } } }));
    show('sla', await stack.http.post('/sla-policies', { token, body: { name: 'x' } }));
    const c = await aCustomer(stack.dataSource, (await stack.http.get('/auth/me', { token })).body.id ? (await stack.dataSource.query('select tenant_id from agents limit 1'))[0].tenant_id : '');
    void c;
    show('teams patch bad', await stack.http.patch('/teams/00000000-0000-4000-8000-000000001234', { token, body: { assignmentStrategy: 'random', capacityWeights: { chat: -1, fax: 2 } } }));
  });
});
