import { useEffect, useState } from 'react';
import type { Conversation } from '../api/types';
import { countdown } from '../inbox/time-ago';

/** The next SLA deadline of an open conversation, counting down each second; red once overdue. */
export function SlaClock({ conversation }: { conversation: Conversation }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (conversation.status === 'resolved') return null;
  const { sla } = conversation;
  const due = conversation.firstResponseAt
    ? (sla.nextResponseDueAt ?? sla.resolutionDueAt)
    : (sla.firstResponseDueAt ?? sla.resolutionDueAt);
  if (!due) return null;
  const label = conversation.firstResponseAt
    ? sla.nextResponseDueAt
      ? 'Next response'
      : 'Resolution'
    : 'First response';
  const clock = countdown(due, now);
  return (
    <span
      className={`sla-clock${clock.overdue ? ' overdue' : ''}`}
      title={`SLA: ${label} due ${new Date(due).toLocaleString()}`}
    >
      SLA {label.toLowerCase()} {clock.text}
    </span>
  );
}
