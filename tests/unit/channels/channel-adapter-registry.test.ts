import { createChannelAdapterRegistry } from '../../../core/channels/channel-adapter.registry';
import type { ChannelAdapter } from '../../../core/channels/channel-adapter';
import { loadConfig } from '../../../core/platform/config/app-config';
import { ConfigError } from '../../../core/platform/config/config-error';

const settings = { providers: { chat: 'widget' as const, email: null, sms: null } };
const anSmsAdapter = (provider: string) => ({ channel: 'sms', provider }) as unknown as ChannelAdapter;

describe('the channel adapter registry', () => {
  it('always has chat, sent by the widget adapter, and nothing for channels without a provider', () => {
    const registry = createChannelAdapterRegistry(settings);

    expect(registry.forOutbound('chat')).toMatchObject({ channel: 'chat', provider: 'widget' });
    expect(registry.forOutbound('sms')).toBeUndefined();
    expect(registry.find('email', 'sendgrid')).toBeUndefined();
  });

  it('finds added adapters by channel and provider, the last one sending for its channel', () => {
    const registry = createChannelAdapterRegistry(settings, [anSmsAdapter('first'), anSmsAdapter('second')]);

    expect(registry.find('sms', 'first')?.provider).toBe('first');
    expect(registry.forOutbound('sms')?.provider).toBe('second');
    expect(registry.find('sms', 'widget')).toBeUndefined();
  });
});

describe('channel settings', () => {
  const env = { DATABASE_URL: 'postgres://x', VISITOR_TOKEN_SECRET: 'x'.repeat(32) };

  it('default to chat only', () => {
    expect(loadConfig(env).channels).toEqual(settings);
  });

  it('refuse a provider that has no adapter, naming the choices', () => {
    expect(() => loadConfig({ ...env, SMS_PROVIDER: 'carrier-pigeon' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, SMS_PROVIDER: 'carrier-pigeon' })).toThrow(
      /SMS_PROVIDER must be one of none, got "carrier-pigeon"/,
    );
  });
});
