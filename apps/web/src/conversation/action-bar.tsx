import { useState } from 'react';
import { api } from '../api/http';
import type { Conversation, DirectoryAgent } from '../api/types';

interface Props {
  conversation: Conversation;
  agents: DirectoryAgent[];
  me: string;
  onChanged(): void;
}

/** Assign / transfer, resolve, reopen, snooze, pending and re-tag: each one call to the conversation's workflow. */
export function ActionBar({ conversation, agents, me, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [topic, setTopic] = useState('');
  const { id, status } = conversation;

  async function act(path: string, body: unknown = {}) {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/inbox/conversations/${id}/${path}`, body);
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  async function retag() {
    if (!topic.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api('PUT', `/inbox/conversations/${id}/topic`, { topic: topic.trim() });
      setTopic('');
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const snoozeUntil = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
  return (
    <div className="action-bar" role="toolbar" aria-label="Conversation actions">
      <label>
        Assignee{' '}
        <select
          value={conversation.assigneeId ?? ''}
          disabled={busy}
          onChange={(event) => void act('assign', { agentId: event.target.value || null })}
        >
          <option value="">Unassigned</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.id === me ? `${agent.name} (you)` : agent.name} · {agent.status}
            </option>
          ))}
        </select>
      </label>
      {conversation.assigneeId !== me && (
        <button type="button" disabled={busy} onClick={() => void act('assign', { agentId: me })}>
          Assign to me
        </button>
      )}
      {status === 'resolved' ? (
        <button type="button" disabled={busy} onClick={() => void act('reopen')}>
          Reopen
        </button>
      ) : (
        <>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void act('resolve')}
            aria-keyshortcuts="e"
          >
            Resolve
          </button>
          <button type="button" disabled={busy || status === 'pending'} onClick={() => void act('pending')}>
            Pending
          </button>
          <button type="button" disabled={busy} onClick={() => void act('snooze', { until: snoozeUntil(4) })}>
            Snooze 4h
          </button>
        </>
      )}
      <span className="retag">
        <label className="visually-hidden" htmlFor="retag-topic">
          New topic
        </label>
        <input
          id="retag-topic"
          placeholder="Re-tag topic"
          value={topic}
          onChange={(event) => setTopic(event.target.value)}
        />
        <button type="button" disabled={busy || !topic.trim()} onClick={() => void retag()}>
          Re-tag
        </button>
      </span>
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </div>
  );
}
