import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { LoginFailureRepository } from '../../../../core/auth/login-failure.repository';
import { DomainError } from '../../../../core/platform/errors/domain-error';
import { APP_CONFIG } from '../core/tokens';

/** A login names its account by tenant slug and email; a password change by the agent who is signed in. */
export type LoginAttempt = ({ tenant: string; email: string } | { agentId: string }) & { ip: string };

/** The buckets an admitted attempt was counted in, to settle once its outcome is known. */
export interface AdmittedLogin {
  accountBucket: string;
  ipBucket: string;
}

/** How often (one in N successful logins) ended windows are swept from the table. */
const SWEEP_EVERY = 50;

/**
 * Throttles logins per account (tenant + email, normalised) and per client IP, in PostgreSQL so every API process
 * shares the counts. Every attempt is counted before any password work, in one UPSERT, so a burst cannot slip past
 * the limit while its hashes run; a success then clears the account's count and takes itself back off the IP's.
 * An attempt over a limit is refused after that one statement whether or not the account exists.
 */
@Injectable()
export class LoginThrottle {
  private successes = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly failures: LoginFailureRepository,
  ) {}

  async admit(attempt: LoginAttempt): Promise<AdmittedLogin> {
    const { loginMaxFailuresPerAccount, loginMaxFailuresPerIp, loginLockoutSeconds } = this.config.accounts;
    const admitted = { accountBucket: accountBucket(attempt), ipBucket: bucketName('ip', attempt.ip) };
    const limits = new Map([
      [admitted.accountBucket, loginMaxFailuresPerAccount],
      [admitted.ipBucket, loginMaxFailuresPerIp],
    ]);
    const counts = await this.failures.count([...limits.keys()], loginLockoutSeconds);
    const over = counts.filter((count) => count.failures > (limits.get(count.bucket) ?? Infinity));
    if (over.length > 0) {
      const retryAfterSeconds = Math.max(...over.map((count) => count.secondsLeft));
      throw new DomainError(
        'rate_limited',
        `Too many failed logins for this account or from this address; retry in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
    return admitted;
  }

  async succeeded(admitted: AdmittedLogin): Promise<void> {
    await this.failures.clear(admitted.accountBucket);
    await this.failures.uncount(admitted.ipBucket);
    this.successes += 1;
    if (this.successes % SWEEP_EVERY === 0) {
      await this.failures.sweepExpired();
    }
  }
}

/** The same account however its tenant slug and email are cased, spaced or composed. */
function accountBucket(attempt: LoginAttempt): string {
  if ('agentId' in attempt) {
    return bucketName('account', `agent\u0000${attempt.agentId}`);
  }
  const normalise = (value: string) => value.normalize('NFKC').trim().toLowerCase();
  return bucketName('account', `${normalise(attempt.tenant)}\u0000${normalise(attempt.email)}`);
}

/** Buckets are stored as hashes, so the table holds no email or address. */
function bucketName(kind: 'account' | 'ip', key: string): string {
  return `${kind}:${createHash('sha256').update(key, 'utf8').digest('base64url')}`;
}
