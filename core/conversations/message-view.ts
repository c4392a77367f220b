import type { MessageEntity } from './message.entity';
import type { Channel } from '../channels/channel';

export interface MessageView {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  authorKind: 'customer' | 'bot' | 'agent' | 'system';
  authorAgentId: string | null;
  channel: Channel;
  body: string;
  createdAt: string;
}

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
