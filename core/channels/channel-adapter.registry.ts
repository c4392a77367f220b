import type { Channel } from './channel';
import type { ChannelAdapter } from './channel-adapter';
import type { ChannelSettings } from '../platform/config/channel-settings';
import { ChatChannelAdapter } from './chat/chat.channel-adapter';

/** Every adapter the configuration turned on, found by channel (for sending) or by channel and provider (webhooks). */
export class ChannelAdapterRegistry {
  private readonly byProvider = new Map<string, ChannelAdapter>();
  private readonly outbound = new Map<Channel, ChannelAdapter>();

  /** Adapters later in the list carry their channel's outbound messages in place of earlier ones. */
  constructor(adapters: readonly ChannelAdapter[]) {
    for (const adapter of adapters) {
      this.byProvider.set(key(adapter.channel, adapter.provider), adapter);
      this.outbound.set(adapter.channel, adapter);
    }
  }

  /** The adapter that sends this channel's messages; undefined while the channel has no provider. */
  forOutbound(channel: Channel): ChannelAdapter | undefined {
    return this.outbound.get(channel);
  }

  /** The outbound adapters whose send only confirms the stored row (see ChannelAdapter.sendsByStoring). */
  sendingByStoring(): ChannelAdapter[] {
    return [...this.outbound.values()].filter((adapter) => adapter.sendsByStoring === true);
  }

  /** The adapter whose webhooks are at /channels/:channel/:provider/…; undefined when there is none. */
  find(channel: Channel, provider: string): ChannelAdapter | undefined {
    return this.byProvider.get(key(channel, provider));
  }
}

const key = (channel: Channel, provider: string) => `${channel}/${provider}`;

/**
 * The registry the configuration asks for: chat always, email and SMS through the providers chosen for them.
 * `extra` adds adapters built elsewhere (a deployment's own vendor, or a test's fake) after the configured ones.
 */
export function createChannelAdapterRegistry(
  settings: ChannelSettings,
  extra: readonly ChannelAdapter[] = [],
): ChannelAdapterRegistry {
  const configured: ChannelAdapter[] = [];
  if (settings.providers.chat === 'widget') {
    configured.push(new ChatChannelAdapter());
  }
  // EMAIL_PROVIDER and SMS_PROVIDER accept only `none` until their adapters exist (channel-settings.ts).
  return new ChannelAdapterRegistry([...configured, ...extra]);
}
