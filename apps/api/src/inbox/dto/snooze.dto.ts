import { ApiProperty } from '@nestjs/swagger';
import { IsFutureIsoDate } from './is-future-iso-date.validator';

export class SnoozeDto {
  @ApiProperty({ format: 'date-time', description: 'When the conversation comes back; must be in the future' })
  @IsFutureIsoDate()
  until!: string;
}
