import type { ConversationDetail, DirectoryAgent, HistoryMessage } from '../api/types';
import { ChannelIcon } from '../inbox/channel-icon';
import { customerName } from '../inbox/customer-name';
import { describeEvent } from './describe-event';

type Entry =
  | { kind: 'message'; at: string; message: HistoryMessage }
  | { kind: 'event'; at: string; id: string; text: string; type: string }
  | { kind: 'conversation'; at: string; id: string; label: string; current: boolean };

const AUTHOR_LABEL = { bot: 'AI assistant', system: 'System' } as const;

/**
 * The customer's whole history, oldest first: every conversation on every channel with its messages and its event
 * log in plain words; AI turns are marked and their citations link to the article. Text is rendered as text.
 */
export function Timeline({
  detail,
  agents,
  me,
}: {
  detail: ConversationDetail;
  agents: Map<string, DirectoryAgent>;
  me?: string;
}) {
  const { history, conversation, customer } = detail;
  const entries: Entry[] = [
    ...history.conversations.map((c): Entry => ({
      kind: 'conversation',
      at: c.createdAt,
      id: c.id,
      label: `${c.channel} conversation${c.subject ? `: ${c.subject}` : ''} · ${c.status}`,
      current: c.id === conversation.id,
    })),
    ...history.messages.map((message): Entry => ({ kind: 'message', at: message.createdAt, message })),
    ...history.events
      .filter((event) => event.type !== 'answered')
      .map((event): Entry => ({
        kind: 'event',
        at: event.createdAt,
        id: event.id,
        type: event.type,
        text: describeEvent(event, agents, me),
      })),
  ].sort((a, b) => a.at.localeCompare(b.at) || order(a) - order(b));

  return (
    <ol className="timeline" aria-label="Customer timeline">
      {entries.map((entry) => {
        if (entry.kind === 'conversation') {
          return (
            <li key={`c-${entry.id}`} className={`timeline-conversation${entry.current ? ' current' : ''}`}>
              {entry.label}
            </li>
          );
        }
        if (entry.kind === 'event') {
          return (
            <li key={`e-${entry.id}`} className={`timeline-event event-${entry.type}`}>
              <span>{entry.text}</span> <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString()}</time>
            </li>
          );
        }
        const { message } = entry;
        const author =
          message.authorKind === 'customer'
            ? customerName(customer)
            : message.authorKind === 'agent'
              ? message.authorAgentId === me
                ? 'You'
                : (agents.get(message.authorAgentId ?? '')?.name ?? 'Agent')
              : AUTHOR_LABEL[message.authorKind];
        return (
          <li key={`m-${message.id}`} className={`message author-${message.authorKind}`} data-message-id={message.id}>
            <div className="message-meta">
              <ChannelIcon channel={message.channel} />
              <strong>{author}</strong>
              {message.authorKind === 'bot' && <span className="badge ai">AI</span>}
              {message.confidence !== null && message.authorKind === 'bot' && (
                <span className="confidence">confidence {message.confidence.toFixed(2)}</span>
              )}
              <time dateTime={message.createdAt}>{new Date(message.createdAt).toLocaleString()}</time>
              {message.direction === 'outbound' && (
                <span className={`delivery delivery-${message.deliveryStatus}`}>{message.deliveryStatus}</span>
              )}
            </div>
            {message.subject && <div className="message-subject">{message.subject}</div>}
            <p className="message-body">{message.body}</p>
            {message.deliveryFailureReason && (
              <p className="delivery-failure">Not delivered: {message.deliveryFailureReason}</p>
            )}
            {message.citations.length > 0 && (
              <ul className="citations" aria-label="Sources">
                {message.citations.map((citation) => (
                  <li key={`${citation.articleId}-${citation.anchor ?? ''}`}>
                    <a
                      href={`/app/articles/${encodeURIComponent(citation.articleId)}${citation.anchor ? `#${encodeURIComponent(citation.anchor)}` : ''}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {citation.title}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

const order = (entry: Entry) => (entry.kind === 'conversation' ? 0 : entry.kind === 'message' ? 1 : 2);
