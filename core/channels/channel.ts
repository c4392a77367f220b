export const CHANNELS = ['chat', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
