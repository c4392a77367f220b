import type { Channel, ConversationStatus, Priority } from '../api/types';
import { SAVED_VIEWS, type InboxFilters } from './inbox-filters';

const STATUSES: ConversationStatus[] = ['bot', 'open', 'pending', 'snoozed', 'resolved'];
const CHANNELS: Channel[] = ['chat', 'email', 'sms'];
const PRIORITIES: Priority[] = ['urgent', 'high', 'normal', 'low'];
const SENTIMENTS = ['negative', 'neutral', 'positive'];

interface Props {
  filters: InboxFilters;
  counts: Record<string, string>;
  activeView: string | null;
  onChange(filters: InboxFilters, viewId?: string | null): void;
}

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** Saved views with their counts, and every filter the inbox API takes. */
export function FilterPanel({ filters, counts, activeView, onChange }: Props) {
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch }, null);
  return (
    <nav className="filter-panel" aria-label="Views and filters">
      <h2>Views</h2>
      <ul className="views">
        {SAVED_VIEWS.map((view) => (
          <li key={view.id}>
            <button
              type="button"
              aria-pressed={activeView === view.id}
              onClick={() =>
                onChange({ ...filters, channel: [], priority: [], sentiment: [], tag: '', ...view.filters }, view.id)
              }
            >
              <span>{view.label}</span>
              <span className="count">{counts[view.id] ?? ''}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2>Filters</h2>
      <fieldset>
        <legend>Status</legend>
        {STATUSES.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={filters.status.includes(status)}
              onChange={() => set({ status: toggle(filters.status, status) })}
            />
            {status}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Channel</legend>
        {CHANNELS.map((channel) => (
          <label key={channel} className="check">
            <input
              type="checkbox"
              checked={filters.channel.includes(channel)}
              onChange={() => set({ channel: toggle(filters.channel, channel) })}
            />
            {channel}
          </label>
        ))}
      </fieldset>
      <label>
        Assignee
        <select
          value={filters.assignee}
          onChange={(event) => set({ assignee: event.target.value as InboxFilters['assignee'] })}
        >
          <option value="any">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
        </select>
      </label>
      <fieldset>
        <legend>Priority</legend>
        {PRIORITIES.map((priority) => (
          <label key={priority} className="check">
            <input
              type="checkbox"
              checked={filters.priority.includes(priority)}
              onChange={() => set({ priority: toggle(filters.priority, priority) })}
            />
            {priority}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sentiment</legend>
        {SENTIMENTS.map((sentiment) => (
          <label key={sentiment} className="check">
            <input
              type="checkbox"
              checked={filters.sentiment.includes(sentiment)}
              onChange={() => set({ sentiment: toggle(filters.sentiment, sentiment) })}
            />
            {sentiment}
          </label>
        ))}
      </fieldset>
      <label>
        Tag
        <input value={filters.tag} placeholder="e.g. billing" onChange={(event) => set({ tag: event.target.value })} />
      </label>
      <label>
        Sort
        <select value={filters.sort} onChange={(event) => set({ sort: event.target.value as InboxFilters['sort'] })}>
          <option value="last_activity">Last activity</option>
          <option value="customer">Grouped by customer</option>
        </select>
      </label>
    </nav>
  );
}
