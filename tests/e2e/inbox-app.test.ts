import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { aTenant, anAgent, anArticle } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aVisitor, visitorSays, type TestVisitor } from '../support/widget-visitor';
import { launchChromium } from './support/chromium';
import { saveScreenshot } from './support/screenshots';

const REPO = resolve(__dirname, '../..');
const XSS_NAME = '<img src=x onerror="window.__xss=\'name\'">Mallory';
const XSS_BODY = '<script>window.__xss="body"</script><img src=x onerror="window.__xss=\'body\'"> where is my parcel?';

/**
 * The agent inbox (/app) in real headless Chromium against the real stack: the API serving the built bundle, the
 * conversation workflow on Temporal, PostgreSQL, and the page's own fetch calls and live event stream.
 * Every wait is a Playwright locator or an `eventually` on an outcome, never a sleep.
 */
describe('agent inbox web app in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    if (!existsSync(join(REPO, 'dist/ui/web/index.html'))) {
      execFileSync(process.execPath, [join(REPO, 'scripts/build-ui.mjs'), 'web'], { cwd: REPO, stdio: 'inherit' });
    }
    browser = await launchChromium();
    stack = await startTestStack({ env: { FIRST_RESPONSE_TARGET_SECONDS: '600' } });
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function signedIn(
    tenantSlug: string,
    agent: { email: string },
    password: string,
    viewport = { width: 1280, height: 720 },
  ): Promise<{ page: Page; pageErrors: string[] }> {
    context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // `/` sends a new user to the inbox, which asks them to sign in.
    const response = await page.goto(`${stack.baseUrl}/`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/app/');
    await page.getByLabel('Workspace').fill(tenantSlug);
    await page.getByLabel('Email').fill(agent.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('list', { name: 'Conversations' }).waitFor();
    return { page, pageErrors };
  }

  const row = (page: Page, text: string) =>
    page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: text });

  async function visitorMessages(visitor: TestVisitor, conversationId: string) {
    const response = await stack.http.get(`/widget/conversations/${conversationId}/messages`, { token: visitor.token });
    expect(response.status).toBe(200);
    return response.body as { authorKind: string; body: string }[];
  }

  it('shows a visitor conversation live, with the AI turn and its citation; the agent replies and resolves', async () => {
    const tenant = await aTenant(stack.dataSource);
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Shipping times',
      body: 'Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day when ordered before noon.',
    });
    const { agent, password } = await anAgent(stack.dataSource, tenant.id, { name: 'Grace Agent' });
    const { page, pageErrors } = await signedIn(tenant.slug, agent, password);
    await page.getByRole('button', { name: /Status: online/ }).waitFor();

    // The visitor arrives after the agent opened the inbox: their conversation must appear without a reload.
    const visitor = await aVisitor(stack.http, tenant.widgetKey, { name: 'Ada Customer' });
    const conversationId = await visitorSays(stack.http, visitor, 'How long does express shipping take?');
    await eventually(
      async () =>
        (await visitorMessages(visitor, conversationId)).some((m) => m.authorKind === 'bot') ? true : undefined,
      { what: 'the bot answer' },
    );
    await visitorSays(stack.http, visitor, 'I would like to talk to a person please');
    await row(page, 'Ada Customer').waitFor();

    await row(page, 'Ada Customer').getByRole('button').click();
    const timeline = page.getByRole('list', { name: 'Customer timeline' });
    const aiTurn = timeline
      .locator('.message.author-bot')
      .filter({ hasText: 'Express shipping arrives the next business day' });
    await aiTurn.waitFor();
    await aiTurn.getByText('AI', { exact: true }).waitFor();
    const citation = aiTurn.getByRole('link', { name: 'Shipping times' });
    expect(await citation.getAttribute('href')).toMatch(/^\/app\/articles\/[0-9a-f-]{36}/);
    await timeline.getByText('Handed off: the customer asked for a person').waitFor();
    await page
      .getByRole('complementary', { name: 'Customer' })
      .getByRole('heading', { name: 'Ada Customer' })
      .waitFor();
    await saveScreenshot(page, 'inbox-conversation-1280');

    await page.getByLabel('Reply').fill('Hi Ada, I am on it: your parcel ships today.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await timeline.locator('.message.author-agent').filter({ hasText: 'your parcel ships today' }).waitFor();
    await eventually(
      async () =>
        (await visitorMessages(visitor, conversationId)).some(
          (m) => m.authorKind === 'agent' && m.body.includes('your parcel ships today'),
        )
          ? true
          : undefined,
      { what: "the agent's reply on the visitor's side" },
    );

    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByRole('button', { name: 'Reopen', exact: true }).waitFor();
    await eventually(
      async () => {
        const detail = await stack.http.get(`/inbox/conversations/${conversationId}`, {
          token: (await anAgent(stack.dataSource, tenant.id)).token,
        });
        return detail.body.conversation.status === 'resolved' ? true : undefined;
      },
      { what: 'the conversation resolved' },
    );

    // Views narrow the list: the resolved conversation is under "Resolved" and not under "With the bot".
    await page.getByRole('button', { name: /^Resolved/ }).click();
    await row(page, 'Ada Customer').waitFor();
    await page.getByRole('button', { name: /^With the bot/ }).click();
    await page.getByText('No conversations match these filters.').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('renders stored markup in names and messages as text, never running it', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, password } = await anAgent(stack.dataSource, tenant.id);
    const visitor = await aVisitor(stack.http, tenant.widgetKey, { name: XSS_NAME });
    await visitorSays(stack.http, visitor, XSS_BODY);
    const { page, pageErrors } = await signedIn(tenant.slug, agent, password);
    await page.getByRole('button', { name: /^All open/ }).click();
    await row(page, 'Mallory')
      .waitFor()
      .catch(async (error) => {
        console.log('DEBUG', await page.locator('body').innerText(), pageErrors);
        throw error;
      });
    await row(page, 'Mallory').getByRole('button').click();
    const timeline = page.getByRole('list', { name: 'Customer timeline' });
    await timeline.getByText(XSS_BODY, { exact: true }).waitFor();
    await page.getByRole('complementary', { name: 'Customer' }).getByRole('heading', { name: XSS_NAME }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await page.locator('.timeline img, .conversation-list img, .customer-panel img').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('has no serious or critical accessibility violations, at desktop and tablet width', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, password } = await anAgent(stack.dataSource, tenant.id);
    const visitor = await aVisitor(stack.http, tenant.widgetKey, { name: 'Tablet Tess' });
    await visitorSays(stack.http, visitor, 'Can I change my delivery address?');
    for (const [label, viewport] of [
      ['1280', { width: 1280, height: 720 }],
      ['768', { width: 768, height: 1024 }],
    ] as const) {
      const { page } = await signedIn(tenant.slug, agent, password, viewport);
      await page
        .getByRole('button', { name: /^All open/ })
        .click()
        .catch(() => undefined);
      await row(page, 'Tablet Tess').waitFor();
      await saveScreenshot(page, `inbox-list-${label}`);
      await row(page, 'Tablet Tess').getByRole('button').click();
      await page.getByRole('list', { name: 'Customer timeline' }).waitFor();
      await saveScreenshot(page, `inbox-conversation-${label}`);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
      await context?.close();
      context = undefined;
    }
  });
});
