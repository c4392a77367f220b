import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { isIsoDateOrInstant } from '../../http/is-iso-instant.validator';

/** An ISO 8601 date (UTC midnight) or date-time with a zone that lies in the future. */
export function isFutureIsoDate(value: unknown, now = Date.now()): value is string {
  return isIsoDateOrInstant(value) && Date.parse(value) > now;
}

export function IsFutureIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFutureIsoDate',
      validator: {
        validate: (value) => isFutureIsoDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 8601 date-time with a time zone, in the future`,
          options,
        ),
      },
    },
    options,
  );
}
