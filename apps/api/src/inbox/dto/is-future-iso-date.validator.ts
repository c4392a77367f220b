import { ValidateBy, buildMessage, isISO8601, type ValidationOptions } from 'class-validator';

/** A date-time must name its zone (Z or ±hh:mm) so that "future" means the same thing on every machine. */
const DATE_TIME_WITHOUT_ZONE = /T[^Z+-]*$/i;

/** An ISO 8601 date (UTC midnight) or date-time with a zone that lies in the future. */
export function isFutureIsoDate(value: unknown, now = Date.now()): value is string {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true }) || DATE_TIME_WITHOUT_ZONE.test(value)) {
    return false;
  }
  const time = Date.parse(value);
  return Number.isFinite(time) && time > now;
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
