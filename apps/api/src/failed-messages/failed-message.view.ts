import { ApiProperty } from '@nestjs/swagger';
import {
  FAILED_MESSAGE_STATUSES,
  type FailedMessage,
  type FailedMessageStatus,
} from '../../../../core/conversations/failed-message.repository';

export class FailedInboundMessageView {
  @ApiProperty({ description: 'The channel or widget id the message is stored under (clientMessageId for chat)' })
  externalId!: string;
  @ApiProperty({ description: 'As received, except that characters PostgreSQL cannot store show as U+FFFD' })
  body!: string;
  @ApiProperty({ description: 'When the failed delivery reached the conversation' })
  receivedAt!: string;
}

export class FailedMessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ type: FailedInboundMessageView }) message!: FailedInboundMessageView;
  @ApiProperty({ description: 'The stored copy differs from the original (a NUL byte or unpaired surrogate replaced)' })
  sanitised!: boolean;
  @ApiProperty({ description: 'The workflow step that failed', example: 'takeBotTurn' })
  step!: string;
  @ApiProperty({
    description: 'PermanentDataError: bad data, retrying cannot help; otherwise the error kept recurring',
  })
  errorType!: string;
  @ApiProperty({ description: 'Why, in plain words' }) reason!: string;
  @ApiProperty({ description: 'Attempts of the failed step before it gave up' }) attempts!: number;
  @ApiProperty({ description: 'How many deliveries of this message failed (a failed retry counts again)' })
  failureCount!: number;
  @ApiProperty({ enum: FAILED_MESSAGE_STATUSES, description: 'retried: re-delivered since it last failed' })
  status!: FailedMessageStatus;
  @ApiProperty() retryCount!: number;
  @ApiProperty({ nullable: true, type: Date }) retriedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class FailedMessagePageView {
  @ApiProperty({ type: [FailedMessageView], description: 'Newest first' }) items!: FailedMessageView[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export const toFailedMessageView = (failed: FailedMessage): FailedMessageView => ({
  id: failed.id,
  conversationId: failed.conversationId,
  message: failed.message,
  sanitised: failed.sanitised,
  step: failed.step,
  errorType: failed.errorType,
  reason: failed.reason,
  attempts: failed.attempts,
  failureCount: failed.failureCount,
  status: failed.status,
  retryCount: failed.retryCount,
  retriedAt: failed.retriedAt,
  createdAt: failed.createdAt,
  updatedAt: failed.updatedAt,
});
