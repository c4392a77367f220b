/** One reason untrusted input was rejected, named by its field path, e.g. 'weekly.mon[1].end'. */
export interface FieldProblem {
  field: string;
  message: string;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports every key of `input` not in `allowed`, so a typo is named rather than silently ignored. */
export function reportUnknownKeys(
  input: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
  report: (field: string, message: string) => void,
): void {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) {
      report(`${prefix}${key}`, `Unknown field '${key}'; allowed: ${allowed.join(', ')}`);
    }
  }
}
