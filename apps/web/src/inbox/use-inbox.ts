import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/http';
import type { InboxItem, InboxPage } from '../api/types';
import { toQuery, type InboxFilters } from './inbox-filters';

const PAGE = 100;

/**
 * The conversation list for a set of filters: the first page at once, later pages as the list scrolls near its end,
 * and `refresh()` to re-read the first page when something changed (a live event), keeping the pages already read.
 */
export function useInbox(filters: InboxFilters) {
  const [items, setItems] = useState<InboxItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const query = toQuery(filters);

  const refresh = useCallback(async () => {
    const mine = generation.current;
    try {
      const page = await api<InboxPage>('GET', `/inbox/conversations?${toQuery(filters, { limit: String(PAGE) })}`);
      if (mine !== generation.current) {
        return;
      }
      setItems((current) => {
        const fresh = new Set(page.items.map((item) => item.id));
        const lastFresh = page.items.at(-1);
        // Rows beyond the first page stay as read, minus any that moved into it.
        const rest = lastFresh ? current.slice(current.findIndex((item) => item.id === lastFresh.id) + 1) : [];
        return [...page.items, ...rest.filter((item) => !fresh.has(item.id))];
      });
      setNextCursor((cursor) => cursor ?? page.nextCursor);
      setError(null);
    } catch (failure) {
      if (mine === generation.current) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    } finally {
      if (mine === generation.current) {
        setLoading(false);
      }
    }
    // `query` stands for the filters: re-created only when they change what is asked.
  }, [query]);

  useEffect(() => {
    generation.current += 1;
    setItems([]);
    setNextCursor(null);
    setLoading(true);
    void refresh();
  }, [refresh]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) {
      return;
    }
    const mine = generation.current;
    const page = await api<InboxPage>(
      'GET',
      `/inbox/conversations?${toQuery(filters, { limit: String(PAGE), cursor: nextCursor })}`,
    );
    if (mine !== generation.current) {
      return;
    }
    setItems((current) => {
      const seen = new Set(current.map((item) => item.id));
      return [...current, ...page.items.filter((item) => !seen.has(item.id))];
    });
    setNextCursor(page.nextCursor);
    // `query` stands for the filters: re-created only when they change what is asked.
  }, [nextCursor, query]);

  return { items, error, loading, refresh, loadMore, hasMore: nextCursor !== null };
}
