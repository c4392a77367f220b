/** "now", "5m", "3h", "2d", or a date, for list rows. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) {
    return 'now';
  }
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)}m`;
  }
  if (seconds < 86_400) {
    return `${Math.round(seconds / 3600)}h`;
  }
  if (seconds < 7 * 86_400) {
    return `${Math.round(seconds / 86_400)}d`;
  }
  return new Date(iso).toLocaleDateString();
}

/** "in 4m 10s" or "12m overdue", for SLA clocks. */
export function countdown(dueIso: string, now = Date.now()): { text: string; overdue: boolean } {
  const seconds = Math.round((Date.parse(dueIso) - now) / 1000);
  const abs = Math.abs(seconds);
  const text =
    abs < 60
      ? `${abs}s`
      : abs < 3600
        ? `${Math.floor(abs / 60)}m ${abs % 60}s`
        : `${Math.floor(abs / 3600)}h ${Math.floor((abs % 3600) / 60)}m`;
  return seconds >= 0 ? { text: `in ${text}`, overdue: false } : { text: `${text} overdue`, overdue: true };
}
