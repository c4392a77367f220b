import type { Channel, ConversationStatus, Priority } from '../api/types';

export interface InboxFilters {
  status: ConversationStatus[];
  channel: Channel[];
  assignee: 'me' | 'unassigned' | 'any';
  priority: Priority[];
  sentiment: string[];
  tag: string;
  sort: 'last_activity' | 'customer';
}

export const DEFAULT_FILTERS: InboxFilters = {
  status: ['open', 'pending', 'bot'],
  channel: [],
  assignee: 'any',
  priority: [],
  sentiment: [],
  tag: '',
  sort: 'last_activity',
};

/** Views every agent starts with; the counts next to them come from the API. */
export const SAVED_VIEWS: { id: string; label: string; filters: Partial<InboxFilters> }[] = [
  { id: 'mine', label: 'Assigned to me', filters: { assignee: 'me', status: ['open', 'pending'] } },
  { id: 'unassigned', label: 'Unassigned', filters: { assignee: 'unassigned', status: ['open'] } },
  { id: 'bot', label: 'With the bot', filters: { assignee: 'any', status: ['bot'] } },
  {
    id: 'urgent',
    label: 'Urgent & high',
    filters: { assignee: 'any', status: ['open', 'pending'], priority: ['urgent', 'high'] },
  },
  { id: 'all-open', label: 'All open', filters: { assignee: 'any', status: ['open', 'pending', 'bot'] } },
  { id: 'resolved', label: 'Resolved', filters: { assignee: 'any', status: ['resolved'] } },
];

export function toQuery(filters: InboxFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.status.length) {
    params.set('status', filters.status.join(','));
  }
  if (filters.channel.length) {
    params.set('channel', filters.channel.join(','));
  }
  if (filters.assignee !== 'any') {
    params.set('assignee', filters.assignee);
  }
  if (filters.priority.length) {
    params.set('priority', filters.priority.join(','));
  }
  if (filters.sentiment.length) {
    params.set('sentiment', filters.sentiment.join(','));
  }
  if (filters.tag.trim()) {
    params.set('tag', filters.tag.trim());
  }
  if (filters.sort !== 'last_activity') {
    params.set('sort', filters.sort);
  }
  for (const [key, value] of Object.entries(extra)) {
    params.set(key, value);
  }
  return params.toString();
}
