import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { aTenant, anAgent, anArticle } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { launchChromium } from './support/chromium';

/** Where the test leaves a picture of the finished conversation, for a person to look at. */
const SCREENSHOT = join(tmpdir(), 'widget-demo.png');
const HANDOFF = 'Let me connect you with a member of our team.';

/**
 * The website chat demo page (/widget/demo) in real headless Chromium against the real stack: the API, the
 * conversation workflow on Temporal, PostgreSQL, and the page's own fetch and EventSource calls.
 * Every wait is a Playwright locator waiting for something to appear, never a sleep.
 */
describe('widget demo page in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
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

  /** Opens the demo page for a widget key, collecting script errors and failed requests the page reports. */
  async function openDemo(widgetKey: string): Promise<{ page: Page; pageErrors: string[] }> {
    context = await browser.newContext({ viewport: { width: 900, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
    // A missing element fails well before jest's timeout, naming the locator it waited for.
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        pageErrors.push(`${message.text()} (${message.location().url})`);
      }
    });
    const response = await page.goto(`${stack.baseUrl}/widget/demo?key=${encodeURIComponent(widgetKey)}`);
    expect(response?.status()).toBe(200);
    return { page, pageErrors };
  }

  /** Types into the page's message box and presses Send, as a visitor would. */
  async function send(page: Page, text: string): Promise<void> {
    // fill waits until the page has started its session and enabled the input.
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
  }

  const conversation = (page: Page): Locator => page.getByRole('log', { name: 'Conversation' });
  const messagesBy = (page: Page, authorKind: 'customer' | 'bot' | 'agent' | 'system'): Locator =>
    conversation(page).locator(`.msg.${authorKind}`);

  it('answers from the knowledge base, hands off to a person and shows the agent reply live', async () => {
    const tenant = await aTenant(stack.dataSource);
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Shipping times',
      body: 'Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day when ordered before noon.',
    });
    const agent = await anAgent(stack.dataSource, tenant.id);
    const { page, pageErrors } = await openDemo(tenant.widgetKey);

    // A question the knowledge base answers: the visitor's message, then the bot's answer citing the article.
    await send(page, 'How long does express shipping take?');
    await messagesBy(page, 'customer').filter({ hasText: 'How long does express shipping take?' }).waitFor();
    const answer = messagesBy(page, 'bot').filter({ hasText: 'Express shipping arrives the next business day' });
    await answer.waitFor();
    await answer.getByRole('listitem').filter({ hasText: 'Shipping times' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Message' }).inputValue()).resolves.toBe('');

    // Asking for a person hands the conversation off instead of answering.
    await send(page, 'I want to talk to a person');
    await messagesBy(page, 'customer').filter({ hasText: 'I want to talk to a person' }).waitFor();
    await messagesBy(page, 'system').filter({ hasText: HANDOFF }).waitFor();

    // The agent it was assigned to replies through the inbox API; the page receives it on its open event stream.
    const conversationId = await eventually(
      async () => {
        const inbox = await stack.http.get('/inbox/conversations?assignee=me', { token: agent.token });
        return (inbox.body.items as { id: string }[] | undefined)?.[0]?.id;
      },
      { what: 'the conversation in the agent inbox' },
    );
    const replyText = 'Hi, I am Sam. I can move your order to express shipping.';
    const reply = await stack.http.post(`/inbox/conversations/${conversationId}/replies`, {
      token: agent.token,
      body: { body: replyText, clientMessageId: 'e2e-reply-1' },
    });
    expect(reply.status).toBe(201);
    await messagesBy(page, 'agent').filter({ hasText: replyText }).waitFor();

    // The whole exchange in order, each message once, with no error shown and none in the page's console.
    const shown = await conversation(page)
      .locator('.msg')
      .evaluateAll((items) => items.map((item) => item.className.replace('msg ', '')));
    expect(shown).toEqual(['customer', 'bot', 'customer', 'system', 'agent']);
    await expect(page.locator('#status').textContent()).resolves.toBe('');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
