import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AGENT_ROLES, AGENT_STATUSES, type AgentRole, type AgentStatus } from '../../../../core/agents/agent';
import { CHANNELS, type Channel } from '../../../../core/channels/channel';
import { Optional } from '../http/optional.decorator';
import { IsOptionalLabelList } from '../http/label-list.decorator';

/** Concurrent conversations an agent takes per channel; omitted channels keep their current (or default) value. */
export class CapacityDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(100)
  chat?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(100)
  email?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(100)
  sms?: number;
}

/** Fields an admin may set on create and on update. */
class AgentFieldsDto {
  @ApiPropertyOptional({ enum: AGENT_STATUSES })
  @Optional()
  @IsIn(AGENT_STATUSES)
  status?: AgentStatus;

  @ApiPropertyOptional({ type: [String], example: ['billing', 'spanish'] })
  @IsOptionalLabelList()
  skills?: string[];

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  @ApiPropertyOptional({ type: CapacityDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => CapacityDto)
  capacity?: CapacityDto;
}

export class CreateAgentDto extends AgentFieldsDto {
  @ApiProperty({ example: 'ana@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ana Souza' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: AGENT_ROLES })
  @IsIn(AGENT_ROLES)
  role!: AgentRole;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;
}

export class UpdateAgentDto extends AgentFieldsDto {
  @ApiPropertyOptional()
  @Optional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: AGENT_ROLES })
  @Optional()
  @IsIn(AGENT_ROLES)
  role?: AgentRole;

  @ApiPropertyOptional({ minLength: 8, maxLength: 200, description: 'Sets a new password' })
  @Optional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'true reactivates a deleted agent' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class OwnStatusDto {
  @ApiProperty({ enum: AGENT_STATUSES })
  @IsIn(AGENT_STATUSES)
  status!: AgentStatus;
}
