import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { AssignDto } from './dto/assign.dto';
import { IdParam } from '../http/id.param';
import { ListConversationsQuery } from './dto/list-conversations.query';
import { ReplyDto } from './dto/reply.dto';
import { RetagDto } from './dto/retag.dto';
import { SnoozeDto } from './dto/snooze.dto';
import { AssignmentExplanationService } from './assignment-explanation.service';
import { InboxActionsService } from './inbox-actions.service';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('inbox/conversations')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly actions: InboxActionsService,
    private readonly explanations: AssignmentExplanationService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The tenant's conversations, filtered and keyset-paginated ({ items, nextCursor })" })
  list(@CurrentAgent() agent: AuthenticatedAgent, @Query() query: ListConversationsQuery) {
    return this.inbox.list(agent, query);
  }

  @Get(':id')
  @ApiOperation({ summary: "A conversation with its customer's complete history on every channel" })
  detail(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.inbox.detail(agent, id);
  }

  @Get(':id/assignment')
  @ApiOperation({
    summary: 'Why the assignee got it (candidates, scores, reason), the assignment history, and why it still waits',
  })
  assignment(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.explanations.explain(agent, id);
  }

  @Post(':id/replies')
  @ApiOperation({ summary: 'Send an agent reply on the conversation’s channel (idempotent per clientMessageId)' })
  reply(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: ReplyDto) {
    return this.actions.reply(agent, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign, transfer or unassign (null); assigning someone else requires an admin' })
  assign(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: AssignDto) {
    return this.actions.assign(agent, id, body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve the conversation' })
  resolve(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.actions.resolve(agent, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved or snoozed conversation' })
  reopen(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.actions.reopen(agent, id);
  }

  @Post(':id/snooze')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide the conversation until a future time' })
  snooze(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: SnoozeDto) {
    return this.actions.snooze(agent, id, body);
  }

  @Post(':id/pending')
  @HttpCode(200)
  @ApiOperation({ summary: 'Wait on the customer (open only): frees capacity until the customer writes back' })
  pend(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.actions.pend(agent, id);
  }

  @Put(':id/topic')
  @ApiOperation({ summary: "Correct the topic to one of the tenant's categories; the classifier learns from it" })
  retag(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: RetagDto) {
    return this.actions.retag(agent, id, body);
  }
}
