import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayUnique, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from './optional.decorator';

/** An optional list of short, distinct, non-empty labels (agent skills, article tags). */
export const IsOptionalLabelList = () =>
  applyDecorators(
    Optional(),
    IsArray(),
    ArrayMaxSize(50),
    ArrayUnique(),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(64, { each: true }),
  );
