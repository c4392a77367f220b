import { Module } from '@nestjs/common';
import { FailedMessageRepository } from '../../../../core/conversations/failed-message.repository';
import { repositoryProvider } from '../core/repository.provider';
import { FailedMessagesController } from './failed-messages.controller';
import { FailedMessagesService } from './failed-messages.service';

/** Dead letters of the conversation workflow: list and retry (GET /admin/failed-messages). */
@Module({
  controllers: [FailedMessagesController],
  providers: [FailedMessagesService, repositoryProvider(FailedMessageRepository)],
})
export class FailedMessagesModule {}
