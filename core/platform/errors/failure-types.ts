/**
 * The ApplicationFailure type of an activity error that retrying cannot fix: data the database cannot store, a broken
 * constraint, a failed validation. Activity proxies list it as non-retryable; core/platform/db/permanent-failure.ts assigns it.
 */
export const PERMANENT_DATA_ERROR = 'PermanentDataError';

/**
 * The ApplicationFailure type of a delivery the channel refused for good (activities/delivery.activities.ts): the
 * message is already marked failed with the vendor's reason, and the delivery proxy does not retry it.
 */
export const DELIVERY_REJECTED = 'delivery_rejected';
