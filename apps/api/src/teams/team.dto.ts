import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategy } from '../../../../core/assignment/assignment.types';
import { Optional } from '../http/optional.decorator';

export const MAX_SKILL_RELAX_SECONDS = 86_400;

export class TeamNameDto {
  @ApiProperty({ example: 'Billing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}

const OptionalWeight = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, maximum: 100, example: 1 }),
    Optional(),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(100),
  );

/** How much each channel's load counts in the capacity strategy's tie-break; omitted channels keep their weight. */
export class CapacityWeightsDto {
  @OptionalWeight() chat?: number;
  @OptionalWeight() email?: number;
  @OptionalWeight() sms?: number;
}

const strategyDescription =
  'round_robin: whoever was assigned from this queue longest ago; capacity: the least utilised on the channel, ' +
  'then the lowest weighted overall load; skill: the most optional skills matched (until skillRelaxAfterSeconds ' +
  'every optional skill is required), then capacity; channel: specialists serving fewer channels first, then capacity';

export class UpdateTeamDto {
  @ApiPropertyOptional({ example: 'Billing' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STRATEGIES, description: strategyDescription })
  @Optional()
  @IsIn(ASSIGNMENT_STRATEGIES)
  assignmentStrategy?: AssignmentStrategy;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_SKILL_RELAX_SECONDS,
    description: 'Skill strategy: after this long in the queue, optional skills stop being required',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_SKILL_RELAX_SECONDS)
  skillRelaxAfterSeconds?: number;

  @ApiPropertyOptional({ type: CapacityWeightsDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => CapacityWeightsDto)
  capacityWeights?: CapacityWeightsDto;
}

export class TeamMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The complete membership; replaces the current one' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('loose', { each: true })
  agentIds!: string[];
}

export class AssignmentSettingsDto {
  @ApiProperty({
    enum: ASSIGNMENT_STRATEGIES,
    description: `For conversations in no team's queue. ${strategyDescription}`,
  })
  @IsIn(ASSIGNMENT_STRATEGIES)
  defaultStrategy!: AssignmentStrategy;
}

export class CapacityWeightsView {
  @ApiProperty() chat!: number;
  @ApiProperty() email!: number;
  @ApiProperty() sms!: number;
}

export class TeamView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) memberIds!: string[];
  @ApiProperty({ enum: ASSIGNMENT_STRATEGIES }) assignmentStrategy!: AssignmentStrategy;
  @ApiProperty() skillRelaxAfterSeconds!: number;
  @ApiProperty({ type: CapacityWeightsView }) capacityWeights!: CapacityWeightsView;
  @ApiProperty() createdAt!: Date;
}

export class AssignmentSettingsView {
  @ApiProperty({ enum: ASSIGNMENT_STRATEGIES }) defaultStrategy!: AssignmentStrategy;
}
