import { ConversationEventRepository } from '../../core/conversations/conversation-event.repository';
import { eventually } from '../support/eventually';
import { aConversation, aCustomer, anAgent, aTenant } from '../support/factories';
import { aTeam } from '../support/routing-fixtures';
import { SseConnection } from '../support/sse-client';
import { startTestStack, type TestStack } from '../support/test-stack';

interface StreamedEvent {
  id: string;
  conversationId: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
  createdAt: string;
}

describe.each([
  ['with polling', { STREAM_POLL_MS: '50' }],
  // A poll period far beyond the test timeout: events can only arrive through LISTEN/NOTIFY.
  ['through LISTEN/NOTIFY alone', { STREAM_POLL_MS: '3600000' }],
])('agent event stream %s', (_name, env) => {
  let stack: TestStack;
  let events: ConversationEventRepository;
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ worker: false, env });
    events = new ConversationEventRepository(stack.dataSource);
  });

  afterEach(() => {
    streams.splice(0).forEach((stream) => stream.close());
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const open = async (token: string | undefined, query = '', headers: Record<string, string> = {}) => {
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const stream = await SseConnection.open(`${stack.baseUrl}/events/stream${query}`, { ...auth, ...headers });
    streams.push(stream);
    return stream;
  };

  /** A tenant with an agent and a conversation to log events on. */
  const aDesk = async () => {
    const tenant = await aTenant(stack.dataSource);
    const { token } = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    const customer = await aCustomer(stack.dataSource, tenant.id);
    const conversation = await aConversation(stack.dataSource, tenant.id, customer.id);
    return { tenant, token, conversation };
  };

  /** Logs an event as the workflow's activities do and returns its id. */
  const log = async (desk: Awaited<ReturnType<typeof aDesk>>, type: string, data: Record<string, unknown> = {}) => {
    await events.append(desk.tenant.id, { conversationId: desk.conversation.id, type, actor: 'workflow', data });
    const [row] = await stack.dataSource.query(
      'SELECT max(id)::text AS id FROM conversation_events WHERE tenant_id = $1',
      [desk.tenant.id],
    );
    return row.id as string;
  };

  const streamedIds = (stream: SseConnection) => stream.events.map((event) => event.id);
  const waitForId = (stream: SseConnection, id: string) =>
    stream.waitUntil((received) => received.some((event) => event.id === id), { what: `event ${id}` });

  it("streams its tenant's events stored after it opened, never another tenant's", async () => {
    const ours = await aDesk();
    const theirs = await aDesk();
    await log(ours, 'triaged');
    const stream = await open(ours.token);

    const theirEvent = await log(theirs, 'assigned', { agentId: 'someone' });
    const assigned = await log(ours, 'assigned', { agentId: 'a1', reason: 'least loaded' });
    const breached = await log(ours, 'sla_breached', { target: 'first_response' });
    await waitForId(stream, breached);

    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(streamedIds(stream)).toEqual([assigned, breached]);
    expect(streamedIds(stream)).not.toContain(theirEvent);
    expect(stream.events.map((event) => event.event)).toEqual(['assigned', 'sla_breached']);
    const [first] = stream.messages<StreamedEvent>('assigned');
    expect(first).toEqual({
      id: assigned,
      conversationId: ours.conversation.id,
      type: 'assigned',
      actor: 'workflow',
      data: { agentId: 'a1', reason: 'least loaded' },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });
  });

  it('sends only the types asked for', async () => {
    const desk = await aDesk();
    const stream = await open(desk.token, '?types=sla_breached,assigned');

    await log(desk, 'routed');
    const assigned = await log(desk, 'assigned');
    await log(desk, 'triaged');
    const breached = await log(desk, 'sla_breached');
    await waitForId(stream, breached);

    expect(streamedIds(stream)).toEqual([assigned, breached]);
  });

  it('resumes after Last-Event-ID, which wins over ?after=', async () => {
    const desk = await aDesk();
    const first = await log(desk, 'assigned');
    const second = await log(desk, 'unassigned');
    const third = await log(desk, 'assigned');

    const resumed = await open(desk.token, `?after=${third}`, { 'last-event-id': first });
    const fromAfter = await open(desk.token, `?after=${second}`);
    const fromStart = await open(desk.token, '?after=0&types=unassigned');
    await Promise.all([waitForId(resumed, third), waitForId(fromAfter, third), waitForId(fromStart, second)]);

    expect(streamedIds(resumed)).toEqual([second, third]);
    expect(streamedIds(fromAfter)).toEqual([third]);
    expect(streamedIds(fromStart)).toEqual([second]);
  });

  it('answers 401 without a bearer token (a token in the URL is not accepted) and 400 to a malformed position', async () => {
    const desk = await aDesk();

    const anonymous = await open(undefined);
    const tokenInUrl = await open(undefined, `?access_token=${desk.token}`);
    const badLastEventId = await open(desk.token, '', { 'last-event-id': 'abc' });
    const badAfter = await open(desk.token, '?after=-1');
    const badTypes = await open(desk.token, '?types=Assigned;DROP');

    expect([anonymous.status, tokenInUrl.status]).toEqual([401, 401]);
    expect([badLastEventId.status, badAfter.status, badTypes.status]).toEqual([400, 400, 400]);
  });
});

