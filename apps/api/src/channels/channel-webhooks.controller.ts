import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ChannelWebhookParams } from './channel-webhook.params';
import { ChannelWebhooksService } from './channel-webhooks.service';

/**
 * Every vendor's webhooks, one route shape: /channels/:channel/:provider/:token/:hook. The adapter of that channel
 * and provider reads the request; adding a channel adds an adapter, never a route.
 */
@ApiTags('channels')
@Controller('channels')
export class ChannelWebhooksController {
  constructor(private readonly webhooks: ChannelWebhooksService) {}

  @Post(':channel/:provider/:token/:hook')
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOperation({
    summary: 'A channel provider calls this with customer messages or delivery statuses (signed by the provider)',
  })
  @ApiOkResponse({ description: 'Accepted; the body is whatever the provider expects (empty for most)' })
  async receive(
    @Param() params: ChannelWebhookParams,
    @Body() body: unknown,
    @Req() request: Request & { rawBody?: Buffer },
    @Res() response: Response,
  ): Promise<void> {
    const reply = await this.webhooks.receive(params, {
      url: `${request.protocol}://${request.get('host') ?? 'localhost'}${request.originalUrl}`,
      headers: request.headers,
      body: body ?? {},
      rawBody: request.rawBody ?? null,
    });
    if (reply) {
      response.status(200).type(reply.contentType).send(reply.body);
      return;
    }
    response.status(200).end();
  }
}
