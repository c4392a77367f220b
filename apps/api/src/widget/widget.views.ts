import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ConversationEntity } from '../../../../core/conversations/conversation.entity';
import type { MessageEntity } from '../../../../core/conversations/message.entity';
import { CHANNELS, type Channel } from '../../../../core/channels/channel';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../../../core/conversations/conversation-status';
import {
  AUTHOR_KINDS,
  MESSAGE_DIRECTIONS,
  type AuthorKind,
  type MessageDirection,
} from '../../../../core/conversations/message';
import { toMessageView } from '../../../../core/conversations/message-view';
import type { MessageView } from '../../../../workflows/conversation.definitions';

export class SessionView {
  @ApiProperty({
    description:
      'Short-lived access token: send as Authorization: Bearer <visitorToken> (or ?token= on /widget/stream); ' +
      'get a new one with POST /widget/sessions/refresh before expiresAt',
  })
  visitorToken!: string;
  @ApiProperty({ format: 'date-time', description: 'When visitorToken expires' }) expiresAt!: string;
  @ApiProperty({
    description: 'Send to POST /widget/sessions/refresh for a new pair; each refresh token works once',
  })
  refreshToken!: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() visitorId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
}

export class AcceptedMessageView {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty() clientMessageId!: string;
  @ApiProperty({ enum: ['accepted'] }) status!: 'accepted';
}

export class CitationView {
  @ApiProperty({ format: 'uuid' }) articleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() snippet!: string;
}

export class WidgetMessageView implements MessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Stream position; the SSE event id' }) seq!: string;
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ enum: MESSAGE_DIRECTIONS }) direction!: MessageDirection;
  @ApiProperty({ enum: AUTHOR_KINDS }) authorKind!: AuthorKind;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) authorAgentId!: string | null;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [CitationView] }) citations!: CitationView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WidgetConversationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONVERSATION_STATUSES }) status!: ConversationStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) subject!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastActivityAt!: string;
}

/** The shared MessageView, plus what a widget needs: the stream position and the bot's sources. */
export function toWidgetMessage(row: MessageEntity): WidgetMessageView {
  return {
    ...toMessageView(row),
    seq: String(row.seq),
    citations: row.citations.map(({ articleId, title, snippet }) => ({ articleId, title, snippet })),
  };
}

export function toWidgetConversation(row: ConversationEntity): WidgetConversationView {
  return {
    id: row.id,
    status: row.status,
    subject: row.subject,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}
