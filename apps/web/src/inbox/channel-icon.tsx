import type { Channel } from '../api/types';

const LABEL: Record<Channel, string> = { chat: 'Chat', email: 'Email', sms: 'SMS' };

/** A small glyph per channel, with its name for screen readers and on hover. */
export function ChannelIcon({ channel }: { channel: Channel }) {
  return (
    <span className={`channel-icon channel-${channel}`} title={LABEL[channel]} role="img" aria-label={LABEL[channel]}>
      {channel === 'chat' ? (
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2 3h12v8H6l-3 3v-3H2z" fill="currentColor" />
        </svg>
      ) : channel === 'email' ? (
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M1 3h14v10H1zm1 1v.5l6 4 6-4V4z" fill="currentColor" />
        </svg>
      ) : (
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 1h8v14H4zm1 2v9h6V3z" fill="currentColor" />
        </svg>
      )}
    </span>
  );
}
