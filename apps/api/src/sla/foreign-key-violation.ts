/** True when a database error is PostgreSQL's foreign_key_violation (23503): a row still refers to the one deleted. */
export function isForeignKeyViolation(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return candidate?.code === '23503' || candidate?.driverError?.code === '23503';
}
