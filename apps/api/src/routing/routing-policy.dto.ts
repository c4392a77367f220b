import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../http/optional.decorator';
import { IsOptionalPageLimit } from '../http/page-limit.decorator';
import { IsIsoInstant } from '../http/is-iso-instant.validator';

export const MAX_DRY_RUN_SAMPLES = 5000;
const MAX_VERSION = 2_147_483_647;

/** Shown in the API docs; the real checks are core/routing/routing-policy.validation.ts. */
export const POLICY_EXAMPLE = {
  rules: [
    {
      name: 'VIP billing',
      when: { topics: ['billing'], minTopicConfidence: 0.6, customerTiers: ['vip'] },
      then: {
        teamId: '2f1c6b9e-8a4d-4c1e-9f3a-5b7d2e8c1a90',
        priority: 'high',
        slaPolicyId: '7d3e9a21-4b6c-4f8e-a1d2-3c5b7e9f0a12',
      },
    },
    {
      name: 'Angry after hours',
      when: {
        sentiments: ['negative'],
        businessHours: { calendarId: 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b', open: false },
      },
      then: { priority: 'urgent', addTags: ['after-hours'] },
    },
  ],
  fallback: { teamId: null },
};

const DOCUMENT_DESCRIPTION =
  'A routing policy: `rules` are tried in order and the first enabled rule whose `when` conditions all hold ' +
  'applies its `then` actions; `fallback` applies when none matches. Conditions: topics, minTopicConfidence, ' +
  'channels, priorities, sentiments, customerTiers, customerAttributes, languages, keywords, businessHours, ' +
  'hasOpenConversation. Actions: teamId, priority, addTags, requiredSkills, optionalSkills, slaPolicyId.';

const documentProperty = (required: boolean) =>
  (required ? ApiProperty : ApiPropertyOptional)({
    type: 'object',
    additionalProperties: true,
    description: DOCUMENT_DESCRIPTION,
    example: POLICY_EXAMPLE,
  });

const NoteField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: 500,
      description: 'Why this change; shown in the version history',
    }),
    IsOptional(),
    IsString(),
    MaxLength(500),
  );

export class SaveDraftDto {
  @documentProperty(true)
  @IsObject()
  document!: Record<string, unknown>;

  @NoteField()
  note?: string | null;
}

export class ValidatePolicyDto {
  @documentProperty(true)
  @IsObject()
  document!: Record<string, unknown>;
}

export class PublishDto {
  @NoteField()
  note?: string | null;
}

export class RollbackDto {
  @ApiProperty({ minimum: 1, example: 1, description: 'The earlier version whose document is published again' })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version!: number;

  @NoteField()
  note?: string | null;
}

export class DryRunDto {
  @documentProperty(false)
  @Optional()
  @IsObject()
  document?: Record<string, unknown>;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_DRY_RUN_SAMPLES,
    default: 200,
    description: 'Replay the last N routed conversations (by routing time); not with from/to',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_DRY_RUN_SAMPLES)
  last?: number;

  @ApiPropertyOptional({ description: 'Replay conversations routed at or after this instant (ISO 8601 with zone)' })
  @Optional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Replay conversations routed before this instant (ISO 8601 with zone)' })
  @Optional()
  @IsIsoInstant()
  to?: string;
}

export class VersionParam {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  @Max(MAX_VERSION)
  version!: number;
}

export class VersionsQuery {
  @IsOptionalPageLimit(100, 20)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only versions below this number (the next page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  before?: number;
}

export class AuditQuery {
  @IsOptionalPageLimit(500, 50)
  limit?: number;
}
