import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '../../apps/api/src/create-app';
import { issueAgentToken } from '../../core/auth/agent-token';
import { aConversation, aCustomer, anAgent, aTenant, DEFAULT_AGENT_PASSWORD } from '../support/factories';
import { useTestStack, type TestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor, type TestVisitor } from '../support/widget-visitor';

/**
 * Every route of the app × every kind of caller, against the documented permissions (README, "Permissions"). The
 * routes come from the app's own router, so a route added without an entry in MATRIX fails this test.
 *
 * Answer classes: `ok` is anything that got past authentication and authorisation (2xx, or 400/409 for a body the
 * test does not bother to make valid); `401`, `403` and `404` are exactly those statuses. A 404 is how a resource
 * the caller may not see is refused (another tenant's, another team's, another visitor's).
 */

const CALLERS = [
  'admin',
  'supervisor',
  'agent',
  'otherTenantAdmin',
  'visitor',
  'otherVisitor',
  'noToken',
  'revokedToken',
] as const;
type Caller = (typeof CALLERS)[number];
type Answer = 'ok' | 401 | 403 | 404;
type Expected = Record<Caller, Answer>;

interface Fixtures {
  stack: TestStack;
  tenantId: string;
  widgetKey: string;
  otherTenantId: string;
  agentIds: Partial<Record<Caller, string>>;
  /** The agent caller's teammate, who holds `teamConversation`. */
  colleagueId: string;
  teamId: string;
  otherTeamId: string;
  visitor: TestVisitor;
  visitorConversationId: string;
  teamConversationId: string;
  otherTeamConversationId: string;
  customerId: string;
  articleId: string;
  topicId: string;
  businessHoursId: string;
  slaPolicyId: string;
  adminToken: string;
}

interface Scenario {
  /** What is special about this request, when a route has more than one. */
  label?: string;
  path: (fx: Fixtures, caller: Caller) => string | Promise<string>;
  body?: (fx: Fixtures, caller: Caller) => unknown;
  /** The request ends the credential it is sent with (logout): send it with a fresh one of the same caller. */
  spendsToken?: boolean;
  expect: Expected;
}

/** A public route: the same answer whoever calls, with or without a token. */
const everyone = (answer: Answer): Expected =>
  Object.fromEntries(CALLERS.map((caller) => [caller, answer])) as Expected;
const ANYONE = everyone('ok');
const NO_AGENT: Pick<Expected, 'visitor' | 'otherVisitor' | 'noToken' | 'revokedToken'> = {
  visitor: 401,
  otherVisitor: 401,
  noToken: 401,
  revokedToken: 401,
};

/** Any agent of the tenant; another tenant's admin gets `foreign` (ok for a tenant-wide route, 404 for an id). */
const anyAgent = (foreign: Answer): Expected => ({
  ...NO_AGENT,
  admin: 'ok',
  supervisor: 'ok',
  agent: 'ok',
  otherTenantAdmin: foreign,
});
const supervisorUp = (foreign: Answer): Expected => ({ ...anyAgent(foreign), agent: 403 });
const adminOnly = (foreign: Answer): Expected => ({ ...anyAgent(foreign), supervisor: 403, agent: 403 });
/** An inbox action on a colleague's conversation of the agent's team: seen by the agent, not theirs to do. */
const onColleagues = (agent: Answer): Expected => ({ ...anyAgent(404), agent });
const visitorsOnly = (otherVisitor: Answer): Expected => ({
  admin: 401,
  supervisor: 401,
  agent: 401,
  otherTenantAdmin: 401,
  visitor: 'ok',
  otherVisitor,
  noToken: 401,
  revokedToken: 401,
});

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A fresh conversation in the fixtures' tenant, so an action that changes it never changes another request's. */
async function aConversationHeld(fx: Fixtures, teamId: string | null, assigneeId: string | null): Promise<string> {
  const customer = await aCustomer(fx.stack.dataSource, fx.tenantId);
  const conversation = await aConversation(fx.stack.dataSource, fx.tenantId, customer.id);
  await fx.stack.dataSource.query(
    `UPDATE conversations SET status = 'open', team_id = $3, assignee_id = $4 WHERE tenant_id = $1 AND id = $2`,
    [fx.tenantId, conversation.id, teamId, assigneeId],
  );
  return conversation.id;
}
const colleagues = (fx: Fixtures) => aConversationHeld(fx, fx.teamId, fx.colleagueId);
const inbox = (action: string) => async (fx: Fixtures) => `/inbox/conversations/${await colleagues(fx)}/${action}`;
const callerId = (fx: Fixtures, caller: Caller) => fx.agentIds[caller] ?? UNKNOWN_ID;