describe('agent event stream: order and credentials', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false, env: { STREAM_POLL_MS: '50' } });
  });
  afterAll(() => stack?.stop());

  it('sends events in id order, also where the ids gain a digit', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { token } = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    const customer = await aCustomer(stack.dataSource, tenant.id);
    const conversation = await aConversation(stack.dataSource, tenant.id, customer.id);
    // Explicit ids far above the sequence (used once per run): as text, '1000000000000000' sorts before '999…'.
    const ids = ['999999999999999', '1000000000000000'];
    for (const id of ids) {
      await stack.dataSource.query(
        `INSERT INTO conversation_events (id, tenant_id, conversation_id, type, actor) VALUES ($1, $2, $3, 'assigned', 'workflow')`,
        [id, tenant.id, conversation.id],
      );
    }
    const stream = await SseConnection.open(`${stack.baseUrl}/events/stream?after=0`, {
      authorization: `Bearer ${token}`,
    });
    try {
      await stream.waitUntil((events) => events.length === 2, { what: 'both events' });
      expect(stream.events.map((event) => event.id)).toEqual(ids);
    } finally {
      stream.close();
    }
  });

  it('ends the stream once its token is revoked', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { token } = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    const stream = await SseConnection.open(`${stack.baseUrl}/events/stream`, { authorization: `Bearer ${token}` });
    try {
      expect(stream.status).toBe(200);
      expect((await stack.http.post('/auth/logout', { token })).status).toBeLessThan(300);

      await stream.finished;

      const reconnect = await SseConnection.open(`${stack.baseUrl}/events/stream`, {
        authorization: `Bearer ${token}`,
      });
      expect(reconnect.status).toBe(401);
    } finally {
      stream.close();
    }
  });
});

