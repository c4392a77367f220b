import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { CHANNELS, type Channel } from '../../../../core/channels/channel';

const SEGMENT = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** The path of a provider webhook: /channels/:channel/:provider/:token/:hook. */
export class ChannelWebhookParams {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel!: Channel;

  @ApiProperty({ example: 'twilio', description: 'The vendor carrying the channel' })
  @Matches(SEGMENT, { message: 'provider must be a lower-case name' })
  provider!: string;

  /** A wrong token of any shape is a 404 (the service's), so the route tells nothing about which tokens exist. */
  @ApiProperty({ description: "The channel inbox's webhook token, given when the inbox was created" })
  @IsString()
  @MaxLength(200, { message: 'token is too long' })
  token!: string;

  @ApiProperty({ example: 'status', description: 'Which of the provider’s webhooks: inbound, status, …' })
  @Matches(SEGMENT, { message: 'hook must be a lower-case name' })
  hook!: string;
}
