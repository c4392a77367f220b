/**
 * The ApplicationFailure type of an activity error that retrying cannot fix: data the database cannot store, a broken
 * constraint, a failed validation. Activity proxies list it as non-retryable; core/platform/db/permanent-failure.ts assigns it.
 */
export const PERMANENT_DATA_ERROR = 'PermanentDataError';
