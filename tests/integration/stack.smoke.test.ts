import { startTestStack, type TestStack } from '../support/test-stack';
import { aTenant, anAgent } from '../support/factories';
import { eventually } from '../support/eventually';
import { hashToken } from '../../core/auth/agent-token';
import { verifyPassword } from '../../core/auth/password';
import { AgentEntity } from '../../core/agents/agent.entity';

describe('test stack', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers /health with the state of the database and Temporal', async () => {
    const response = await stack.http.get('/health');

    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toMatchObject({ database: true, temporal: true, workerPolling: false, ok: false });
    expect(response.status).toBe(503);
  });

  it('serves an OpenAPI document', async () => {
    const response = await stack.http.get('/docs-json');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(response.body.paths).toHaveProperty(['/health']);
  });

  it('creates agents whose password and token are stored hashed', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, token, password } = await anAgent(stack.dataSource, tenant.id, { role: 'admin' });

    const stored = await stack.dataSource
      .getRepository(AgentEntity)
      .createQueryBuilder('agent')
      .addSelect('agent.passwordHash')
      .where('agent.id = :id', { id: agent.id })
      .getOneOrFail();
    const tokens = await stack.dataSource.query<{ agent_id: string }[]>(
      'SELECT agent_id FROM agent_tokens WHERE token_hash = $1 AND expires_at > now()',
      [hashToken(token)],
    );

    expect(await verifyPassword(password, stored.passwordHash)).toBe(true);
    expect(await verifyPassword(`${password}!`, stored.passwordHash)).toBe(false);
    expect(tokens).toEqual([{ agent_id: agent.id }]);
  });
});

describe('test stack with a worker', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('reports healthy once the worker polls its task queue', async () => {
    const response = await eventually(
      async () => {
        const health = await stack.http.get('/health');
        return health.status === 200 ? health : undefined;
      },
      { what: 'a healthy /health' },
    );

    expect(response.body).toEqual({ ok: true, database: true, temporal: true, workerPolling: true });
  });
});
