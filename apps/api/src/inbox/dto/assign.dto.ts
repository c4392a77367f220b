import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';

export class AssignDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    description: 'The agent to assign or transfer to; null unassigns and returns the conversation to the queue',
  })
  @ValidateIf((_dto: AssignDto, value: unknown) => value !== null)
  @IsUUID('loose', { message: 'agentId must be an agent id or null' })
  agentId!: string | null;

  @ApiPropertyOptional({ description: 'Why, kept in the assignment history', example: 'Needs billing expertise' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}
