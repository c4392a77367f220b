import type { AppConfig } from '../../../core/platform/config/app-config';
import type { BucketCount, LoginFailureRepository } from '../../../core/auth/login-failure.repository';
import { AuthService } from '../../../apps/api/src/auth/auth.service';
import { LoginThrottle } from '../../../apps/api/src/auth/login-throttle';
import { DomainError } from '../../../core/platform/errors/domain-error';

const config = {
  accounts: { loginMaxFailuresPerAccount: 2, loginMaxFailuresPerIp: 4, loginLockoutSeconds: 900 },
} as AppConfig;

/** Counts in memory, as the PostgreSQL repository does in one UPSERT. */
class InMemoryFailures {
  readonly counts = new Map<string, number>();
  calls = 0;

  async count(buckets: string[]): Promise<BucketCount[]> {
    this.calls += 1;
    return buckets.map((bucket) => {
      const failures = (this.counts.get(bucket) ?? 0) + 1;
      this.counts.set(bucket, failures);
      return { bucket, failures, secondsLeft: 120 };
    });
  }

  async uncount(bucket: string): Promise<void> {
    this.counts.set(bucket, Math.max(0, (this.counts.get(bucket) ?? 0) - 1));
  }

  async clear(bucket: string): Promise<void> {
    this.counts.delete(bucket);
  }

  async sweepExpired(): Promise<void> {}
}

const attempt = { tenant: 'acme', email: 'ana@example.test', ip: '192.0.2.1' };

describe('LoginThrottle', () => {
  it('admits up to the account limit, then refuses with the time left', async () => {
    const throttle = new LoginThrottle(config, new InMemoryFailures() as unknown as LoginFailureRepository);

    await throttle.admit(attempt);
    await throttle.admit({ ...attempt, email: ' ANA@example.test', tenant: 'Acme' });
    const refusal = await throttle.admit(attempt).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 120 } });
  });

  it('stores hashes, never the email or the address', async () => {
    const failures = new InMemoryFailures();
    await new LoginThrottle(config, failures as unknown as LoginFailureRepository).admit(attempt);

    const stored = [...failures.counts.keys()].join(' ');
    expect(stored).not.toContain('ana');
    expect(stored).not.toContain('192.0.2.1');
  });

  it('a success clears the account and gives the IP its attempt back', async () => {
    const failures = new InMemoryFailures();
    const throttle = new LoginThrottle(config, failures as unknown as LoginFailureRepository);

    await throttle.admit(attempt);
    const admitted = await throttle.admit(attempt);
    await throttle.succeeded(admitted);

    expect(failures.counts.has(admitted.accountBucket)).toBe(false);
    expect(failures.counts.get(admitted.ipBucket)).toBe(1);
  });
});

describe('AuthService.login when throttled', () => {
  it('refuses before looking up the tenant or hashing the password', async () => {
    const tenants = { findBySlug: jest.fn() };
    const agents = { findByEmailWithPassword: jest.fn() };
    const throttle = {
      admit: jest.fn().mockRejectedValue(new DomainError('rate_limited', 'Too many failed logins')),
    };
    const service = new AuthService(
      tenants as never,
      agents as never,
      {} as never,
      throttle as unknown as LoginThrottle,
      {} as never,
    );

    await expect(service.login({ ...attempt, password: 'x' }, attempt.ip)).rejects.toMatchObject({
      code: 'rate_limited',
    });
    expect(tenants.findBySlug).not.toHaveBeenCalled();
    expect(agents.findByEmailWithPassword).not.toHaveBeenCalled();
  });
});
