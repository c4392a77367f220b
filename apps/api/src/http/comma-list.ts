import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional } from 'class-validator';

/** A query parameter given as `a,b` or repeated (`?x=a&x=b`) becomes ['a', 'b']; for @Transform. */
export const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value)
    ? ([] as unknown[]).concat(value).flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
    : value;

/** An optional query parameter listing values out of `allowed`, given as `a,b` or repeated; never empty. */
export const IsOptionalCommaListOf = (allowed: readonly string[]) =>
  applyDecorators(IsOptional(), Transform(commaList), IsArray(), ArrayNotEmpty(), IsIn(allowed, { each: true }));
