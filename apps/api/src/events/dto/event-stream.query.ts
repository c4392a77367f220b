import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsOptional, Matches } from 'class-validator';
import { commaList } from '../../http/comma-list';

export class EventStreamQuery {
  @ApiPropertyOptional({
    description: 'Comma list of event types to send (default: every type)',
    example: 'sla_breached,assigned',
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { each: true, message: 'types must be event type names (a-z, 0-9, _)' })
  types?: string[];

  @ApiPropertyOptional({
    description: 'Send events after this event id (0 = all kept); default: only new ones. Last-Event-ID wins.',
    example: '0',
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'after must be an event id (digits)' })
  after?: string;
}
