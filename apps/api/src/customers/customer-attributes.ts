import type { FieldProblem } from '../../../../core/platform/validation/field-checks';

export const MAX_CUSTOMER_ATTRIBUTES = 50;
export const MAX_ATTRIBUTE_TEXT = 500;
export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/i;
/** The attribute routing rules read as the customer's tier. */
export const TIER_KEY = 'tier';

export type AttributeValue = string | number | boolean;

export type AttributesMerge =
  { ok: true; attributes: Record<string, AttributeValue> } | { ok: false; problems: FieldProblem[] };

/**
 * Applies changes to a customer's attributes: a value sets the key, null deletes it. `tier` (when given) is the
 * same as attributes.tier. Checks keys, values and the total key count, listing every problem by field.
 */
export function mergeAttributes(
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
  tier: string | null | undefined,
): AttributesMerge {
  const problems: FieldProblem[] = [];
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    const field = `attributes.${key}`;
    if (!ATTRIBUTE_KEY.test(key)) {
      problems.push({ field, message: 'Keys start with a letter, then letters, digits or _ (at most 40 characters)' });
      continue;
    }
    const problem = valueProblem(key, value);
    if (problem) {
      problems.push({ field, message: problem });
      continue;
    }
    setOrDelete(merged, key, value as AttributeValue | null);
  }
  if (tier !== undefined) {
    if (TIER_KEY in changes && changes[TIER_KEY] !== tier) {
      problems.push({ field: 'tier', message: 'Differs from attributes.tier; send one of them' });
    }
    setOrDelete(merged, TIER_KEY, tier === null ? null : tier.trim());
  }
  const count = Object.keys(merged).length;
  if (count > MAX_CUSTOMER_ATTRIBUTES) {
    problems.push({
      field: 'attributes',
      message: `At most ${MAX_CUSTOMER_ATTRIBUTES} attributes (would be ${count})`,
    });
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, attributes: merged as Record<string, AttributeValue> };
}

function valueProblem(key: string, value: unknown): string | null {
  if (value === null || typeof value === 'boolean') {
    return null;
  }
  if (key === TIER_KEY && typeof value !== 'string') {
    return 'The tier must be a string, or null to clear it';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? null : 'Must be a finite number';
  }
  if (typeof value === 'string') {
    return value.length <= MAX_ATTRIBUTE_TEXT ? null : `At most ${MAX_ATTRIBUTE_TEXT} characters`;
  }
  return 'Must be a string, number or boolean, or null to delete the attribute';
}

function setOrDelete(attributes: Record<string, unknown>, key: string, value: AttributeValue | null): void {
  if (value === null) {
    delete attributes[key];
  } else {
    attributes[key] = value;
  }
}
