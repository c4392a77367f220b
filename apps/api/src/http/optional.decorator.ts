import { ValidateIf } from 'class-validator';

/**
 * Like class-validator's IsOptional, but only an absent field skips validation: an explicit null is validated
 * (and rejected by the field's other rules) instead of reaching a NOT NULL column as a 500.
 */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
