import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ConversationIdParam } from './dto/conversation-id.param';
import { CreateSessionDto } from './dto/create-session.dto';
import { RefreshSessionDto } from './dto/refresh-session.dto';
import { SendMessageDto } from './dto/send-message.dto';
import { StreamQueryDto } from './dto/stream-query.dto';
import { CurrentVisitor, VisitorTokenExpiry } from './current-visitor.decorator';
import type { Visitor } from './visitor';
import { AcceptsVisitorTokenInQuery, bearerToken, VisitorAuthGuard } from './visitor-auth.guard';
import { WidgetRateLimitGuard, WidgetReadRateLimitGuard } from './widget-rate-limit.guard';
import { WidgetSessionService } from './widget-session.service';
import { WidgetStreamService } from './widget-stream.service';
import { WidgetService } from './widget.service';
import { AcceptedMessageView, SessionView, WidgetConversationView, WidgetMessageView } from './widget.views';

/** The website chat widget's public API: no agent auth; a visitor token from POST /widget/sessions. */
@ApiTags('widget')
@Controller('widget')
export class WidgetController {
  constructor(
    private readonly sessions: WidgetSessionService,
    private readonly widget: WidgetService,
    private readonly streams: WidgetStreamService,
  ) {}

  @Post('sessions')
  @UseGuards(WidgetRateLimitGuard)
  @ApiOperation({ summary: 'Start a visitor session, or resume the one a still-valid visitor token names' })
  @ApiHeader({ name: 'Authorization', required: false, description: 'Bearer <visitorToken> to resume that visitor' })
  @ApiCreatedResponse({ type: SessionView })
  startSession(@Body() body: CreateSessionDto, @Headers('authorization') authorization?: string) {
    return this.sessions.start(body, bearerToken(authorization));
  }

  @Post('sessions/refresh')
  @HttpCode(200)
  @UseGuards(WidgetRateLimitGuard)
  @ApiOperation({
    summary: 'Swap a refresh token for a new access token and refresh token (the old one stops working)',
  })
  @ApiOkResponse({ type: SessionView })
  refreshSession(@Body() body: RefreshSessionDto) {
    return this.sessions.refresh(body.refreshToken);
  }

  @Delete('sessions/current')
  @HttpCode(204)
  @UseGuards(VisitorAuthGuard, WidgetRateLimitGuard)
  @ApiBearerAuth('visitor')
  @ApiOperation({ summary: "Sign the visitor out: revoke this session's tokens and end its streams" })
  @ApiNoContentResponse()
  endSession(@CurrentVisitor() visitor: Visitor) {
    return this.sessions.end(visitor);
  }

  @Post('messages')
  @HttpCode(202)
  @UseGuards(VisitorAuthGuard, WidgetRateLimitGuard)
  @ApiBearerAuth('visitor')
  @ApiOperation({ summary: "Send a visitor message; the conversation's workflow stores it (once per clientMessageId)" })
  @ApiAcceptedResponse({ type: AcceptedMessageView })
  send(@CurrentVisitor() visitor: Visitor, @Body() body: SendMessageDto) {
    return this.widget.send(visitor, body);
  }

  @Get('conversations')
  @UseGuards(VisitorAuthGuard, WidgetReadRateLimitGuard)
  @ApiBearerAuth('visitor')
  @ApiOperation({ summary: "The visitor's conversations, newest first" })
  @ApiOkResponse({ type: [WidgetConversationView] })
  conversations(@CurrentVisitor() visitor: Visitor) {
    return this.widget.listConversations(visitor);
  }

  @Get('conversations/:id/messages')
  @UseGuards(VisitorAuthGuard, WidgetReadRateLimitGuard)
  @ApiBearerAuth('visitor')
  @ApiOperation({ summary: "A conversation's messages, oldest first (404 unless it is the visitor's)" })
  @ApiOkResponse({ type: [WidgetMessageView] })
  history(@CurrentVisitor() visitor: Visitor, @Param() { id }: ConversationIdParam) {
    return this.widget.history(visitor, id);
  }

  @Get('stream')
  @UseGuards(VisitorAuthGuard, WidgetReadRateLimitGuard)
  @AcceptsVisitorTokenInQuery()
  @ApiBearerAuth('visitor')
  @ApiOperation({ summary: "Server-Sent Events: every message of the visitor's conversations (event: message)" })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this seq (sent by EventSource)' })
  @ApiOkResponse({
    description: 'id: <seq>, event: message, data: a WidgetMessageView as JSON',
    type: WidgetMessageView,
  })
  stream(
    @CurrentVisitor() visitor: Visitor,
    @VisitorTokenExpiry() tokenExpiresAt: Date,
    @Query() query: StreamQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ) {
    return this.streams.open({ visitor, tokenExpiresAt }, response, lastEventId, query.after);
  }
}
