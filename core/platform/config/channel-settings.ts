import type { EnvReader } from './env-reader';

/**
 * The vendor each channel sends through. Chat always goes through the widget; email and SMS are off until their
 * adapters are built and chosen here (`none` is the only value each accepts today).
 */
export const CHANNEL_PROVIDER_CHOICES = {
  chat: ['widget'],
  email: ['none'],
  sms: ['none'],
} as const;

export interface ChannelSettings {
  /** The provider that carries each channel's outbound messages; null where the channel is off. */
  providers: { chat: 'widget'; email: string | null; sms: string | null };
}

export function readChannelSettings(read: EnvReader): ChannelSettings {
  const chosen = (name: string, choices: readonly string[]) => {
    const value = read.oneOf(name, choices, 'none');
    return value === 'none' ? null : value;
  };
  return {
    providers: {
      chat: read.oneOf('CHAT_PROVIDER', CHANNEL_PROVIDER_CHOICES.chat, 'widget'),
      email: chosen('EMAIL_PROVIDER', CHANNEL_PROVIDER_CHOICES.email),
      sms: chosen('SMS_PROVIDER', CHANNEL_PROVIDER_CHOICES.sms),
    },
  };
}
