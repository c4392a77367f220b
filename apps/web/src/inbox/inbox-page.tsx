import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/http';
import type { DirectoryAgent } from '../api/types';
import { ConversationView } from '../conversation/conversation-view';
import { AppShell } from '../layout/app-shell';
import { navigate } from '../router';
import { useSession } from '../session/session';
import { ConversationList } from './conversation-list';
import { FilterPanel } from './filter-panel';
import { DEFAULT_FILTERS, type InboxFilters } from './inbox-filters';
import { ShortcutHelp, useShortcuts } from './shortcuts';
import { useInbox } from './use-inbox';
import { useLiveEvents } from './use-live-events';
import { useViewCounts } from './use-view-counts';

/** The agent's inbox: views and filters, the live conversation list, and the open conversation. */
export function InboxPage({ openId }: { openId: string | null }) {
  const { agent } = useSession();
  const [filters, setFilters] = useState<InboxFilters>(DEFAULT_FILTERS);
  const [activeView, setActiveView] = useState<string | null>('all-open');
  const inbox = useInbox(filters);
  const { counts, refresh: refreshCounts } = useViewCounts();
  const [agents, setAgents] = useState<DirectoryAgent[]>([]);
  const [version, setVersion] = useState(0);
  const [unread, setUnread] = useState<Set<string>>(new Set());
  const [showHelp, setShowHelp] = useState(false);
  const openRef = useRef(openId);
  openRef.current = openId;

  const loadAgents = useCallback(() => {
    void api<DirectoryAgent[]>('GET', '/agents/directory').then(setAgents, () => undefined);
  }, []);
  useEffect(loadAgents, [loadAgents]);

  const refreshSoon = useDebounced(() => {
    void inbox.refresh();
    void refreshCounts();
  }, 250);
  const live = useLiveEvents((event) => {
    refreshSoon();
    const data = event?.data as { conversationId?: string } | undefined;
    if (!event) {
      setVersion((v) => v + 1);
      return;
    }
    if (event.type === 'assigned' || event.type === 'unassigned') loadAgents();
    if (data?.conversationId === openRef.current) {
      setVersion((v) => v + 1);
    } else if (data?.conversationId) {
      setUnread((current) => new Set(current).add(data.conversationId!));
    }
  });

  const open = useCallback((id: string) => {
    setUnread((current) => {
      const next = new Set(current);
      next.delete(id);
      return next;
    });
    navigate(`/conversations/${id}`);
  }, []);

  const index = inbox.items.findIndex((item) => item.id === openId);
  useShortcuts({
    next: () => inbox.items[index + 1] && open(inbox.items[index + 1].id),
    previous: () => index > 0 && open(inbox.items[index - 1].id),
    reply: () => document.getElementById('composer-body')?.focus(),
    resolve: () => document.querySelector<HTMLButtonElement>('.action-bar button[aria-keyshortcuts="e"]')?.click(),
    help: () => setShowHelp((shown) => !shown),
  });

  const onChange = useCallback((next: InboxFilters, viewId?: string | null) => {
    setFilters(next);
    setActiveView(viewId ?? null);
  }, []);
  const byCustomer = filters.sort === 'customer';
  const me = agent?.id ?? '';
  const listItems = useMemo(() => inbox.items, [inbox.items]);

  return (
    <AppShell live={live}>
      <div className={`inbox${openId ? ' has-open' : ''}`}>
        <FilterPanel filters={filters} counts={counts} activeView={activeView} onChange={onChange} />
        <section className="list-pane" aria-label="Conversation list">
          {inbox.error && (
            <p role="alert" className="form-error">
              {inbox.error}
            </p>
          )}
          {inbox.loading && !listItems.length ? (
            <p className="muted">Loading…</p>
          ) : (
            <ConversationList
              items={listItems}
              selectedId={openId}
              unread={unread}
              groupByCustomer={byCustomer}
              hasMore={inbox.hasMore}
              onOpen={open}
              onNearEnd={() => void inbox.loadMore()}
            />
          )}
        </section>
        {openId ? (
          <ConversationView conversationId={openId} agents={agents} me={me} version={version} onChanged={refreshSoon} />
        ) : (
          <section className="conversation-view empty-state">
            <p>
              Select a conversation. Press <kbd>?</kbd> for keyboard shortcuts.
            </p>
          </section>
        )}
      </div>
      {showHelp && <ShortcutHelp onClose={() => setShowHelp(false)} />}
    </AppShell>
  );
}

function useDebounced(action: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(action);
  latest.current = action;
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), ms);
  }, [ms]);
}
