import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class StreamQueryDto {
  @ApiPropertyOptional({
    description:
      'Visitor access token (never the refresh token), for EventSource, which cannot send an Authorization header',
  })
  @IsOptional()
  @IsString()
  token?: string;

  @ApiPropertyOptional({
    description: 'Send messages after this seq (0 = the whole history); default: only new ones. Last-Event-ID wins.',
    example: '0',
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'after must be a message seq (digits)' })
  after?: string;
}
