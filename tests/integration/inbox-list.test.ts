import { AssignmentEntity } from '../../core/assignment/assignment.entity';
import { CustomerIdentityEntity } from '../../core/customers/customer-identity.entity';
import { TeamEntity } from '../../core/agents/team.entity';
import { ConversationEventRepository } from '../../core/conversations/conversation-event.repository';
import { MessageRepository, type NewMessage } from '../../core/conversations/message.repository';
import type { Channel } from '../../core/channels/channel';
import type { ConversationStatus, Priority } from '../../core/conversations/conversation-status';
import { aConversation, aCustomer, anAgent, aTenant } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';

interface Arrangement {
  channel?: Channel;
  status?: ConversationStatus;
  priority?: Priority;
  topicTags?: string[];
  teamId?: string | null;
  assigneeId?: string | null;
  /** Full-precision ISO timestamp (microseconds allowed). */
  lastActivityAt?: string;
  queuedAt?: string | null;
  firstResponseAt?: string | null;
  subject?: string;
}

describe('GET /inbox/conversations and /inbox/conversations/:id', () => {
  let stack: TestStack;
  let messages: MessageRepository;
  let events: ConversationEventRepository;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    messages = new MessageRepository(stack.dataSource);
    events = new ConversationEventRepository(stack.dataSource);
  });
  afterAll(() => stack?.stop());

  async function aTenantWithAgent() {
    const tenant = await aTenant(stack.dataSource);
    const { agent, token } = await anAgent(stack.dataSource, tenant.id);
    return { tenant, agent, token };
  }

  /** A conversation in exactly the state a test needs, as the workflow would have left it. */
  async function aConversationIn(tenantId: string, customerId: string, arrangement: Arrangement = {}) {
    const conversation = await aConversation(stack.dataSource, tenantId, customerId, {
      channel: arrangement.channel,
      subject: arrangement.subject,
    });
    await stack.dataSource.query(
      `UPDATE conversations
          SET status = $3, priority = $4, topic_tags = $5, team_id = $6, assignee_id = $7,
              last_activity_at = coalesce($8::timestamptz, last_activity_at), queued_at = $9, first_response_at = $10
        WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        conversation.id,
        arrangement.status ?? 'open',
        arrangement.priority ?? 'normal',
        arrangement.topicTags ?? [],
        arrangement.teamId ?? null,
        arrangement.assigneeId ?? null,
        arrangement.lastActivityAt ?? null,
        arrangement.queuedAt ?? null,
        arrangement.firstResponseAt ?? null,
      ],
    );
    return conversation;
  }

  let messageCounter = 0;
  async function aMessage(
    tenantId: string,
    conversation: { id: string; customerId: string; channel: Channel },
    fields: Partial<NewMessage> & Pick<NewMessage, 'authorKind' | 'body'>,
  ) {
    const { message } = await messages.record(tenantId, {
      conversationId: conversation.id,
      customerId: conversation.customerId,
      channel: conversation.channel,
      direction: fields.authorKind === 'customer' ? 'inbound' : 'outbound',
      externalId: `test-${process.pid}-${++messageCounter}`,
      deliveryStatus: fields.authorKind === 'customer' ? 'received' : 'sent',
      ...fields,
    });
    return message;
  }

  const list = (token: string, query = '') => stack.http.get(`/inbox/conversations${query}`, { token });
  const idsOf = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

  /** Follows nextCursor to the end, returning every page's ids. */
  async function walk(token: string, query: string): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor ? `&cursor=${cursor}` : '';
      const response = await list(token, `?${query}${suffix}`);
      expect(response.status).toBe(200);
      pages.push(idsOf(response));
      cursor = response.body.nextCursor;
      expect(pages.length).toBeLessThan(50);
    } while (cursor);
    return pages;
  }

  it('lists conversations newest activity first, with the customer and a preview of the last message', async () => {
    const { tenant, token } = await aTenantWithAgent();
    const customer = await aCustomer(stack.dataSource, tenant.id, {
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      phone: '+15550100',
    });
    const older = await aConversationIn(tenant.id, customer.id, {
      lastActivityAt: '2025-03-01T10:00:00Z',
      subject: 'Refund',
      channel: 'email',
      priority: 'high',
      topicTags: ['billing'],
      queuedAt: '2025-03-01T09:00:00Z',
      firstResponseAt: '2025-03-01T09:30:00Z',
    });
    const newer = await aConversationIn(tenant.id, customer.id, { lastActivityAt: '2025-03-02T10:00:00Z' });
    await aMessage(tenant.id, older, { authorKind: 'customer', body: 'first' });
    const longBody = `${'x'.repeat(199)}é${'y'.repeat(50)}`;
    const last = await aMessage(tenant.id, older, { authorKind: 'bot', body: longBody, confidence: 0.3 });

    const response = await list(token);

    expect(response.status).toBe(200);
    expect(idsOf(response)).toEqual([newer.id, older.id]);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items[0].lastMessage).toBeNull();
    expect(response.body.items[1]).toEqual({
      id: older.id,
      channel: 'email',
      status: 'open',
      priority: 'high',
      topicTags: ['billing'],
      teamId: null,
      assigneeId: null,
      subject: 'Refund',
      customer: { id: customer.id, name: 'Ada Lovelace', email: 'ada@example.test', phone: '+15550100' },
      lastMessage: { body: `${'x'.repeat(199)}é`, authorKind: 'bot', createdAt: last.createdAt.toISOString() },
      lastActivityAt: '2025-03-01T10:00:00.000Z',
      createdAt: older.createdAt.toISOString(),
      firstResponseAt: '2025-03-01T09:30:00.000Z',
      waitingSince: '2025-03-01T09:00:00.000Z',
      triage: {
        topic: null,
        topicConfidence: null,
        topicEngine: null,
        sentiment: null,
        sentimentScore: null,
        language: null,
        priorityReasons: [],
      },
      routing: {
        teamId: null,
        policyVersion: null,
        rule: null,
        routedAt: null,
        requiredSkills: [],
        optionalSkills: [],
      },
      sla: { policyId: null, firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null },
    });
  });

  it('filters by status, channel, assignee, team, tag and priority', async () => {
    const { tenant, agent, token } = await aTenantWithAgent();
    const colleague = await anAgent(stack.dataSource, tenant.id);
    const team = await stack.dataSource.getRepository(TeamEntity).save({ tenantId: tenant.id, name: 'Billing' });
    // A member sees the team's conversations; an agent outside it would not (conversation permissions).
    await stack.dataSource.query('INSERT INTO team_members (tenant_id, team_id, agent_id) VALUES ($1, $2, $3)', [
      tenant.id,
      team.id,
      agent.id,
    ]);
    const customer = await aCustomer(stack.dataSource, tenant.id);
    const at = (minute: number) => `2025-04-01T10:${String(minute).padStart(2, '0')}:00Z`;
    const mine = await aConversationIn(tenant.id, customer.id, {
      assigneeId: agent.id,
      topicTags: ['billing', 'refund'],
      teamId: team.id,
      lastActivityAt: at(1),
    });
    const theirs = await aConversationIn(tenant.id, customer.id, {
      assigneeId: colleague.agent.id,
      channel: 'sms',
      priority: 'urgent',
      lastActivityAt: at(2),
    });
    const queued = await aConversationIn(tenant.id, customer.id, {
      channel: 'email',
      priority: 'high',
      topicTags: ['shipping'],
      teamId: team.id,
      lastActivityAt: at(3),
    });
    const withBot = await aConversationIn(tenant.id, customer.id, { status: 'bot', lastActivityAt: at(4) });
    const snoozed = await aConversationIn(tenant.id, customer.id, {
      status: 'snoozed',
      assigneeId: agent.id,
      lastActivityAt: at(5),
    });
    const resolved = await aConversationIn(tenant.id, customer.id, {
      status: 'resolved',
      channel: 'email',
      topicTags: ['refund'],
      lastActivityAt: at(6),
    });

    const expectations: [string, string[]][] = [
      ['', [resolved.id, snoozed.id, withBot.id, queued.id, theirs.id, mine.id]],
      ['?status=open', [queued.id, theirs.id, mine.id]],
      ['?status=snoozed,resolved', [resolved.id, snoozed.id]],
      ['?status=bot&status=snoozed', [snoozed.id, withBot.id]],
      ['?channel=email', [resolved.id, queued.id]],
      ['?channel=sms,chat&status=open', [theirs.id, mine.id]],
      ['?assignee=me', [snoozed.id, mine.id]],
      ['?assignee=me&status=open', [mine.id]],
      ['?assignee=unassigned&status=open', [queued.id]],
      [`?assignee=${colleague.agent.id}`, [theirs.id]],
      ['?assignee=any&status=open', [queued.id, theirs.id, mine.id]],
      [`?teamId=${team.id}`, [queued.id, mine.id]],
      ['?tag=refund', [resolved.id, mine.id]],
      ['?tag=refund&status=open', [mine.id]],
      ['?tag=nothing', []],
      ['?priority=urgent,high', [queued.id, theirs.id]],
      ['?priority=normal&channel=chat&status=open,bot', [withBot.id, mine.id]],
    ];
    for (const [query, expected] of expectations) {
      const response = await list(token, query);
      expect({ query, status: response.status, ids: idsOf(response) }).toEqual({ query, status: 200, ids: expected });
    }
  });

  it('sorts by customer: customers alphabetically (case-insensitive), newest conversation first within each', async () => {
    const { tenant, token } = await aTenantWithAgent();
    const carol = await aCustomer(stack.dataSource, tenant.id, { name: 'carol' });
    const alice = await aCustomer(stack.dataSource, tenant.id, { name: 'Alice' });
    const bob = await aCustomer(stack.dataSource, tenant.id, { name: 'bob' });
    const at = (hour: number) => `2025-05-01T${String(hour).padStart(2, '0')}:00:00Z`;
    const carol1 = await aConversationIn(tenant.id, carol.id, { lastActivityAt: at(9) });
    const alice1 = await aConversationIn(tenant.id, alice.id, { lastActivityAt: at(1) });
    const bob1 = await aConversationIn(tenant.id, bob.id, { lastActivityAt: at(5) });
    const alice2 = await aConversationIn(tenant.id, alice.id, { lastActivityAt: at(7), channel: 'email' });
    const carol2 = await aConversationIn(tenant.id, carol.id, { lastActivityAt: at(3) });

    const response = await list(token, '?sort=customer');

    expect(response.status).toBe(200);
    expect(idsOf(response)).toEqual([alice2.id, alice1.id, bob1.id, carol1.id, carol2.id]);
    expect(response.body.items.map((item: { customer: { name: string } }) => item.customer.name)).toEqual([
      'Alice',
      'Alice',
      'bob',
      'carol',
      'carol',
    ]);
  });

  it('pages by keyset across ties and sub-millisecond timestamps without duplicates or gaps', async () => {
    const { tenant, token } = await aTenantWithAgent();
    const first = await aCustomer(stack.dataSource, tenant.id, { name: 'Zed' });
    const second = await aCustomer(stack.dataSource, tenant.id, { name: 'Amy' });
    // Three rows share one instant, two differ only in microseconds (the same JS millisecond): a cursor that
    // rounded to milliseconds or ignored the id would repeat or skip rows here.
    const instants = [
      '2025-06-01T12:00:00.000001Z',
      '2025-06-01T12:00:00.000002Z',
      '2025-06-01T12:00:00.000500Z',
      '2025-06-01T12:00:00.000500Z',
      '2025-06-01T12:00:00.000500Z',
      '2025-06-01T11:00:00Z',
      '2025-06-01T13:00:00Z',
    ];
    const rows: { id: string; customer: string; at: string }[] = [];
    for (const [index, at] of instants.entries()) {
      const customer = index % 2 === 0 ? first : second;
      const conversation = await aConversationIn(tenant.id, customer.id, { lastActivityAt: at });
      rows.push({ id: conversation.id, customer: customer.name!.toLowerCase(), at });
    }
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const newestFirst = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
      compare(b.at, a.at) || compare(b.id, a.id);
    const byActivity = [...rows].sort(newestFirst).map((row) => row.id);
    const byCustomer = [...rows]
      .sort((a, b) => compare(a.customer, b.customer) || newestFirst(a, b))
      .map((row) => row.id);

    for (const [sort, expected] of [
      ['last_activity', byActivity],
      ['customer', byCustomer],
    ] as const) {
      const whole = await list(token, `?sort=${sort}&limit=100`);
      expect(idsOf(whole)).toEqual(expected);
      for (const limit of [1, 2, 3]) {
        const pages = await walk(token, `sort=${sort}&limit=${limit}`);
        expect(pages.flat()).toEqual(expected);
        expect(pages.every((page) => page.length === limit || page === pages.at(-1))).toBe(true);
        expect(pages.length).toBe(Math.ceil(expected.length / limit));
      }
    }
  });

  it('keeps the filters applied across pages', async () => {
    const { tenant, token } = await aTenantWithAgent();
    const customer = await aCustomer(stack.dataSource, tenant.id);
    const open: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const at = `2025-07-01T10:0${index}:00Z`;
      const kept = await aConversationIn(tenant.id, customer.id, { lastActivityAt: at });
      await aConversationIn(tenant.id, customer.id, { status: 'resolved', lastActivityAt: at });
      open.unshift(kept.id);
    }

    const pages = await walk(token, 'status=open&limit=2');

    expect(pages).toEqual([open.slice(0, 2), open.slice(2, 4), open.slice(4)]);
  });

  it('defaults to 25 items a page', async () => {
    const { tenant, token } = await aTenantWithAgent();
    const customer = await aCustomer(stack.dataSource, tenant.id);
    for (let index = 0; index < 26; index += 1) {
      await aConversationIn(tenant.id, customer.id);
    }

    const response = await list(token);

    expect(response.body.items).toHaveLength(25);
    expect(typeof response.body.nextCursor).toBe('string');
  });

  it('answers 400 to a malformed cursor or filter', async () => {
    const { tenant, token } = await aTenantWithAgent();
    const customer = await aCustomer(stack.dataSource, tenant.id);
    await aConversationIn(tenant.id, customer.id, { lastActivityAt: '2025-08-01T10:00:00Z' });
    await aConversationIn(tenant.id, customer.id, { lastActivityAt: '2025-08-01T11:00:00Z' });
    const firstPage = await list(token, '?limit=1');
    const validCursor: string = firstPage.body.nextCursor;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const id = customer.id;

    const badQueries = [
      '?cursor=not*base64',
      `?cursor=${Buffer.from('not json').toString('base64url')}`,
      `?cursor=${encode([1, 2])}`,
      `?cursor=${encode({ s: 'last_activity', t: '2025-08-01T10:00:00.000000Z' })}`,
      `?cursor=${encode({ s: 'last_activity', t: '2025-13-01T10:00:00.000000Z', i: id })}`,
      `?cursor=${encode({ s: 'last_activity', t: '0000-01-01T00:00:00.000000Z', i: id })}`,
      `?cursor=${encode({ s: 'last_activity', t: 'yesterday', i: id })}`,
      `?cursor=${encode({ s: 'last_activity', t: '2025-08-01T10:00:00.000000Z', i: 'x' })}`,
      `?cursor=${encode({ s: 'customer', k: 'a\u0000b', c: id, t: '2025-08-01T10:00:00.000000Z', i: id })}`,
      `?cursor=${encode({ s: 'customer', k: 7, c: id, t: '2025-08-01T10:00:00.000000Z', i: id })}`,
      `?cursor=${validCursor}&sort=customer`,
      '?cursor=',
      '?status=closed',
      '?status=open,',
      '?status=',
      '?channel=fax',
      '?assignee=someone',
      '?assignee=',
      '?teamId=team-1',
      '?priority=critical',
      '?tag=',
      '?tag=a&tag=b',
      '?sort=name',
      '?limit=0',
      '?limit=101',
      '?limit=ten',
      '?limit=2.5',
      '?unknown=1',
    ];
    for (const query of badQueries) {
      const response = await list(token, query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.error).toBe('validation_failed');
    }
    const nextPage = await list(token, `?limit=1&cursor=${validCursor}`);
    expect(nextPage.status).toBe(200);
    expect(nextPage.body.items).toHaveLength(1);
  });

  it('requires an agent token', async () => {
    expect((await stack.http.get('/inbox/conversations')).status).toBe(401);
    expect((await stack.http.get('/inbox/conversations', { token: 'tla_forged' })).status).toBe(401);
  });

  it("never shows an agent another tenant's conversations", async () => {
    const ours = await aTenantWithAgent();
    const theirs = await aTenantWithAgent();
    const admin = await anAgent(stack.dataSource, ours.tenant.id, { role: 'admin' });
    const ourCustomer = await aCustomer(stack.dataSource, ours.tenant.id);
    const theirCustomer = await aCustomer(stack.dataSource, theirs.tenant.id);
    const ourConversation = await aConversationIn(ours.tenant.id, ourCustomer.id);
    const theirConversation = await aConversationIn(theirs.tenant.id, theirCustomer.id, {
      assigneeId: theirs.agent.id,
      topicTags: ['billing'],
    });
    await aMessage(theirs.tenant.id, theirConversation, { authorKind: 'customer', body: 'secret' });

    for (const token of [ours.token, admin.token]) {
      for (const query of ['', '?limit=100', `?assignee=${theirs.agent.id}`, '?tag=billing', '?sort=customer']) {
        const response = await list(token, query);
        expect(response.status).toBe(200);
        expect(idsOf(response)).not.toContain(theirConversation.id);
      }
      expect(idsOf(await list(token))).toEqual([ourConversation.id]);
      const detail = await stack.http.get(`/inbox/conversations/${theirConversation.id}`, { token });
      expect(detail.status).toBe(404);
      expect(JSON.stringify(detail.body)).not.toContain('secret');
    }
    expect(idsOf(await list(theirs.token))).toEqual([theirConversation.id]);
  });

  it("shows a conversation with its customer's complete history on every channel", async () => {
    const { tenant, agent, token } = await aTenantWithAgent();
    const customer = await aCustomer(stack.dataSource, tenant.id, {
      name: 'Grace',
      email: 'grace@example.test',
      channel: 'chat',
      address: 'visitor-grace',
    });
    await stack.dataSource.getRepository(CustomerIdentityEntity).save({
      tenantId: tenant.id,
      customerId: customer.id,
      channel: 'email',
      address: 'grace@example.test',
      verified: true,
    });
    const chat = await aConversationIn(tenant.id, customer.id, { channel: 'chat', status: 'resolved' });
    const email = await aConversationIn(tenant.id, customer.id, {
      channel: 'email',
      subject: 'Invoice',
      assigneeId: agent.id,
    });
    const stranger = await aCustomer(stack.dataSource, tenant.id);
    const strangers = await aConversationIn(tenant.id, stranger.id);
    await aMessage(tenant.id, strangers, { authorKind: 'customer', body: 'not Grace' });
    await events.append(tenant.id, { conversationId: strangers.id, type: 'created', actor: 'visitor' });

    const citation = { articleId: '00000000-0000-4000-8000-000000000001', title: 'Invoices', snippet: 'PDF' };
    const m1 = await aMessage(tenant.id, chat, { authorKind: 'customer', body: 'Where is my invoice?' });
    const m2 = await aMessage(tenant.id, chat, {
      authorKind: 'bot',
      body: 'Invoices are under Billing.',
      citations: [citation],
      confidence: 0.5,
    });
    const m3 = await aMessage(tenant.id, email, { authorKind: 'customer', body: 'Still no invoice' });
    const m4 = await aMessage(tenant.id, chat, { authorKind: 'system', body: 'Conversation resolved' });
    const m5 = await aMessage(tenant.id, email, {
      authorKind: 'agent',
      body: 'Sent it again',
      authorAgentId: agent.id,
    });
    await events.append(tenant.id, { conversationId: chat.id, type: 'bot_answered', actor: 'bot', data: { turn: 1 } });
    await events.append(tenant.id, { conversationId: email.id, type: 'handed_off', actor: 'workflow' });
    await events.append(tenant.id, { conversationId: chat.id, type: 'resolved', actor: 'workflow' });
    await stack.dataSource.getRepository(AssignmentEntity).save({
      tenantId: tenant.id,
      conversationId: email.id,
      agentId: agent.id,
      assignedBy: 'dispatcher',
      policy: 'least_loaded',
      reason: 'handoff',
    });

    const response = await stack.http.get(`/inbox/conversations/${email.id}`, { token });

    expect(response.status).toBe(200);
    const { conversation, customer: shown, history } = response.body;
    expect(conversation).toMatchObject({ id: email.id, channel: 'email', subject: 'Invoice', assigneeId: agent.id });
    expect(shown).toMatchObject({ id: customer.id, name: 'Grace', email: 'grace@example.test' });
    expect(shown.identities).toEqual([
      expect.objectContaining({ channel: 'chat', address: 'visitor-grace', verified: false }),
      expect.objectContaining({ channel: 'email', address: 'grace@example.test', verified: true }),
    ]);
    expect(history.conversations).toEqual([
      { id: chat.id, channel: 'chat', status: 'resolved', subject: null, createdAt: chat.createdAt.toISOString() },
      { id: email.id, channel: 'email', status: 'open', subject: 'Invoice', createdAt: email.createdAt.toISOString() },
    ]);
    expect(history.messages.map((message: { id: string }) => message.id)).toEqual([m1.id, m2.id, m3.id, m4.id, m5.id]);
    expect(history.messages[1]).toMatchObject({
      conversationId: chat.id,
      channel: 'chat',
      authorKind: 'bot',
      body: 'Invoices are under Billing.',
      citations: [citation],
      confidence: 0.5,
    });
    expect(history.messages[4]).toMatchObject({
      conversationId: email.id,
      channel: 'email',
      authorKind: 'agent',
      authorAgentId: agent.id,
    });
    expect(
      history.events.map((event: { conversationId: string; type: string }) => [event.conversationId, event.type]),
    ).toEqual([
      [chat.id, 'bot_answered'],
      [email.id, 'handed_off'],
      [chat.id, 'resolved'],
    ]);
    expect(history.events[0].data).toEqual({ turn: 1 });
    expect(history.assignments).toEqual([
      expect.objectContaining({
        conversationId: email.id,
        agentId: agent.id,
        assignedBy: 'dispatcher',
        policy: 'least_loaded',
        endedAt: null,
      }),
    ]);
    expect(JSON.stringify(response.body)).not.toContain('not Grace');
  });

  it('answers 404 to an unknown conversation and 400 to a malformed id', async () => {
    const { token } = await aTenantWithAgent();

    expect((await stack.http.get('/inbox/conversations/00000000-0000-4000-8000-000000000000', { token })).status).toBe(
      404,
    );
    expect((await stack.http.get('/inbox/conversations/not-a-uuid', { token })).status).toBe(400);
  });

  it('documents the inbox routes and their parameters at /docs-json', async () => {
    const { body } = await stack.http.get('/docs-json');

    const listParameters = body.paths['/inbox/conversations'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParameters).toEqual(
      expect.arrayContaining(['status', 'channel', 'assignee', 'teamId', 'tag', 'priority', 'sort', 'limit', 'cursor']),
    );
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/inbox/conversations/{id}',
        '/inbox/conversations/{id}/replies',
        '/inbox/conversations/{id}/assign',
        '/inbox/conversations/{id}/resolve',
        '/inbox/conversations/{id}/reopen',
        '/inbox/conversations/{id}/snooze',
      ]),
    );
    expect(Object.keys(body.components.schemas.ReplyDto.properties)).toEqual(['body', 'clientMessageId']);
  });
});
