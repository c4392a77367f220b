import { Injectable, Logger } from '@nestjs/common';
import { ConversationGateway } from '../temporal/conversation-gateway';

/**
 * Wakes a tenant's assignment dispatcher after a strategy or membership change, which may let queued conversations
 * be assigned now. The change is already stored and the dispatcher also sweeps periodically, so a failed signal is logged.
 */
@Injectable()
export class QueueNotifier {
  private readonly logger = new Logger('Assignment');

  constructor(private readonly gateway: ConversationGateway) {}

  async queueChanged(tenantId: string): Promise<void> {
    try {
      await this.gateway.notifyQueueChanged(tenantId);
    } catch (error) {
      this.logger.warn(`Could not notify the assignment queue of tenant ${tenantId}: ${String(error)}`);
    }
  }
}
