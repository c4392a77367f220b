import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { aTenant, anAgent } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { launchChromium } from './support/chromium';

const HANDOFF = 'Let me connect you with a member of our team.';

/**
 * The demo page with access tokens that last seconds: it must keep refreshing them (rotating the refresh token it
 * keeps in localStorage) and keep its live stream on a valid token, so replies still arrive long after the token it
 * started with expired.
 */
describe('widget demo page with short-lived visitor tokens', () => {
  let stack: TestStack;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startTestStack({
      env: { FIRST_RESPONSE_TARGET_SECONDS: '600', VISITOR_ACCESS_TOKEN_TTL_SECONDS: '3' },
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  const refreshTokenOf = (page: Page, widgetKey: string) =>
    page.evaluate(
      (key) =>
        (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(
          `threadline:visitor-refresh:${key}`,
        ),
      widgetKey,
    );

  it('refreshes its token and still receives replies and sends messages after the first token expired', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agent = await anAgent(stack.dataSource, tenant.id);
    context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${stack.baseUrl}/widget/demo?key=${encodeURIComponent(tenant.widgetKey)}`);
    const log = page.getByRole('log', { name: 'Conversation' });

    await page.getByRole('textbox', { name: 'Message' }).fill('I want to talk to a person');
    await page.getByRole('button', { name: 'Send' }).click();
    await log.locator('.msg.system').filter({ hasText: HANDOFF }).waitFor();
    const firstRefreshToken = await refreshTokenOf(page, tenant.widgetKey);
    const [session] = await stack.dataSource.query('SELECT id, created_at FROM visitor_sessions WHERE tenant_id = $1', [
      tenant.id,
    ]);

    // Wait until the page has rotated its refresh token several times, well past the first access token's life.
    await eventually(
      async () => {
        const [row] = await stack.dataSource.query(
          `SELECT 1 FROM visitor_sessions WHERE id = $1 AND refreshed_at > created_at + interval '4 seconds'`,
          [session.id],
        );
        return row;
      },
      { what: 'the page to keep refreshing its session' },
    );
    // The server may have rotated the token while the page's response is still on its way: wait for the page to keep it.
    const rotated = await eventually(
      async () => {
        const current = await refreshTokenOf(page, tenant.widgetKey);
        return current !== firstRefreshToken ? current : undefined;
      },
      { what: 'the page to store its rotated refresh token' },
    );
    expect(rotated).not.toBe(firstRefreshToken);

    const conversationId = await eventually(
      async () => {
        const inbox = await stack.http.get('/inbox/conversations?assignee=me', { token: agent.token });
        return (inbox.body.items as { id: string }[] | undefined)?.[0]?.id;
      },
      { what: 'the conversation in the agent inbox' },
    );
    const replyText = 'Still here after your token rotated.';
    const reply = await stack.http.post(`/inbox/conversations/${conversationId}/replies`, {
      token: agent.token,
      body: { body: replyText, clientMessageId: 'e2e-refresh-reply' },
    });
    expect(reply.status).toBe(201);
    await log.locator('.msg.agent').filter({ hasText: replyText }).waitFor();

    await page.getByRole('textbox', { name: 'Message' }).fill('Thanks!');
    await page.getByRole('button', { name: 'Send' }).click();
    await log.locator('.msg.customer').filter({ hasText: 'Thanks!' }).waitFor();

    const sessions = await stack.dataSource.query(
      'SELECT count(*)::int AS n FROM visitor_sessions WHERE tenant_id = $1',
      [tenant.id],
    );
    expect(sessions[0].n).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
