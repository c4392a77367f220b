import { randomInt } from 'node:crypto';
import { aTenant, anAgent } from '../support/factories';
import { startTestStack, useTestStack, type TestStack } from '../support/test-stack';

const THROTTLE_ENV = {
  LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
  LOGIN_MAX_FAILURES_PER_IP: '6',
  LOGIN_LOCKOUT_SECONDS: '600',
  // The tests name their client with X-Forwarded-For, so each test has an IP of its own.
  TRUST_PROXY: 'loopback',
};

const anIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe('login throttling', () => {
  const stack = useTestStack({ worker: false, env: THROTTLE_ENV });

  const login = (http: TestStack['http'], body: Record<string, unknown>, ip: string) =>
    http.post('/auth/login', { body, headers: { 'x-forwarded-for': ip } });

  const anAccount = async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, password } = await anAgent(stack.dataSource, tenant.id);
    return { tenant, agent, password, body: { email: agent.email, tenant: tenant.slug } };
  };

  it('refuses an account after its failures, with 429, Retry-After and a message, even the right password', async () => {
    const { body, password } = await anAccount();
    const ip = anIp();

    const failures = [];
    for (let i = 0; i < 3; i += 1) {
      failures.push((await login(stack.http, { ...body, password: 'wrong password' }, ip)).status);
    }
    const refused = await login(stack.http, { ...body, password: 'wrong password' }, ip);
    const rightPassword = await login(stack.http, { ...body, password }, ip);
    const otherIp = await login(stack.http, { ...body, password }, anIp());

    expect(failures).toEqual([401, 401, 401]);
    for (const response of [refused, rightPassword, otherIp]) {
      expect(response.status).toBe(429);
      expect(response.body.error).toBe('rate_limited');
      expect(response.body.message).toMatch(/Too many failed logins.*retry in \d+ s/);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(600);
    }
  });

  it('counts the account however its email and tenant slug are cased or spaced', async () => {
    const { body } = await anAccount();
    const ip = anIp();
    const variants = [
      body,
      { email: body.email.toUpperCase(), tenant: body.tenant },
      { email: ` ${body.email} `, tenant: body.tenant.toUpperCase() },
    ];

    const statuses = [];
    for (const variant of [...variants, body]) {
      statuses.push((await login(stack.http, { ...variant, password: 'wrong password' }, ip)).status);
    }

    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('refuses an unknown account exactly as a known one', async () => {
    const tenant = await aTenant(stack.dataSource);
    const known = await anAccount();
    const ip = anIp();
    const unknown = { email: 'nobody@example.test', tenant: tenant.slug, password: 'wrong password' };

    for (let i = 0; i < 3; i += 1) {
      await login(stack.http, unknown, ip);
      await login(stack.http, { ...known.body, password: 'wrong password' }, anIp());
    }
    const refusedUnknown = await login(stack.http, unknown, ip);
    const refusedKnown = await login(stack.http, { ...known.body, password: 'wrong password' }, anIp());

    expect(refusedUnknown.status).toBe(429);
    expect(refusedKnown.status).toBe(429);
    // The same answer but for the seconds left, which depend on when each account's window started.
    const withoutSeconds = (body: { message: string; details: object }) => ({
      ...body,
      message: body.message.replace(/\d+/g, 'N'),
      details: { ...body.details, retryAfterSeconds: 'N' },
    });
    expect(withoutSeconds(refusedUnknown.body)).toEqual(withoutSeconds(refusedKnown.body));
  });

  it('lets a successful login reset the account', async () => {
    const { body, password } = await anAccount();
    const ip = anIp();

    const statuses = [];
    for (const attempt of ['wrong', 'wrong', password, 'wrong', 'wrong', 'wrong', 'wrong']) {
      statuses.push((await login(stack.http, { ...body, password: attempt }, ip)).status);
    }

    expect(statuses).toEqual([401, 401, 200, 401, 401, 401, 429]);
  });

  it('limits failures per IP across accounts, leaving other addresses alone', async () => {
    const ip = anIp();
    const accounts = await Promise.all(Array.from({ length: 7 }, () => anAccount()));

    const statuses = [];
    for (const account of accounts) {
      statuses.push((await login(stack.http, { ...account.body, password: 'wrong password' }, ip)).status);
    }
    const elsewhere = await login(stack.http, { ...accounts[6].body, password: accounts[6].password }, anIp());

    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    expect(elsewhere.status).toBe(200);
  });

  it('lets no more than the limit through a concurrent burst', async () => {
    const { body } = await anAccount();

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => login(stack.http, { ...body, password: 'wrong password' }, anIp())),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(17);
  });

  it('shares the counts with every API process through PostgreSQL', async () => {
    const { body, password } = await anAccount();
    const ip = anIp();
    for (let i = 0; i < 3; i += 1) {
      await login(stack.http, { ...body, password: 'wrong password' }, ip);
    }

    const second = await startTestStack({ worker: false, env: THROTTLE_ENV });
    try {
      const elsewhere = await login(second.http, { ...body, password }, anIp());
      expect(elsewhere.status).toBe(429);
    } finally {
      await second.stop();
    }
  });
});