async function anAgentId(fx: Fixtures): Promise<string> {
  return (await anAgent(fx.stack.dataSource, fx.tenantId, { status: 'offline' })).agent.id;
}
async function created(fx: Fixtures, path: string, body: unknown): Promise<string> {
  const response = await fx.stack.http.post(path, { token: fx.adminToken, body });
  if (response.status !== 201) {
    throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.id as string;
}
const WEEKDAYS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]),
);
const aBusinessHoursId = (fx: Fixtures) =>
  created(fx, '/business-hours', { name: `Hours ${randomUUID()}`, timeZone: 'Europe/London', weekly: WEEKDAYS });
const anSlaPolicyId = (fx: Fixtures) =>
  created(fx, '/sla-policies', { name: `SLA ${randomUUID()}`, firstResponseSeconds: 600 });
const aTeamId = (fx: Fixtures) => created(fx, '/teams', { name: `Team ${randomUUID()}` });
const aTopicId = (fx: Fixtures) => created(fx, '/topics', { name: `Topic ${randomUUID()}` });
const anArticleId = (fx: Fixtures) =>
  created(fx, '/knowledge/articles', { title: `Article ${randomUUID()}`, body: 'How refunds work.' });

/** The documented answer of every route for every caller. One entry per route; some routes have several scenarios. */
const MATRIX: Record<string, Scenario[]> = {
  'GET /health': [{ path: () => '/health', expect: ANYONE }],
  'GET /docs': [{ path: () => '/docs', expect: ANYONE }],
  'GET /docs-json': [{ path: () => '/docs-json', expect: ANYONE }],
  'GET /docs-yaml': [{ path: () => '/docs-yaml', expect: ANYONE }],
  'GET /docs/': [{ path: () => '/docs/', expect: ANYONE }],
  'GET /docs/index.html': [{ path: () => '/docs/index.html', expect: ANYONE }],
  'GET /docs/LICENSE': [
    { label: 'registered by the docs UI, served by nothing', path: () => '/docs/LICENSE', expect: everyone(404) },
  ],
  'GET /docs/swagger-ui-init.js': [{ path: () => '/docs/swagger-ui-init.js', expect: ANYONE }],
  'GET /docs/docs/swagger-ui-init.js': [{ path: () => '/docs/docs/swagger-ui-init.js', expect: ANYONE }],
  'GET /widget/demo': [{ path: () => '/widget/demo?key=demo', expect: ANYONE }],
  // The inbox web app's page is public (it signs in through the API); `/` redirects to it.
  'GET /': [{ path: () => '/', expect: ANYONE }],
  'GET /app,/app/{*path}': [{ path: () => '/app/conversations/00000000-0000-4000-8000-000000000000', expect: ANYONE }],

  'POST /auth/login': [{ path: () => '/auth/login', body: () => ({}), expect: ANYONE }],
  'POST /auth/logout': [{ path: () => '/auth/logout', spendsToken: true, expect: anyAgent('ok') }],
  'POST /auth/password': [{ path: () => '/auth/password', body: () => ({}), expect: anyAgent('ok') }],
  'GET /auth/me': [{ path: () => '/auth/me', expect: anyAgent('ok') }],

  'POST /widget/sessions': [{ path: () => '/widget/sessions', body: () => ({}), expect: ANYONE }],
  // Vendors authenticate by the inbox token in the path and their signature, never by a bearer token.
  'POST /channels/:channel/:provider/:token/:hook': [
    { path: () => '/channels/sms/twilio/tlw_no-such-inbox/inbound', body: () => ({}), expect: everyone(404) },
  ],
  'POST /widget/sessions/refresh': [{ path: () => '/widget/sessions/refresh', body: () => ({}), expect: ANYONE }],
  'DELETE /widget/sessions/current': [
    { path: () => '/widget/sessions/current', spendsToken: true, expect: visitorsOnly('ok') },
  ],
  'POST /widget/messages': [
    {
      path: () => '/widget/messages',
      body: () => ({ clientMessageId: aClientMessageId(), body: 'Hello there' }),
      expect: visitorsOnly('ok'),
    },
    {
      label: "naming the visitor's conversation",
      path: () => '/widget/messages',
      body: (fx) => ({ clientMessageId: aClientMessageId(), body: 'Hello', conversationId: fx.visitorConversationId }),
      expect: visitorsOnly(404),
    },
  ],
  'GET /widget/conversations': [{ path: () => '/widget/conversations', expect: visitorsOnly('ok') }],
  'GET /widget/conversations/:id/messages': [
    { path: (fx) => `/widget/conversations/${fx.visitorConversationId}/messages`, expect: visitorsOnly(404) },
  ],
  'GET /widget/stream': [{ path: () => '/widget/stream', expect: visitorsOnly('ok') }],

  'GET /inbox/conversations': [{ path: () => '/inbox/conversations', expect: anyAgent('ok') }],
  'GET /inbox/conversations/:id': [
    {
      label: "a colleague's, of the agent's team",
      path: (fx) => `/inbox/conversations/${fx.teamConversationId}`,
      expect: anyAgent(404),
    },
    {
      label: "another team's",
      path: (fx) => `/inbox/conversations/${fx.otherTeamConversationId}`,
      expect: { ...anyAgent(404), agent: 404 },
    },
  ],
  'GET /inbox/conversations/:id/assignment': [
    { path: (fx) => `/inbox/conversations/${fx.teamConversationId}/assignment`, expect: anyAgent(404) },
    {
      label: "another team's",
      path: (fx) => `/inbox/conversations/${fx.otherTeamConversationId}/assignment`,
      expect: { ...anyAgent(404), agent: 404 },
    },
  ],
  'POST /inbox/conversations/:id/replies': [
    {
      label: "a colleague's, of the agent's team",
      path: inbox('replies'),
      body: () => ({ body: 'Adding a note for you', clientMessageId: aClientMessageId() }),
      expect: onColleagues('ok'),
    },
    {
      label: "another team's",
      path: async (fx) => `/inbox/conversations/${await aConversationHeld(fx, fx.otherTeamId, null)}/replies`,
      body: () => ({ body: 'Hello', clientMessageId: aClientMessageId() }),
      expect: onColleagues(404),
    },
  ],
  'POST /inbox/conversations/:id/assign': [
    {
      label: "taking a colleague's",
      path: inbox('assign'),
      body: (fx, caller) => ({ agentId: callerId(fx, caller) }),
      expect: onColleagues(403),
    },
    {
      label: 'taking an unassigned one',
      path: async (fx) => `/inbox/conversations/${await aConversationHeld(fx, fx.teamId, null)}/assign`,
      body: (fx, caller) => ({ agentId: callerId(fx, caller) }),
      expect: onColleagues('ok'),
    },
    {
      label: 'giving an unassigned one to a colleague',
      path: async (fx) => `/inbox/conversations/${await aConversationHeld(fx, fx.teamId, null)}/assign`,
      body: (fx) => ({ agentId: fx.colleagueId }),
      expect: onColleagues(403),
    },
  ],
  'POST /inbox/conversations/:id/resolve': [
    { label: "a colleague's", path: inbox('resolve'), expect: onColleagues(403) },
    {
      label: "the agent's own",
      path: async (fx) => `/inbox/conversations/${await aConversationHeld(fx, fx.teamId, fx.agentIds.agent!)}/resolve`,
      expect: onColleagues('ok'),
    },
  ],
  'POST /inbox/conversations/:id/reopen': [{ path: inbox('reopen'), expect: onColleagues(403) }],
  'POST /inbox/conversations/:id/snooze': [
    { path: inbox('snooze'), body: () => ({ until: inAnHour() }), expect: onColleagues(403) },
  ],
  'POST /inbox/conversations/:id/pending': [{ path: inbox('pending'), expect: onColleagues(403) }],
  'PUT /inbox/conversations/:id/topic': [
    { path: inbox('topic'), body: () => ({ topic: 'Billing' }), expect: onColleagues('ok') },
  ],
  'GET /events/stream': [{ path: () => '/events/stream', expect: anyAgent('ok') }],

  'GET /customers/:id': [{ path: (fx) => `/customers/${fx.customerId}`, expect: anyAgent(404) }],
  'PATCH /customers/:id': [
    {
      path: (fx) => `/customers/${fx.customerId}`,
      body: () => ({ attributes: { plan: 'pro' } }),
      expect: supervisorUp(404),
    },
  ],

  'DELETE /customers/:id/visitor-sessions': [
    {
      path: async (fx) => `/customers/${(await aVisitor(fx.stack.http, fx.widgetKey)).customerId}/visitor-sessions`,
      expect: supervisorUp(404),
    },
  ],
  'GET /admin/failed-messages': [{ path: () => '/admin/failed-messages', expect: adminOnly('ok') }],
  'POST /admin/failed-messages/:id/retry': [
    { path: () => `/admin/failed-messages/${UNKNOWN_ID}/retry`, expect: { ...adminOnly(404), admin: 404 } },
  ],

  'PATCH /agents/me/status': [{ path: () => '/agents/me/status', body: () => ({}), expect: anyAgent('ok') }],
  'PATCH /agents/me/capacity': [
    { path: () => '/agents/me/capacity', body: () => ({ chat: 'x' }), expect: anyAgent('ok') },
  ],
  'POST /agents': [{ path: () => '/agents', body: () => ({}), expect: adminOnly('ok') }],
  'GET /agents': [{ path: () => '/agents', expect: adminOnly('ok') }],
  'GET /agents/directory': [{ path: () => '/agents/directory', expect: anyAgent('ok') }],
  'GET /agents/:id': [{ path: (fx) => `/agents/${fx.colleagueId}`, expect: adminOnly(404) }],
  'PATCH /agents/:id': [
    { path: async (fx) => `/agents/${await anAgentId(fx)}`, body: () => ({ name: 'Renamed' }), expect: adminOnly(404) },
  ],
  'DELETE /agents/:id': [{ path: async (fx) => `/agents/${await anAgentId(fx)}`, expect: adminOnly(404) }],

  'GET /teams': [{ path: () => '/teams', expect: anyAgent('ok') }],
  'GET /teams/:id': [{ path: (fx) => `/teams/${fx.teamId}`, expect: anyAgent(404) }],
  'POST /teams': [{ path: () => '/teams', body: () => ({}), expect: adminOnly('ok') }],
  'PATCH /teams/:id': [
    {
      path: async (fx) => `/teams/${await aTeamId(fx)}`,
      body: () => ({ name: `Renamed ${randomUUID()}` }),
      expect: adminOnly(404),
    },
  ],
  'DELETE /teams/:id': [{ path: async (fx) => `/teams/${await aTeamId(fx)}`, expect: adminOnly(404) }],
  'PUT /teams/:id/members': [
    {
      path: async (fx) => `/teams/${await aTeamId(fx)}/members`,
      body: () => ({ agentIds: [] }),
      expect: adminOnly(404),
    },
  ],
  'GET /assignment/settings': [{ path: () => '/assignment/settings', expect: anyAgent('ok') }],
  'PUT /assignment/settings': [{ path: () => '/assignment/settings', body: () => ({}), expect: adminOnly('ok') }],

  'GET /knowledge/articles': [{ path: () => '/knowledge/articles', expect: anyAgent('ok') }],
  'GET /knowledge/articles/:id': [{ path: (fx) => `/knowledge/articles/${fx.articleId}`, expect: anyAgent(404) }],
  'POST /knowledge/articles': [{ path: () => '/knowledge/articles', body: () => ({}), expect: adminOnly('ok') }],
  'PATCH /knowledge/articles/:id': [
    {
      path: async (fx) => `/knowledge/articles/${await anArticleId(fx)}`,
      body: () => ({ title: 'Renamed' }),
      expect: adminOnly(404),
    },
  ],
  'DELETE /knowledge/articles/:id': [
    { path: async (fx) => `/knowledge/articles/${await anArticleId(fx)}`, expect: adminOnly(404) },
  ],

  'GET /topics': [{ path: () => '/topics', expect: anyAgent('ok') }],
  'GET /topics/:id': [{ path: (fx) => `/topics/${fx.topicId}`, expect: anyAgent(404) }],
  'POST /topics': [{ path: () => '/topics', body: () => ({}), expect: adminOnly('ok') }],
  'PATCH /topics/:id': [
    {
      path: async (fx) => `/topics/${await aTopicId(fx)}`,
      body: () => ({ description: 'Renamed' }),
      expect: adminOnly(404),
    },
  ],
  'DELETE /topics/:id': [{ path: async (fx) => `/topics/${await aTopicId(fx)}`, expect: adminOnly(404) }],
  'POST /topics/:id/examples': [
    {
      path: async (fx) => `/topics/${await aTopicId(fx)}/examples`,
      body: () => ({ examples: ['Where is my invoice?'] }),
      expect: adminOnly(404),
    },
  ],
  'DELETE /topics/:id/examples/:exampleId': [
    {
      path: async (fx) => `/topics/${await aTopicId(fx)}/examples/${UNKNOWN_ID}`,
      expect: { ...adminOnly(404), admin: 404 },
    },
  ],
  'GET /topics/classifier': [{ path: () => '/topics/classifier', expect: anyAgent('ok') }],
  'POST /topics/classifier/train': [{ path: () => '/topics/classifier/train', expect: adminOnly('ok') }],

  'GET /routing/policy': [{ path: () => '/routing/policy', expect: anyAgent('ok') }],
  'PUT /routing/policy/draft': [{ path: () => '/routing/policy/draft', body: () => ({}), expect: adminOnly('ok') }],
  'DELETE /routing/policy/draft': [
    { label: 'no draft', path: () => '/routing/policy/draft', expect: { ...adminOnly(404), admin: 404 } },
  ],
  'POST /routing/policy/validate': [
    { path: () => '/routing/policy/validate', body: () => ({}), expect: adminOnly('ok') },
  ],
  'POST /routing/policy/draft/validate': [
    { label: 'no draft', path: () => '/routing/policy/draft/validate', expect: { ...adminOnly(404), admin: 404 } },
  ],
  'POST /routing/policy/draft/publish': [{ path: () => '/routing/policy/draft/publish', expect: adminOnly('ok') }],
  'POST /routing/policy/rollback': [
    { path: () => '/routing/policy/rollback', body: () => ({}), expect: adminOnly('ok') },
  ],
  'POST /routing/policy/dry-run': [
    { path: () => '/routing/policy/dry-run', body: () => ({}), expect: adminOnly('ok') },
  ],
  'GET /routing/policy/versions': [{ path: () => '/routing/policy/versions', expect: anyAgent('ok') }],
  'GET /routing/policy/versions/:version': [
    { path: () => '/routing/policy/versions/1', expect: { ...anyAgent(404), admin: 404, supervisor: 404, agent: 404 } },
  ],
  'GET /routing/policy/audit': [{ path: () => '/routing/policy/audit', expect: adminOnly('ok') }],

  'GET /business-hours': [{ path: () => '/business-hours', expect: anyAgent('ok') }],
  'GET /business-hours/:id': [{ path: (fx) => `/business-hours/${fx.businessHoursId}`, expect: anyAgent(404) }],
  'GET /business-hours/:id/open': [
    { path: (fx) => `/business-hours/${fx.businessHoursId}/open`, expect: anyAgent(404) },
  ],
  'POST /business-hours': [{ path: () => '/business-hours', body: () => ({}), expect: adminOnly('ok') }],
  'PUT /business-hours/:id': [
    {
      path: async (fx) => `/business-hours/${await aBusinessHoursId(fx)}`,
      body: () => ({ name: `Hours ${randomUUID()}`, timeZone: 'Europe/Paris', weekly: WEEKDAYS }),
      expect: adminOnly(404),
    },
  ],
  'DELETE /business-hours/:id': [
    { path: async (fx) => `/business-hours/${await aBusinessHoursId(fx)}`, expect: adminOnly(404) },
  ],
  'GET /sla-policies': [{ path: () => '/sla-policies', expect: anyAgent('ok') }],
  'GET /sla-policies/:id': [{ path: (fx) => `/sla-policies/${fx.slaPolicyId}`, expect: anyAgent(404) }],
  'POST /sla-policies': [{ path: () => '/sla-policies', body: () => ({}), expect: adminOnly('ok') }],
  'PUT /sla-policies/:id': [
    {
      path: async (fx) => `/sla-policies/${await anSlaPolicyId(fx)}`,
      body: () => ({ name: `SLA ${randomUUID()}`, firstResponseSeconds: 900 }),
      expect: adminOnly(404),
    },
  ],
  'DELETE /sla-policies/:id': [
    { path: async (fx) => `/sla-policies/${await anSlaPolicyId(fx)}`, expect: adminOnly(404) },
  ],
};

