import type { MessageEntity } from '../db/entities';
import type { MessageView } from '../../workflows/conversation.definitions';

export function toMessageView(message: MessageEntity): MessageView {
  return {
    id: message.id,
    conversationId: message.conversationId,
    direction: message.direction,
    authorKind: message.authorKind,
    authorAgentId: message.authorAgentId,
    channel: message.channel,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
  };
}
