import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/http';
import type { InboxPage } from '../api/types';
import { DEFAULT_FILTERS, SAVED_VIEWS, toQuery } from './inbox-filters';

const COUNT_CAP = 100;

/** How many conversations each saved view holds ("100+" past the first hundred), re-read with `refresh()`. */
export function useViewCounts() {
  const [counts, setCounts] = useState<Record<string, string>>({});
  const refresh = useCallback(async () => {
    const entries = await Promise.all(
      SAVED_VIEWS.map(async (view) => {
        const page = await api<InboxPage>(
          'GET',
          `/inbox/conversations?${toQuery({ ...DEFAULT_FILTERS, ...view.filters }, { limit: String(COUNT_CAP) })}`,
        );
        return [view.id, page.nextCursor ? `${COUNT_CAP}+` : String(page.items.length)] as const;
      }),
    ).catch(() => null);
    if (entries) {
      setCounts(Object.fromEntries(entries));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { counts, refresh };
}
