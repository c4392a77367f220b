import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  FAILED_MESSAGE_STATUSES,
  type FailedMessageStatus,
} from '../../../../core/conversations/failed-message.repository';
import { IsOptionalPageLimit } from '../http/page-limit.decorator';

export const FAILED_MESSAGES_PAGE_MAX = 100;
const MAX_OFFSET = 1_000_000;

export class ListFailedMessagesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this conversation's failed messages" })
  @IsOptional()
  @IsUUID('loose', { message: 'conversationId must be a UUID' })
  conversationId?: string;

  @ApiPropertyOptional({ enum: FAILED_MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(FAILED_MESSAGE_STATUSES)
  status?: FailedMessageStatus;

  @IsOptionalPageLimit(FAILED_MESSAGES_PAGE_MAX, 50)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}
