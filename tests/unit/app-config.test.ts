import { loadConfig } from '../../core/platform/config/app-config';
import { ConfigError } from '../../core/platform/config/config-error';
import { inspect } from 'node:util';

const base = { DATABASE_URL: 'postgres://x@127.0.0.1/db', VISITOR_TOKEN_SECRET: 's3cret-value' };

describe('configuration', () => {
  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', AI_PROVIDER: 'skynet', HANDOFF_CONFIDENCE_THRESHOLD: '2' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('DATABASE_URL is required');
      expect(problems).toContain('VISITOR_TOKEN_SECRET is required');
      expect(problems).toContain('PORT must be an integer');
      expect(problems).toContain('AI_PROVIDER must be one of');
      expect(problems).toContain('HANDOFF_CONFIDENCE_THRESHOLD');
    }
  });

  it('requires the key of the chosen LLM provider', () => {
    expect(() => loadConfig({ ...base, AI_PROVIDER: 'openai' })).toThrow('OPENAI_API_KEY is required');
  });

  it('prepares statements unless told off, and names the allowed values for anything else', () => {
    expect(loadConfig(base).databasePreparedStatements).toBe(true);
    expect(loadConfig({ ...base, DATABASE_PREPARED_STATEMENTS: 'off' }).databasePreparedStatements).toBe(false);
    expect(() => loadConfig({ ...base, DATABASE_PREPARED_STATEMENTS: 'no' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS must be one of/,
    );
  });

  it('never prints secrets', () => {
    const config = loadConfig({ ...base, AI_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'sk-ant-very-secret' });
    const printed = inspect(config, { depth: 10 }) + JSON.stringify(config);
    expect(printed).not.toContain('s3cret-value');
    expect(printed).not.toContain('sk-ant-very-secret');
    expect(config.ai.apiKey?.reveal()).toBe('sk-ant-very-secret');
  });
});

describe('account security settings', () => {
  it('trusts no proxy unless told, and takes a hop count or a list of addresses, subnets and range names', () => {
    const trust = (value?: string) => loadConfig({ ...base, TRUST_PROXY: value }).api.trustProxy;

    expect(trust(undefined)).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('loopback')).toEqual(['loopback']);
    expect(trust(' loopback, 10.0.0.0/8 ,192.0.2.7, fd00::/8 ')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.0.2.7',
      'fd00::/8',
    ]);
  });

  it('refuses TRUST_PROXY=true and anything Express would not understand, naming the bad entries', () => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true would let any client/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'loopback,proxy.local' })).toThrow(/not "proxy.local"/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not "10.0.0.0\/33"/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '1.2.3.4/8/9,' })).toThrow(/"1.2.3.4\/8\/9", ""/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '101' })).toThrow(/at most 100/);
  });

  it('has login throttling, token lifetimes and stream limits with safe defaults', () => {
    const config = loadConfig(base);

    expect(config.accounts).toEqual({
      loginMaxFailuresPerAccount: 5,
      loginMaxFailuresPerIp: 30,
      loginLockoutSeconds: 900,
      streamCredentialCheckMs: 30_000,
      maxStreamsPerVisitor: 3,
      maxStreamsPerAgent: 5,
    });
    expect(config.widget).toMatchObject({
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 30 * 24 * 3600,
      readRatePerVisitorPerMinute: 120,
      readRatePerIpPerMinute: 1200,
    });
  });

  it('reads the limits from the environment and lists every bad one', () => {
    const config = loadConfig({
      ...base,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_IP: '10',
      LOGIN_LOCKOUT_SECONDS: '60',
      MAX_STREAMS_PER_VISITOR: '1',
    });
    expect(config.accounts).toMatchObject({
      loginMaxFailuresPerAccount: 3,
      loginMaxFailuresPerIp: 10,
      loginLockoutSeconds: 60,
      maxStreamsPerVisitor: 1,
    });

    try {
      loadConfig({
        ...base,
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '0',
        STREAM_CREDENTIAL_CHECK_MS: '5',
        VISITOR_ACCESS_TOKEN_TTL_SECONDS: '3600',
        VISITOR_REFRESH_TOKEN_TTL_SECONDS: '600',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('LOGIN_MAX_FAILURES_PER_ACCOUNT');
      expect(problems).toContain('STREAM_CREDENTIAL_CHECK_MS');
      expect(problems).toContain(
        'VISITOR_REFRESH_TOKEN_TTL_SECONDS must be longer than VISITOR_ACCESS_TOKEN_TTL_SECONDS',
      );
    }
  });
});
