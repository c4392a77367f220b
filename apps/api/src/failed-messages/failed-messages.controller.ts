import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../http/id.param';
import { FailedMessagePageView, FailedMessageView } from './failed-message.view';
import { FailedMessagesService } from './failed-messages.service';
import { ListFailedMessagesQuery } from './list-failed-messages.query';

@ApiTags('failed messages')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Roles('admin')
@Controller('admin/failed-messages')
export class FailedMessagesController {
  constructor(private readonly failedMessages: FailedMessagesService) {}

  @Get()
  @ApiOperation({ summary: 'Inbound messages that could not be handled, newest first, with the reason (admin)' })
  @ApiOkResponse({ type: FailedMessagePageView })
  list(@CurrentAgent() admin: AuthenticatedAgent, @Query() query: ListFailedMessagesQuery) {
    return this.failedMessages.list(admin, query);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Re-deliver a failed message to its conversation (admin); a new failure updates the record',
  })
  @ApiAcceptedResponse({ type: FailedMessageView, description: 'Re-delivered; the conversation handles it next' })
  retry(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.failedMessages.retry(admin, id);
  }
}
