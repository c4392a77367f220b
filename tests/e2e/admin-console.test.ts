import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { aTenant, anAgent, anArticle } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aVisitor, visitorSays } from '../support/widget-visitor';
import { launchChromium } from './support/chromium';
import { saveScreenshot } from './support/screenshots';

const REPO = resolve(__dirname, '../..');
const BUNDLE = join(REPO, 'dist/ui/web/index.html');

/** The newest modification time under a folder. */
function newestUnder(folder: string): number {
  return Math.max(
    ...readdirSync(folder, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestUnder(join(folder, entry.name)) : statSync(join(folder, entry.name)).mtimeMs,
    ),
  );
}

/** Tests run against the built bundle; it is rebuilt when missing or older than the app's sources. */
function ensureBundle(): void {
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestUnder(join(REPO, 'apps/web/src'))) {
    // Jest sets NODE_ENV=test, under which Vite would bundle React's development build.
    execFileSync(process.execPath, [join(REPO, 'scripts/build-ui.mjs'), 'web'], {
      cwd: REPO,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
}

const SCREENS = [
  { label: 'Agents', slug: 'agents', heading: 'Agents' },
  { label: 'Teams', slug: 'teams', heading: 'Teams' },
  { label: 'Knowledge', slug: 'knowledge', heading: 'Knowledge base' },
  { label: 'Topics', slug: 'topics', heading: 'Topics' },
  { label: 'Routing', slug: 'routing', heading: 'Routing policy' },
  { label: 'SLA', slug: 'sla', heading: 'SLA and business hours' },
] as const;

/**
 * The admin console (/app/admin/...) in real headless Chromium against the real stack: the API serving the built
 * bundle, the conversation workflow and assignment on Temporal, PostgreSQL. Waits are Playwright locators or
 * `eventually` on an outcome, never sleeps.
 */
describe('admin console in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    ensureBundle();
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

  /** A tenant whose admin serves email only, so chat conversations are never theirs to take. */
  async function aTenantAndAdmin() {
    const tenant = await aTenant(stack.dataSource);
    const admin = await anAgent(stack.dataSource, tenant.id, {
      role: 'admin',
      name: 'Ada Admin',
      channels: ['email'],
    });
    return { tenant, admin };
  }

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
    await page.goto(`${stack.baseUrl}/app/`);
    await page.getByLabel('Workspace').fill(tenantSlug);
    await page.getByLabel('Email').fill(agent.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('list', { name: 'Conversations' }).waitFor();
    return { page, pageErrors };
  }

  async function openScreen(page: Page, label: string, heading: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  const post = async (token: string, path: string, body: unknown) => {
    const response = await stack.http.post(path, { token, body });
    expect([200, 201]).toContain(response.status);
    return response.body;
  };

  it('shows a routing-policy problem on the rule and field it names; fixed, the policy is published', async () => {
    const { tenant, admin } = await aTenantAndAdmin();
    await post(admin.token, '/topics', { name: 'billing', examples: ['I was charged twice', 'Where is my invoice?'] });
    const team = await post(admin.token, '/teams', { name: 'Billing team' });
    const { page, pageErrors } = await signedIn(tenant.slug, admin.agent, admin.password);
    await openScreen(page, 'Routing', 'Routing policy');
    await page.locator('.published-line').getByText('Nothing published yet.').waitFor();

    await page.getByRole('button', { name: 'Add rule' }).click();
    let rule = page.getByRole('group', { name: /^Rule 1:/ });
    await rule.getByLabel('Rule name').fill('Billing questions');
    rule = page.getByRole('group', { name: 'Rule 1: Billing questions' });
    await rule.getByLabel('Topics', { exact: true }).fill('biling');
    await rule.getByLabel('Team', { exact: true }).selectOption({ label: 'Billing team' });
    await page.getByRole('button', { name: 'Save draft' }).click();

    // The API's problem (rule 0, when.topics[0]) is shown under that rule's Topics field, which is marked invalid.
    const topics = rule.getByLabel('Topics', { exact: true });
    await rule.getByText("Unknown topic 'biling'").waitFor();
    expect(await topics.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await topics.getAttribute('aria-describedby')) ?? '';
    const errorText = (
      await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()))
    ).join(' ');
    expect(errorText).toContain("Unknown topic 'biling'");
    expect(await rule.getByText('1 problem in this rule').count()).toBe(1);
    // Other fields of the rule carry no error.
    expect(await rule.getByLabel('Team', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await saveScreenshot(page, 'admin-routing-validation-error');
    expect((await stack.http.get('/routing/policy', { token: admin.token })).body.draft).toBeNull();

    // The same problem in the JSON view, at its path in the document.
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const json = page.getByLabel('Policy document (JSON)');
    expect(JSON.parse(await json.inputValue()).rules[0]).toMatchObject({
      name: 'Billing questions',
      when: { topics: ['biling'] },
    });
    await page
      .getByRole('list', { name: 'Problems in the policy' })
      .getByText("rules[0].when.topics[0] Unknown topic 'biling'")
      .waitFor();
    await page.getByRole('button', { name: 'Form', exact: true }).click();

    await topics.fill('billing');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('No problems: this policy can be published.').waitFor();
    expect(await rule.getByText("Unknown topic 'biling'").count()).toBe(0);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('region', { name: 'Dry-run result' }).waitFor();
    await page.getByLabel('Note (why this change)').fill('Billing goes to the billing team');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/^Published: v1, .* by Ada Admin: Billing goes to the billing team$/).waitFor();
    await page.getByRole('table', { name: 'Policy versions' }).getByRole('rowheader', { name: 'v1' }).waitFor();

    const state = (await stack.http.get('/routing/policy', { token: admin.token })).body;
    expect(state.published).toMatchObject({ version: 1, note: 'Billing goes to the billing team' });
    expect(state.published.document.rules).toEqual([
      expect.objectContaining({
        name: 'Billing questions',
        when: { topics: ['billing'] },
        then: { teamId: team.id, priority: 'normal' },
      }),
    ]);

    // A second version, then a rollback to the first: a new version restoring v1's document.
    await page.getByRole('group', { name: 'Rule 1: Billing questions' }).getByLabel('Priority').selectOption('high');
    await page.getByLabel('Note (why this change)').fill('Billing is urgent-ish');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/^Published: v2, /).waitFor();
    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    await page.getByText(/^Published: v3, /).waitFor();
    await page.getByRole('table', { name: 'Policy versions' }).getByText('published (restores v1)').waitFor();
    const rolledBack = (await stack.http.get('/routing/policy', { token: admin.token })).body.published;
    expect(rolledBack).toMatchObject({ version: 3, rolledBackFrom: 1 });
    expect(rolledBack.document).toEqual(state.published.document);
    expect(pageErrors).toEqual([]);
  });

  it("raising an agent's capacity lets the waiting conversation be assigned to them", async () => {
    const { tenant, admin } = await aTenantAndAdmin();
    const { agent: walter } = await anAgent(stack.dataSource, tenant.id, {
      name: 'Walter Waiting',
      capacity: { chat: 0 },
    });
    const visitor = await aVisitor(stack.http, tenant.widgetKey, { name: 'Queued Quinn' });
    const conversationId = await visitorSays(stack.http, visitor, 'I want to talk to a person please');
    const waiting = async () => {
      const [row] = await stack.dataSource.query(
        'SELECT status, assignee_id, queued_at FROM conversations WHERE tenant_id = $1 AND id = $2',
        [tenant.id, conversationId],
      );
      return row as { status: string; assignee_id: string | null; queued_at: Date | null } | undefined;
    };
    await eventually(
      async () => {
        const row = await waiting();
        return row?.status === 'open' && row.queued_at && row.assignee_id === null ? row : undefined;
      },
      { what: 'the conversation queued with no one free' },
    );

    const { page, pageErrors } = await signedIn(tenant.slug, admin.agent, admin.password);
    await openScreen(page, 'Agents', 'Agents');
    const row = page.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: 'Walter Waiting' });
    await row.getByRole('cell', { name: '0 / 10 / 5' }).waitFor();
    expect((await waiting())?.assignee_id).toBeNull();

    await row.getByRole('button', { name: 'Edit Walter Waiting' }).click();
    const form = page.getByRole('form', { name: 'Edit Walter Waiting' });
    await form.getByLabel('Chat capacity').fill('150');
    await form.getByRole('button', { name: 'Save agent' }).click();
    // The API's refusal appears under the field it names.
    await form.getByText('capacity.chat must not be greater than 100').waitFor();
    expect(await form.getByLabel('Chat capacity').getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'admin-agents-capacity-error');

    await form.getByLabel('Chat capacity').fill('1');
    await form.getByRole('button', { name: 'Save agent' }).click();
    await row.getByRole('cell', { name: '1 / 10 / 5' }).waitFor();
    await eventually(async () => ((await waiting())?.assignee_id === walter.id ? true : undefined), {
      what: 'the waiting conversation assigned to Walter',
    });
    expect(pageErrors).toEqual([]);
  });

  it('renders a stored script in an article title and body as text, never running it', async () => {
    const { tenant, admin } = await aTenantAndAdmin();
    const title = '<img src=x onerror="window.__xss=\'title\'">Returns policy';
    const body =
      '<script>window.__xss="body"</script><img src=x onerror="window.__xss=\'body\'"> Returns are accepted within 30 days of delivery.';
    await anArticle(stack.dataSource, tenant.id, { title, body });
    const { page, pageErrors } = await signedIn(tenant.slug, admin.agent, admin.password);
    await openScreen(page, 'Knowledge', 'Knowledge base');
    const articles = page.getByRole('table', { name: 'Articles' });
    await articles.getByRole('link', { name: title }).waitFor();
    await articles.getByText(body.slice(0, 120), { exact: true }).waitFor();

    await page.getByRole('button', { name: `Edit ${title}` }).click();
    const editing = page.getByRole('form', { name: 'Edit article' });
    expect(await editing.getByLabel('Title').inputValue()).toBe(title);
    expect(await editing.getByLabel('Body').inputValue()).toBe(body);
    await editing.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Customer question').fill('How many days do I have to return an item?');
    await page.getByRole('button', { name: 'Preview answer' }).click();
    const result = page.getByRole('region', { name: 'Preview result' });
    await result.getByRole('link', { name: title }).waitFor();

    // A new article typed with markup is stored and shown as typed.
    await page.getByRole('button', { name: 'New article' }).click();
    const form = page.getByRole('form', { name: 'New article' });
    await form.getByLabel('Title').fill('<b onmouseover="window.__xss=1">Bold</b> claims');
    await form.getByLabel('Body').fill('<iframe src="javascript:window.__xss=2"></iframe>Claims take a week.');
    await form.getByRole('button', { name: 'Create article' }).click();
    await articles.getByRole('link', { name: '<b onmouseover="window.__xss=1">Bold</b> claims' }).waitFor();

    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('.admin-page img, .admin-page script, .admin-page iframe, .admin-page b').count()).toBe(
      0,
    );
    expect(pageErrors).toEqual([]);
  });

  it('every admin screen has no serious or critical accessibility violations at 1280×720 and 768 wide', async () => {
    const { tenant, admin } = await aTenantAndAdmin();
    const token = admin.token;
    await anAgent(stack.dataSource, tenant.id, { name: 'Sam Support', skills: ['billing', 'spanish'] });
    const team = await post(token, '/teams', { name: 'Billing team' });
    await post(token, '/topics', {
      name: 'billing',
      description: 'Invoices, refunds and payments',
      examples: ['I was charged twice', 'Where is my invoice?', 'Refund my order'],
    });
    await post(token, '/topics', { name: 'shipping', examples: ['Where is my parcel?', 'Delivery is late'] });
    await stack.http.post('/topics/classifier/train', { token });
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Shipping times',
      body: 'Standard shipping takes 3 to 5 business days.\n\nExpress shipping arrives the next business day.',
      tags: ['shipping'],
    });
    const hours = await post(token, '/business-hours', {
      name: 'London office',
      timeZone: 'Europe/London',
      weekly: { mon: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '16:00' }] },
      holidays: ['2026-12-25'],
    });
    const sla = await post(token, '/sla-policies', {
      name: 'Standard',
      firstResponseSeconds: 900,
      resolutionSeconds: 86400,
      businessHoursId: hours.id,
      breachActions: { raisePriority: true, notify: true },
    });
    await stack.http.put('/routing/policy/draft', {
      token,
      body: {
        document: {
          rules: [{ name: 'Billing', when: { topics: ['billing'] }, then: { teamId: team.id, slaPolicyId: sla.id } }],
          fallback: { teamId: null },
        },
        note: 'First policy',
      },
    });
    await post(token, '/routing/policy/draft/publish', {});

    for (const [width, viewport] of [
      ['1280', { width: 1280, height: 720 }],
      ['768', { width: 768, height: 1024 }],
    ] as const) {
      const { page, pageErrors } = await signedIn(tenant.slug, admin.agent, admin.password, viewport);
      for (const screen of SCREENS) {
        await openScreen(page, screen.label, screen.heading);
        await eventually(async () => ((await page.getByText('Loading…').count()) === 0 ? true : undefined), {
          what: `the ${screen.slug} screen loaded`,
        });
        if (screen.slug === 'teams') {
          await page.getByRole('button', { name: /^Billing team/ }).click();
          await page.getByRole('form', { name: 'Members of Billing team' }).waitFor();
        }
        if (screen.slug === 'knowledge') {
          await page.getByLabel('Customer question').fill('How long does express shipping take?');
          await page.getByRole('button', { name: 'Preview answer' }).click();
          await page
            .getByRole('region', { name: 'Preview result' })
            .getByRole('link', { name: 'Shipping times' })
            .waitFor();
        }
        if (screen.slug === 'topics') {
          await page.getByRole('button', { name: /^billing/ }).click();
          await page.getByRole('list', { name: 'Examples of billing' }).waitFor();
        }
        await saveScreenshot(page, `admin-${screen.slug}-${width}`);
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${screen.slug}: ${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        expect(serious).toEqual([]);
        // Nothing is wider than the window: no sideways scrolling of the page itself.
        const fits = await page.evaluate(() => {
          const view = globalThis as unknown as {
            innerWidth: number;
            document: { documentElement: { scrollWidth: number } };
          };
          return view.document.documentElement.scrollWidth <= view.innerWidth;
        });
        expect(fits).toBe(true);
      }
      expect(pageErrors).toEqual([]);
      await context?.close();
      context = undefined;
    }
  });

  it('an agent without the admin role sees no admin screens, even at their address', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, password } = await anAgent(stack.dataSource, tenant.id, { name: 'Plain Agent' });
    const { page } = await signedIn(tenant.slug, agent, password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const screen of SCREENS) {
      expect(await nav.getByRole('link', { name: screen.label, exact: true }).count()).toBe(0);
    }
    await page.goto(`${stack.baseUrl}/app/admin/agents`);
    await page.getByRole('list', { name: 'Conversations' }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Agents' }).count()).toBe(0);
  });
});
