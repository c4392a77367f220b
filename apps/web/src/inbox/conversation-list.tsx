import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { InboxItem } from '../api/types';
import { ChannelIcon } from './channel-icon';
import { customerName } from './customer-name';
import { timeAgo } from './time-ago';

const ROW_HEIGHT = 76;

interface Props {
  items: InboxItem[];
  selectedId: string | null;
  unread: Set<string>;
  groupByCustomer: boolean;
  hasMore: boolean;
  onOpen(id: string): void;
  onNearEnd(): void;
}

/** The conversation list, virtualised: only the rows on screen are in the DOM, so 10,000 scroll like 10. */
export function ConversationList({ items, selectedId, unread, groupByCustomer, hasMore, onOpen, onNearEnd }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows.at(-1);
  useEffect(() => {
    if (hasMore && last && last.index >= items.length - 20) onNearEnd();
  }, [hasMore, last, items.length, onNearEnd]);

  return (
    <div ref={scroller} className="conversation-list" role="list" aria-label="Conversations" data-count={items.length}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const item = items[row.index];
          const previous = items[row.index - 1];
          const firstOfCustomer = groupByCustomer && previous?.customer.id !== item.customer.id;
          return (
            <div
              key={item.id}
              role="listitem"
              className={`conversation-row${item.id === selectedId ? ' selected' : ''}${unread.has(item.id) ? ' unread' : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${row.start}px)`,
              }}
              data-conversation-id={item.id}
            >
              <button
                type="button"
                onClick={() => onOpen(item.id)}
                aria-current={item.id === selectedId ? 'true' : undefined}
              >
                <span className="row-top">
                  <ChannelIcon channel={item.channel} />
                  <span className="row-name">
                    {groupByCustomer && !firstOfCustomer ? '↳ ' : ''}
                    {customerName(item.customer)}
                  </span>
                  {unread.has(item.id) && <span className="unread-dot" aria-label="unread" />}
                  <time className="row-time" dateTime={item.lastActivityAt}>
                    {timeAgo(item.lastActivityAt)}
                  </time>
                </span>
                <span className="row-preview">
                  {item.lastMessage
                    ? `${item.lastMessage.authorKind === 'customer' ? '' : `${item.lastMessage.authorKind}: `}${item.lastMessage.body}`
                    : (item.subject ?? 'No messages yet')}
                </span>
                <span className="row-tags">
                  <span className={`badge status-${item.status}`}>{item.status}</span>
                  {item.priority !== 'normal' && (
                    <span className={`badge priority-${item.priority}`}>{item.priority}</span>
                  )}
                  {item.triage.topic && <span className="badge topic">{item.triage.topic}</span>}
                  {item.triage.sentiment === 'negative' && <span className="badge sentiment-negative">negative</span>}
                  {!item.assigneeId && item.status === 'open' && <span className="badge unassigned">unassigned</span>}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      {!items.length && <p className="empty">No conversations match these filters.</p>}
    </div>
  );
}
