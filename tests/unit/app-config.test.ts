import { loadConfig } from '../../core/config/app-config';
import { ConfigError } from '../../core/config/config-error';
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
