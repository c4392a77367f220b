import { ValidateBy, buildMessage, isISO8601, type ValidationOptions } from 'class-validator';

/** A date-time must name its zone (Z or ±hh:mm), so an instant means the same thing on every machine. */
const DATE_TIME_WITHOUT_ZONE = /T[^Z+-]*$/i;

/** An ISO 8601 date (read as UTC midnight) or a date-time with a zone. */
export function isIsoDateOrInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    isISO8601(value, { strict: true }) &&
    !DATE_TIME_WITHOUT_ZONE.test(value) &&
    Number.isFinite(Date.parse(value))
  );
}

export function isIsoInstant(value: unknown): value is string {
  return isIsoDateOrInstant(value) && value.includes('T');
}

/** An ISO 8601 date-time with a time zone, e.g. 2026-03-02T09:30:00Z. */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value) => isIsoInstant(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 8601 date-time with a time zone, e.g. 2026-03-02T09:30:00Z`,
          options,
        ),
      },
    },
    options,
  );
}
