/** One customer message as a channel delivers it, before it is stored. */
export interface InboundMessage {
  /** Provider or client id; the message is stored once per (tenant, channel, externalId). */
  externalId: string;
  body: string;
  receivedAt: string;
}
