import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../api/http';
import type { Channel } from '../api/types';

const PLACEHOLDER: Record<Channel, string> = {
  chat: 'Reply in the chat… (Ctrl+Enter to send)',
  email: 'Write an email reply… (Ctrl+Enter to send)',
  sms: 'Reply by SMS… (Ctrl+Enter to send)',
};
const SMS_SEGMENT = 160;

/** Replies on the conversation's channel; a retried send carries the same client id, so it is stored once. */
export function Composer({
  conversationId,
  channel,
  onSent,
}: {
  conversationId: string;
  channel: Channel;
  onSent(): void;
}) {
  const [body, setBody] = useState('');
  const [clientMessageId, setClientMessageId] = useState(newClientId);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim() || sending) return;
    setSending(true);
    setError(null);
    try {
      await api('POST', `/inbox/conversations/${conversationId}/replies`, { body, clientMessageId });
      setBody('');
      setClientMessageId(newClientId());
      onSent();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send();
  }

  return (
    <form className="composer" onSubmit={(event) => void send(event)}>
      <label className="visually-hidden" htmlFor="composer-body">
        Reply
      </label>
      <textarea
        id="composer-body"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={PLACEHOLDER[channel]}
        rows={3}
      />
      <div className="composer-footer">
        {channel === 'sms' && (
          <span className="hint">{Math.max(1, Math.ceil(body.length / SMS_SEGMENT))} SMS segment(s)</span>
        )}
        {error && (
          <span role="alert" className="form-error">
            {error}
          </span>
        )}
        <button type="submit" disabled={sending || !body.trim()}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}

function newClientId(): string {
  // randomUUID needs a secure context; getRandomValues works on plain http too.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `web-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
