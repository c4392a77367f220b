import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class TeamNameDto {
  @ApiProperty({ example: 'Billing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}

export class TeamMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The complete membership; replaces the current one' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('loose', { each: true })
  agentIds!: string[];
}

export class TeamView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) memberIds!: string[];
  @ApiProperty() createdAt!: Date;
}
