import { randomUUID } from 'node:crypto';
import { aTenant, anAgent } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor } from '../support/widget-visitor';

/** Every user mistake gets a 4xx with a message, never a 500. */
describe('bad input on the chat and inbox APIs', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ env: { BODY_LIMIT_BYTES: '4096', MESSAGE_MAX_CHARS: '1000' } });
  });
  afterAll(() => stack.stop());

  const expectError = (response: { status: number; body: any }, status: number) => {
    expect({ status: response.status, hasMessage: typeof response.body?.message === 'string' }).toEqual({
      status,
      hasMessage: true,
    });
  };

  it('rejects malformed JSON with 400', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const response = await stack.http.post('/widget/messages', {
      token: visitor.token,
      rawBody: '{"clientMessageId": "a", "body": ',
      headers: { 'content-type': 'application/json' },
    });
    expectError(response, 400);
    expect(response.body.error).toBe('malformed_json');
  });

  it('rejects an oversized body with 413 and an over-long message with 400', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const huge = await stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: 'x'.repeat(10_000) },
    });
    expectError(huge, 413);
    expect(huge.body.error).toBe('payload_too_large');
    const long = await stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: 'x'.repeat(1500) },
    });
    expectError(long, 400);
    const empty = await stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: '   ' },
    });
    expectError(empty, 400);
  });

  it('answers unknown conversation ids with 404 and malformed ones with 400', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agent = await anAgent(stack.dataSource, tenant.id);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    expectError(await stack.http.get(`/inbox/conversations/${randomUUID()}`, { token: agent.token }), 404);
    expectError(
      await stack.http.post(`/inbox/conversations/${randomUUID()}/replies`, {
        token: agent.token,
        body: { body: 'hi', clientMessageId: 'x1' },
      }),
      404,
    );
    expectError(await stack.http.get('/inbox/conversations/not-a-uuid', { token: agent.token }), 400);
    expectError(await stack.http.get(`/widget/conversations/${randomUUID()}/messages`, { token: visitor.token }), 404);
  });

  it("keeps a visitor's token out of another visitor's conversation, and an agent out of another tenant's", async () => {
    const tenant = await aTenant(stack.dataSource);
    const owner = await aVisitor(stack.http, tenant.widgetKey);
    const intruder = await aVisitor(stack.http, tenant.widgetKey);
    const sent = await stack.http.post('/widget/messages', {
      token: owner.token,
      body: { clientMessageId: aClientMessageId(), body: 'I want to talk to a person' },
    });
    const conversationId = sent.body.conversationId as string;
    expectError(
      await stack.http.get(`/widget/conversations/${conversationId}/messages`, { token: intruder.token }),
      404,
    );
    const otherTenant = await aTenant(stack.dataSource);
    const outsider = await anAgent(stack.dataSource, otherTenant.id, { role: 'admin' });
    expectError(await stack.http.get(`/inbox/conversations/${conversationId}`, { token: outsider.token }), 404);
    expectError(
      await stack.http.post(`/inbox/conversations/${conversationId}/resolve`, { token: outsider.token }),
      404,
    );
    const list = await stack.http.get('/inbox/conversations?assignee=any', { token: outsider.token });
    expect(list.body.items).toEqual([]);
  });

  it('rejects an agent token on an admin route with 403 and a missing or forged token with 401', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agent = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    expectError(
      await stack.http.post('/agents', {
        token: agent.token,
        body: { email: 'new@example.test', name: 'New', role: 'agent', password: 'long enough password' },
      }),
      403,
    );
    expectError(await stack.http.get('/inbox/conversations'), 401);
    expectError(await stack.http.get('/inbox/conversations', { token: 'forged-token' }), 401);
    expectError(
      await stack.http.post('/widget/messages', {
        token: 'forged.visitor.token',
        body: { clientMessageId: aClientMessageId(), body: 'hello' },
      }),
      401,
    );
  });

  it('rejects invalid agent actions with 400 or 409', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agent = await anAgent(stack.dataSource, tenant.id);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const sent = await stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: 'I want to talk to a person' },
    });
    const id = sent.body.conversationId as string;
    expectError(
      await stack.http.post(`/inbox/conversations/${id}/snooze`, {
        token: agent.token,
        body: { until: '2001-01-01T00:00:00Z' },
      }),
      400,
    );
    expectError(
      await stack.http.post(`/inbox/conversations/${id}/replies`, { token: agent.token, body: { body: '' } }),
      400,
    );
    expect((await stack.http.post(`/inbox/conversations/${id}/resolve`, { token: agent.token })).status).toBe(200);
    expectError(
      await stack.http.post(`/inbox/conversations/${id}/replies`, {
        token: agent.token,
        body: { body: 'late', clientMessageId: aClientMessageId() },
      }),
      409,
    );
    expectError(
      await stack.http.post(`/inbox/conversations/${id}/snooze`, {
        token: agent.token,
        body: { until: new Date(Date.now() + 3_600_000).toISOString() },
      }),
      409,
    );
  });
});
