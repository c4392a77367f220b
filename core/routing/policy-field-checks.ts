/** List checks shared by the routing-policy validators; problems go to `report` by field path. */
import type { Report } from '../platform/validation/field-checks';

export const MAX_LIST_ITEMS = 100;
export const MAX_LABEL_LENGTH = 100;

export interface LabelListOptions {
  /** Applied to each item before checks and de-duplication; default trims. */
  normalise?: (label: string) => string;
  /** A problem message for an item that is not acceptable, or null. */
  check?: (label: string) => string | null;
}

/** A list of labels, each normalised and checked, without duplicates; undefined when absent or invalid. */
export function labelList(
  value: unknown,
  field: string,
  report: Report,
  { normalise = (label) => label.trim(), check = () => null }: LabelListOptions = {},
): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    report(field, 'Must be a list of strings');
    return undefined;
  }
  if (value.length === 0) {
    report(field, 'Must not be empty; leave the field out instead');
    return undefined;
  }
  if (value.length > MAX_LIST_ITEMS) {
    report(field, `At most ${MAX_LIST_ITEMS} items`);
    return undefined;
  }
  const labels: string[] = [];
  value.forEach((item, index) => {
    const label = typeof item === 'string' ? normalise(item) : '';
    const problem =
      label === ''
        ? 'Must be a non-empty string'
        : label.length > MAX_LABEL_LENGTH
          ? `At most ${MAX_LABEL_LENGTH} characters`
          : check(label);
    if (problem) {
      report(`${field}[${index}]`, problem);
    } else {
      labels.push(label);
    }
  });
  return labels.length === value.length ? [...new Set(labels)] : undefined;
}

/** A list whose items must be among `allowed` (exact spelling); undefined when absent or invalid. */
export function enumList<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  report: Report,
): T[] | undefined {
  const isAllowed = (label: string): label is T => (allowed as readonly string[]).includes(label);
  const check = (label: string) =>
    isAllowed(label) ? null : `Unknown value '${label}'; allowed: ${allowed.join(', ')}`;
  return labelList(value, field, report, { normalise: (label) => label, check })?.filter(isAllowed);
}

/** Lowercase, trimmed, inner whitespace collapsed: how keywords, tags, skills and tiers are stored and compared. */
export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/gu, ' ').toLowerCase();
}