describe('agent event stream: conversation visibility', () => {
  let stack: TestStack;
  let events: ConversationEventRepository;
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ worker: false, env: { STREAM_POLL_MS: '50' } });
    events = new ConversationEventRepository(stack.dataSource);
  });
  afterEach(() => {
    streams.splice(0).forEach((stream) => stream.close());
  });
  afterAll(() => stack?.stop());

  const open = async (token: string) => {
    const stream = await SseConnection.open(`${stack.baseUrl}/events/stream`, { authorization: `Bearer ${token}` });
    streams.push(stream);
    expect(stream.status).toBe(200);
    return stream;
  };

  /** A conversation of `teamId` (null: no team) held by `assigneeId`. */
  const aHeldConversation = async (tenantId: string, teamId: string | null, assigneeId: string | null = null) => {
    const customer = await aCustomer(stack.dataSource, tenantId);
    const conversation = await aConversation(stack.dataSource, tenantId, customer.id);
    await stack.dataSource.query(
      `UPDATE conversations SET status = 'open', team_id = $3, assignee_id = $4 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, conversation.id, teamId, assigneeId],
    );
    return conversation.id;
  };

  const log = async (tenantId: string, conversationId: string, type = 'assigned') => {
    await events.append(tenantId, { conversationId, type, actor: 'workflow', data: {} });
    const [row] = await stack.dataSource.query(
      'SELECT max(id)::text AS id FROM conversation_events WHERE tenant_id = $1 AND conversation_id = $2',
      [tenantId, conversationId],
    );
    return row.id as string;
  };

  const ids = (stream: SseConnection) => stream.events.map((event) => event.id);
  /** Events go out in id order, so once a later event arrived every earlier one the stream may send has too. */
  const waitForId = (stream: SseConnection, id: string) =>
    stream.waitUntil((received) => received.some((event) => event.id === id), { what: `event ${id}` });

  /** A tenant with a team (one member), an agent of no team and a supervisor of no team. */
  const aDesk = async () => {
    const tenant = await aTenant(stack.dataSource);
    const member = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    const outsider = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    const supervisor = await anAgent(stack.dataSource, tenant.id, { status: 'offline', role: 'supervisor' });
    const teamId = await aTeam(stack.dataSource, tenant.id, { memberIds: [member.agent.id] });
    return { tenantId: tenant.id, member, outsider, supervisor, teamId };
  };

  it("sends a team's conversation events to its members and supervisors, not to an agent outside the team", async () => {
    const desk = await aDesk();
    const teamConversation = await aHeldConversation(desk.tenantId, desk.teamId);
    const sharedConversation = await aHeldConversation(desk.tenantId, null);
    const [member, outsider, supervisor] = await Promise.all(
      [desk.member, desk.outsider, desk.supervisor].map(({ token }) => open(token)),
    );

    const teamEvent = await log(desk.tenantId, teamConversation);
    const sharedEvent = await log(desk.tenantId, sharedConversation);
    await Promise.all([member, outsider, supervisor].map((stream) => waitForId(stream, sharedEvent)));

    expect(ids(member)).toEqual([teamEvent, sharedEvent]);
    expect(ids(supervisor)).toEqual([teamEvent, sharedEvent]);
    expect(ids(outsider)).toEqual([sharedEvent]);
  });

  it("sends an agent outside the team the events of the team's conversation assigned to them", async () => {
    const desk = await aDesk();
    const theirs = await aHeldConversation(desk.tenantId, desk.teamId, desk.outsider.agent.id);
    const colleagues = await aHeldConversation(desk.tenantId, desk.teamId, desk.member.agent.id);
    const outsider = await open(desk.outsider.token);

    await log(desk.tenantId, colleagues);
    const own = await log(desk.tenantId, theirs);
    await waitForId(outsider, own);

    expect(ids(outsider)).toEqual([own]);
  });

  it("sends an agent a team's events once they joined it, from the next credential check on", async () => {
    const desk = await aDesk();
    const teamConversation = await aHeldConversation(desk.tenantId, desk.teamId);
    const sharedConversation = await aHeldConversation(desk.tenantId, null);
    const outsider = await open(desk.outsider.token);
    const before = await log(desk.tenantId, teamConversation);
    const marker = await log(desk.tenantId, sharedConversation);
    await waitForId(outsider, marker);

    await stack.dataSource.query('INSERT INTO team_members (tenant_id, team_id, agent_id) VALUES ($1, $2, $3)', [
      desk.tenantId,
      desk.teamId,
      desk.outsider.agent.id,
    ]);
    const received = await eventually(
      async () => {
        const id = await log(desk.tenantId, teamConversation);
        await waitForId(outsider, await log(desk.tenantId, sharedConversation));
        return ids(outsider).includes(id) ? id : undefined;
      },
      { intervalMs: 250, what: "the team's events to reach its new member" },
    );

    expect(ids(outsider)).not.toContain(before);
    expect(ids(outsider)).toContain(received);
  });
});
