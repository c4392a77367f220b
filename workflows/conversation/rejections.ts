import { ApplicationFailure } from '@temporalio/workflow';

/** A rejection the API turns into a 4xx: its type is a domain error code. */
export const reject = (code: 'invalid_state' | 'validation_failed', message: string) =>
  ApplicationFailure.create({ type: code, message, nonRetryable: true });
