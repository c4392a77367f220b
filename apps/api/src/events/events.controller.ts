import { Controller, Get, Headers, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { CurrentTokenHash } from '../auth/token-hash.decorator';
import { AgentEventStreamService } from './agent-event-stream.service';
import { EventStreamQuery } from './dto/event-stream.query';

@ApiTags('events')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('events')
export class EventsController {
  constructor(private readonly streams: AgentEventStreamService) {}

  @Get('stream')
  @ApiOperation({
    summary: "Server-Sent Events: the caller's tenant's conversation events (SLA breaches, assignments, …)",
    description:
      'Authenticate with Authorization: Bearer <token>. The browser EventSource cannot send that header, and the ' +
      'token is not accepted in the URL (URLs end up in logs): read the stream with fetch() and a streaming body ' +
      '(or an EventSource polyfill that sends headers), passing Last-Event-ID yourself when reconnecting.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id' })
  @ApiOkResponse({
    description: 'id: <event id>, event: <type>, data: {id, conversationId, type, actor, data, createdAt} as JSON',
  })
  stream(
    @CurrentAgent() agent: AuthenticatedAgent,
    @CurrentTokenHash() tokenHash: string,
    @Query() query: EventStreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ) {
    return this.streams.open(agent, tokenHash, response, { lastEventId, after: query.after, types: query.types });
  }
}
