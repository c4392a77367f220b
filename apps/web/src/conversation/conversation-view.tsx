import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/http';
import type { ConversationDetail, DirectoryAgent } from '../api/types';
import { ChannelIcon } from '../inbox/channel-icon';
import { customerName } from '../inbox/customer-name';
import { ActionBar } from './action-bar';
import { Composer } from './composer';
import { CustomerPanel } from './customer-panel';
import { SlaClock } from './sla-clock';
import { Timeline } from './timeline';

interface Props {
  conversationId: string;
  agents: DirectoryAgent[];
  me: string;
  /** Bumped by the inbox when a live event names this conversation: re-read it. */
  version: number;
  onChanged(): void;
}

/** One conversation: its header and SLA clock, the customer's timeline, the composer and actions, the customer panel. */
export function ConversationView({ conversationId, agents, me, version, onChanged }: Props) {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setDetail(await api<ConversationDetail>('GET', `/inbox/conversations/${conversationId}`));
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, [conversationId]);

  useEffect(() => {
    setDetail(null);
  }, [conversationId]);
  useEffect(() => {
    void load();
  }, [load, version]);

  if (error && !detail)
    return (
      <section className="conversation-view">
        <p role="alert" className="form-error">
          {error}
        </p>
      </section>
    );
  if (!detail || detail.conversation.id !== conversationId)
    return <section className="conversation-view loading">Loading…</section>;
  const { conversation, customer } = detail;
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  const changed = () => {
    void load();
    onChanged();
  };
  return (
    <div className="conversation-layout">
      <section className="conversation-view" aria-label="Conversation">
        <header className="conversation-header">
          <h1>
            <ChannelIcon channel={conversation.channel} /> {customerName(customer)}
            {conversation.subject && <span className="subject"> · {conversation.subject}</span>}
          </h1>
          <span className={`badge status-${conversation.status}`}>{conversation.status}</span>
          <span className={`badge priority-${conversation.priority}`}>{conversation.priority}</span>
          {conversation.triage.topic && <span className="badge topic">{conversation.triage.topic}</span>}
          {conversation.triage.sentiment && (
            <span className={`badge sentiment-${conversation.triage.sentiment}`}>{conversation.triage.sentiment}</span>
          )}
          <SlaClock conversation={conversation} />
        </header>
        <ActionBar conversation={conversation} agents={agents} me={me} onChanged={changed} />
        <Timeline detail={detail} agents={byId} me={me} />
        {conversation.status !== 'resolved' && (
          <Composer conversationId={conversation.id} channel={conversation.channel} onSent={changed} />
        )}
      </section>
      <CustomerPanel detail={detail} />
    </div>
  );
}
