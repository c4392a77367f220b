/** A file that came with an inbound message, as the channel described it (the bytes live in attachment storage). */
export interface InboundAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Where the stored bytes are, once attachment storage keeps them; null when only described. */
  storageRef?: string | null;
}

/** What a channel knows about an inbound message beyond its text; chat messages from the widget have none of it. */
export interface InboundEnvelope {
  /** The vendor that carried the message (`twilio`, `sendgrid`, …). */
  provider?: string | null;
  /** The sender's address on the channel (an email address, an E.164 phone number) and the name it gave. */
  from?: { address: string; displayName?: string | null };
  subject?: string | null;
  /** The vendor's own id of this message (Twilio's MessageSid, an email's Message-ID). */
  providerMessageId?: string | null;
  /** Threading references (email In-Reply-To and References), oldest first. */
  threading?: { inReplyTo?: string | null; references?: string[] };
  attachments?: InboundAttachment[];
  /** Where the untouched payload the vendor sent is kept, for audit and re-parsing. */
  rawPayloadRef?: string | null;
}

/** One customer message as a channel delivers it, before it is stored. */
export interface InboundMessage {
  /** Provider or client id; the message is stored once per (tenant, channel, externalId). */
  externalId: string;
  body: string;
  receivedAt: string;
  /** Set by channels other than chat; its presence never changes how the conversation treats the message. */
  envelope?: InboundEnvelope;
}
