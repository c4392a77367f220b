/** Small phrase builders shared by the strategies' reasons and the waiting explanations. */

export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export function amongEligible(count: number): string {
  return `among ${counted(count, 'eligible agent')}`;
}

/** `skill "vip"` or `skills "vip", "spanish"`, with an optional adjective: `optional skill "vip"`. */
export function skillList(skills: readonly string[], adjective = ''): string {
  const noun = skills.length === 1 ? 'skill' : 'skills';
  const quoted = skills.map((skill) => `"${skill}"`).join(', ');
  return `${adjective ? `${adjective} ` : ''}${noun} ${quoted}`;
}

/** `12:03:00Z` when the instant falls on the same UTC day as `now`, the full instant otherwise. */
export function formatInstant(epochMs: number, now: number): string {
  const iso = new Date(epochMs).toISOString();
  const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return sameDay ? `${iso.slice(11, 19)}Z` : `${iso.slice(0, 19)}Z`;
}