/** METHOD /path of every route the app's router serves (Nest's controllers and the docs). */
async function routeTable(stack: TestStack): Promise<string[]> {
  let app: INestApplication | undefined;
  try {
    app = await createApiApp({ config: stack.config, dataSource: stack.dataSource, temporal: stack.temporal });
    await app.init();
    const express = app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    const routes = express.router.stack.flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods)
            .filter((method) => method !== '_all' && method !== 'head')
            .map((method) => `${method.toUpperCase()} ${layer.route!.path}`)
        : [],
    );
    return [...new Set(routes)].sort();
  } finally {
    await app?.close();
  }
}

function answerClass(status: number): Answer | number {
  if (status === 401 || status === 403 || status === 404) {
    return status;
  }
  return (status >= 200 && status < 300) || status === 400 || status === 409 ? 'ok' : status;
}

/** Sends one request; an event stream is closed as soon as its status is known. */
async function send(stack: TestStack, method: string, path: string, token: string | undefined, body: unknown) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== undefined) {
    headers.authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const controller = new AbortController();
  const response = await fetch(new URL(path, stack.baseUrl), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: controller.signal,
  });
  if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    controller.abort();
  } else {
    await response.text();
  }
  return response.status;
}

describe('permissions matrix: every route × every caller', () => {
  const stack = useTestStack({ env: { WIDGET_RATE_PER_VISITOR_PER_MIN: '100000' } });
  const fx = {} as Fixtures;
  const tokens = {} as Record<Caller, string | undefined>;
  /** A fresh credential of the same caller, for a request that ends the one it is sent with. */
  let freshToken: (caller: Caller) => Promise<string | undefined>;

  beforeAll(async () => {
    const { dataSource, http } = stack;
    const [tenant, otherTenant] = await Promise.all([aTenant(dataSource), aTenant(dataSource)]);
    const offline = { status: 'offline' } as const;
    const [admin, supervisor, agent, colleague, outsider, otherAdmin, loggedOut] = await Promise.all([
      anAgent(dataSource, tenant.id, { ...offline, role: 'admin' }),
      anAgent(dataSource, tenant.id, { ...offline, role: 'supervisor' }),
      anAgent(dataSource, tenant.id, offline),
      anAgent(dataSource, tenant.id, offline),
      anAgent(dataSource, tenant.id, offline),
      anAgent(dataSource, otherTenant.id, { ...offline, role: 'admin' }),
      anAgent(dataSource, tenant.id, { ...offline, role: 'admin' }),
    ]);
    const login = await http.post('/auth/login', {
      body: { tenant: tenant.slug, email: loggedOut.agent.email, password: DEFAULT_AGENT_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect((await http.post('/auth/logout', { token: login.body.token })).status).toBe(204);

    const [visitor, otherVisitor] = [await aVisitor(http, tenant.widgetKey), await aVisitor(http, tenant.widgetKey)];
    Object.assign(tokens, {
      admin: admin.token,
      supervisor: supervisor.token,
      agent: agent.token,
      otherTenantAdmin: otherAdmin.token,
      visitor: visitor.token,
      otherVisitor: otherVisitor.token,
      noToken: undefined,
      revokedToken: login.body.token,
    });
    const agentIds = {
      admin: admin.agent.id,
      supervisor: supervisor.agent.id,
      agent: agent.agent.id,
      otherTenantAdmin: otherAdmin.agent.id,
    };
    freshToken = async (caller) => {
      const agentId = agentIds[caller as keyof typeof agentIds];
      if (agentId) {
        return issueAgentToken(dataSource, caller === 'otherTenantAdmin' ? otherTenant.id : tenant.id, agentId, 1);
      }
      return caller === 'visitor' || caller === 'otherVisitor'
        ? (await aVisitor(http, tenant.widgetKey)).token
        : tokens[caller];
    };

    Object.assign(fx, {
      stack,
      tenantId: tenant.id,
      widgetKey: tenant.widgetKey,
      otherTenantId: otherTenant.id,
      adminToken: admin.token,
    });
    const [teamId, otherTeamId] = [await aTeamId(fx), await aTeamId(fx)];
    const members = (id: string, agentIds: string[]) =>
      http.put(`/teams/${id}/members`, { token: admin.token, body: { agentIds } });
    expect((await members(teamId, [agent.agent.id, colleague.agent.id])).status).toBe(200);
    expect((await members(otherTeamId, [outsider.agent.id])).status).toBe(200);
    await dataSource.query(`INSERT INTO topic_categories (tenant_id, name) VALUES ($1, 'Billing')`, [tenant.id]);
    const visitorConversation = await aConversation(dataSource, tenant.id, visitor.customerId);
    Object.assign(fx, {
      agentIds,
      colleagueId: colleague.agent.id,
      teamId,
      otherTeamId,
      visitor,
      visitorConversationId: visitorConversation.id,
      customerId: visitor.customerId,
      articleId: await anArticleId(fx),
      topicId: await aTopicId(fx),
      businessHoursId: await aBusinessHoursId(fx),
      slaPolicyId: await anSlaPolicyId(fx),
    });
    fx.teamConversationId = await aConversationHeld(fx, teamId, colleague.agent.id);
    fx.otherTeamConversationId = await aConversationHeld(fx, otherTeamId, outsider.agent.id);
  });

  it('has a documented permission for every route the app serves, and no entry for a route it does not', async () => {
    const routes = await routeTable(stack);
    const undocumented = routes.filter((route) => !(route in MATRIX));
    const stale = Object.keys(MATRIX).filter((route) => !routes.includes(route));

    expect(undocumented.map((route) => `route ${route} has no documented permission`)).toEqual([]);
    expect(stale.map((route) => `${route} is documented but not served`)).toEqual([]);
    expect(routes.length).toBeGreaterThan(50);
  });

  it('lets an admin create a supervisor and change roles through the agent CRUD', async () => {
    const email = `sup-${randomUUID()}@example.test`;
    const create = await stack.http.post('/agents', {
      token: fx.adminToken,
      body: { email, name: 'Sue Supervisor', role: 'supervisor', password: 'a long enough password' },
    });
    expect([create.status, create.body.role]).toEqual([201, 'supervisor']);
    const demote = await stack.http.patch(`/agents/${create.body.id}`, {
      token: fx.adminToken,
      body: { role: 'agent' },
    });
    expect([demote.status, demote.body.role]).toEqual([200, 'agent']);
    const unknown = await stack.http.patch(`/agents/${create.body.id}`, {
      token: fx.adminToken,
      body: { role: 'owner' },
    });
    expect(unknown.status).toBe(400);
  });

  it('names the missing role in a 403, and changes nothing', async () => {
    const id = await colleagues(fx);
    const response = await stack.http.post(`/inbox/conversations/${id}/resolve`, { token: tokens.agent });

    expect([response.status, response.body.message]).toEqual([
      403,
      "supervisor or admin role required to resolve a colleague's conversation",
    ]);
    const [row] = await stack.dataSource.query('SELECT status, assignee_id FROM conversations WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'open', assignee_id: fx.colleagueId });
  });

  it("lets an agent reply on a colleague's conversation of their team without taking it", async () => {
    const id = await colleagues(fx);
    const response = await stack.http.post(`/inbox/conversations/${id}/replies`, {
      token: tokens.agent,
      body: { body: 'I know this customer: they prefer email', clientMessageId: aClientMessageId() },
    });

    expect([response.status, response.body.authorAgentId]).toEqual([201, fx.agentIds.agent]);
    const [row] = await stack.dataSource.query('SELECT assignee_id FROM conversations WHERE id = $1', [id]);
    expect(row.assignee_id).toBe(fx.colleagueId);
  });

  it("lists an agent their own, their teams' and un-teamed conversations, and a supervisor the whole tenant", async () => {
    const unteamed = await aConversationHeld(fx, null, fx.colleagueId);
    const teamQueue = await aConversationHeld(fx, fx.teamId, null);
    const otherTeamQueue = await aConversationHeld(fx, fx.otherTeamId, null);
    const ownElsewhere = await aConversationHeld(fx, fx.otherTeamId, fx.agentIds.agent!);
    const listed = async (caller: Caller) => {
      const response = await stack.http.get('/inbox/conversations?limit=100', { token: tokens[caller] });
      expect(response.status).toBe(200);
      return (response.body.items as { id: string }[]).map((item) => item.id);
    };

    const [asAgent, asSupervisor] = [await listed('agent'), await listed('supervisor')];

    expect(asAgent).toEqual(expect.arrayContaining([unteamed, teamQueue, ownElsewhere, fx.teamConversationId]));
    expect(asAgent).not.toContain(otherTeamQueue);
    expect(asAgent).not.toContain(fx.otherTeamConversationId);
    expect(asSupervisor).toEqual(
      expect.arrayContaining([unteamed, teamQueue, otherTeamQueue, ownElsewhere, fx.otherTeamConversationId]),
    );
  });

  it("leaves another team's conversations out of the customer history an agent reads", async () => {
    const customer = await aCustomer(stack.dataSource, fx.tenantId);
    const [visible, hidden] = [
      await aConversation(stack.dataSource, fx.tenantId, customer.id),
      await aConversation(stack.dataSource, fx.tenantId, customer.id),
    ];
    await stack.dataSource.query(`UPDATE conversations SET team_id = $2 WHERE id = $1`, [hidden.id, fx.otherTeamId]);
    const history = async (caller: Caller) =>
      (
        await stack.http.get(`/inbox/conversations/${visible.id}`, { token: tokens[caller] })
      ).body.history.conversations.map((row: { id: string }) => row.id);

    expect(await history('agent')).toEqual([visible.id]);
    expect((await history('supervisor')).sort()).toEqual([visible.id, hidden.id].sort());
  });

  it('answers every caller as documented', async () => {
    const mismatches: string[] = [];
    let requests = 0;
    for (const [route, scenarios] of Object.entries(MATRIX)) {
      const method = route.slice(0, route.indexOf(' '));
      for (const scenario of scenarios) {
        for (const caller of CALLERS) {
          const token = scenario.spendsToken ? await freshToken(caller) : tokens[caller];
          const path = await scenario.path(fx, caller);
          const status = await send(stack, method, path, token, scenario.body?.(fx, caller));
          requests += 1;
          const expected = scenario.expect[caller];
          if (answerClass(status) !== expected) {
            const what = scenario.label ? `${route} (${scenario.label})` : route;
            mismatches.push(`${what} as ${caller}: expected ${expected}, got ${status}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(requests).toBeGreaterThan(500);
    expect(requests).toBeLessThan(2000);
  });
});
