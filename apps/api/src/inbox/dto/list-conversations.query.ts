import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ArrayMaxSize,
  Max,
  Min,
} from 'class-validator';
import { CHANNELS, type Channel } from '../../../../../core/channels/channel';
import {
  CONVERSATION_STATUSES,
  PRIORITIES,
  type ConversationStatus,
  type Priority,
} from '../../../../../core/conversations/conversation-status';
import { INBOX_SORTS, type InboxSort } from '../../../../../core/conversations/conversation-inbox.repository';
import { SENTIMENTS, type Sentiment } from '../../../../../core/triage/triage.types';
import { UUID_PATTERN } from '../../../../../core/platform/ids';
import { MAX_CURSOR_LENGTH } from '../inbox-cursor';
import { commaList, IsOptionalCommaListOf } from '../../http/comma-list';
import { IsOptionalPageLimit } from '../../http/page-limit.decorator';

export const ASSIGNEE_FILTER = new RegExp(`^(me|unassigned|any|${UUID_PATTERN})$`, 'i');

export class ListConversationsQuery {
  @ApiPropertyOptional({ description: `Comma list of ${CONVERSATION_STATUSES.join(', ')}`, example: 'open,snoozed' })
  @IsOptionalCommaListOf(CONVERSATION_STATUSES)
  status?: ConversationStatus[];

  @ApiPropertyOptional({ description: `Comma list of ${CHANNELS.join(', ')}`, example: 'email' })
  @IsOptionalCommaListOf(CHANNELS)
  channel?: Channel[];

  @ApiPropertyOptional({ description: '`me`, `unassigned`, `any` (default) or an agent id', example: 'me' })
  @IsOptional()
  @IsString()
  @Matches(ASSIGNEE_FILTER, { message: 'assignee must be me, unassigned, any or an agent id' })
  assignee?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('loose')
  teamId?: string;

  @ApiPropertyOptional({ description: 'A topic tag the conversation carries', example: 'billing' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  tag?: string;

  @ApiPropertyOptional({ description: `Comma list of ${PRIORITIES.join(', ')}`, example: 'high,urgent' })
  @IsOptionalCommaListOf(PRIORITIES)
  priority?: Priority[];

  @ApiPropertyOptional({ description: 'Comma list of topics, as their categories name them', example: 'Billing' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  topic?: string[];

  @ApiPropertyOptional({ description: `Comma list of ${SENTIMENTS.join(', ')}`, example: 'negative' })
  @IsOptionalCommaListOf(SENTIMENTS)
  sentiment?: Sentiment[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description: 'Only conversations whose topic was named with at least this confidence',
    example: 0.7,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minTopicConfidence?: number;

  @ApiPropertyOptional({ description: 'ISO 639-1 language code triage detected', example: 'en' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]{2,3}$/, { message: 'language must be an ISO 639 code such as en' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  language?: string;

  @ApiPropertyOptional({
    enum: INBOX_SORTS,
    default: 'last_activity',
    description: 'last_activity: newest first; customer: grouped by customer (by name), newest first within each',
  })
  @IsOptional()
  @IsIn(INBOX_SORTS)
  sort?: InboxSort;

  @IsOptionalPageLimit(100, 25)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, passed back unchanged' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_CURSOR_LENGTH)
  cursor?: string;
}
