import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { TOPIC_EXAMPLE_MAX_CHARS } from '../../../../core/triage/topic-example.repository';
import { Optional } from '../http/optional.decorator';
import { IsOptionalPageLimit } from '../http/page-limit.decorator';

const NAME_PATTERN = /^[a-z0-9][a-z0-9 _-]{0,49}$/i;
const NAME_RULE = 'name must be 1 to 50 characters of letters, digits, spaces, _ or -, starting with a letter or digit';
const DESCRIPTION_MAX_CHARS = 500;
export const EXAMPLES_PER_REQUEST = 1000;
export const EXAMPLES_PAGE_MAX = 1000;
/** Skipping more examples than any category holds is a mistake, and past int8 a database error. */
export const EXAMPLES_OFFSET_MAX = 1_000_000;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const eachTrimmed = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)) : value;

/** Example messages: each trimmed, 1 to 2000 characters; texts the category already has are ignored. */
const IsExampleList = () =>
  applyDecorators(
    Transform(eachTrimmed),
    IsArray(),
    ArrayMaxSize(EXAMPLES_PER_REQUEST),
    IsString({ each: true }),
    IsNotEmpty({ each: true, message: 'each example must be non-empty text' }),
    MaxLength(TOPIC_EXAMPLE_MAX_CHARS, { each: true }),
  );

export class CreateTopicDto {
  @ApiProperty({ example: 'billing', pattern: NAME_PATTERN.source, description: 'Trimmed; unique ignoring case' })
  @Transform(trimmed)
  @IsString()
  @Matches(NAME_PATTERN, { message: NAME_RULE })
  name!: string;

  @ApiPropertyOptional({ example: 'Invoices, refunds and payment problems' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(DESCRIPTION_MAX_CHARS)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: EXAMPLES_PER_REQUEST, example: ['I was charged twice'] })
  @Optional()
  @IsExampleList()
  examples?: string[];
}

export class UpdateTopicDto {
  @ApiPropertyOptional({ pattern: NAME_PATTERN.source })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Matches(NAME_PATTERN, { message: NAME_RULE })
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null or empty clears it' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(DESCRIPTION_MAX_CHARS)
  description?: string | null;
}

export class TopicExamplesDto {
  @ApiProperty({ type: [String], maxItems: EXAMPLES_PER_REQUEST, example: ['Where is my refund?'] })
  @IsExampleList()
  examples!: string[];
}

export class TopicExamplesPageQuery {
  @IsOptionalPageLimit(EXAMPLES_PAGE_MAX, 100)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: EXAMPLES_OFFSET_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(EXAMPLES_OFFSET_MAX)
  offset?: number;
}

export class ExampleIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('loose', { message: 'id must be a UUID' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('loose', { message: 'exampleId must be a UUID' })
  exampleId!: string;
}
