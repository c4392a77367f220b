import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsObject, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../http/optional.decorator';
import { IsIsoInstant } from '../http/is-iso-instant.validator';

const WEEKLY_EXAMPLE = {
  mon: [{ start: '09:00', end: '17:00' }],
  tue: [{ start: '09:00', end: '17:00' }],
  wed: [
    { start: '09:00', end: '12:30' },
    { start: '13:30', end: '17:00' },
  ],
  thu: [{ start: '09:00', end: '17:00' }],
  fri: [{ start: '09:00', end: '16:00' }],
};

/** A whole calendar; the schedule's fields are checked by core/sla/business-hours.validation.ts. */
export class BusinessHoursDto {
  @ApiProperty({ example: 'London office' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'Europe/London', description: 'IANA time zone the periods and holidays are read in' })
  @IsString()
  @MaxLength(100)
  timeZone!: string;

  @ApiProperty({
    example: WEEKLY_EXAMPLE,
    description:
      "Opening periods per weekday (mon..sun), 'HH:MM' 24h, end exclusive and may be '24:00'; absent = closed",
  })
  @IsObject()
  weekly!: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], example: ['2026-12-25'], description: 'Local dates closed all day' })
  @Optional()
  @IsArray()
  holidays?: unknown[];
}

export class OpenAtQuery {
  @ApiPropertyOptional({
    description: 'Instant to test (ISO 8601 with zone); default now',
    example: '2026-03-02T09:30:00Z',
  })
  @Optional()
  @IsIsoInstant()
  at?: string;
}

export class OpeningPeriodView {
  @ApiProperty({ example: '09:00' }) start!: string;
  @ApiProperty({ example: '17:00' }) end!: string;
}

export class BusinessHoursView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ example: WEEKLY_EXAMPLE }) weekly!: Record<string, OpeningPeriodView[]>;
  @ApiProperty({ type: [String] }) holidays!: string[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class OpenAtView {
  @ApiProperty({ description: 'The instant tested' }) at!: string;
  @ApiProperty() open!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'First open instant at or after `at` (equal to `at` when open); null when the calendar never opens',
  })
  nextOpening!: string | null;
}
