/** Plumbing shared by the validators of untrusted admin input: problems are reported by field path, never thrown. */

/** One reason untrusted input was rejected, named by its field path, e.g. 'weekly.mon[1].end'. */
export interface FieldProblem {
  field: string;
  message: string;
}

export type Report = (field: string, message: string) => void;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reports every key of `input` not in `allowed`, so a typo is named rather than silently ignored; a near miss
 * gets the closest allowed name ('topic' → did you mean 'topics'?), anything else the list of allowed names.
 */
export function reportUnknownKeys(
  input: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
  report: Report,
): void {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) {
      const suggestion = closestName(key, allowed);
      const hint = suggestion ? `did you mean '${suggestion}'?` : `allowed: ${allowed.join(', ')}`;
      report(`${prefix}${key}`, `Unknown field '${key}'; ${hint}`);
    }
  }
}

export function optionalBoolean(value: unknown, field: string, report: Report): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    report(field, 'Must be true or false');
    return undefined;
  }
  return value;
}

function closestName(key: string, allowed: readonly string[]): string | null {
  const lower = key.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const name of allowed) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) {
      best = { name, distance };
    }
  }
  return best?.name ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
