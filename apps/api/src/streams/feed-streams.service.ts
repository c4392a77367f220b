import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OpenStreams, type OpenStreamsOptions, type PolledStream } from '../http/open-streams';

/** The LISTEN feed that wakes a service's streams; the service owns its lifetime. */
export interface StreamFeed {
  start(): Promise<void>;
  close(): Promise<void>;
}

export type FeedStreamsOptions<Stream, Position> = Omit<OpenStreamsOptions<Stream, Position>, 'credentials'> & {
  /** How often the open streams' credentials are checked (STREAM_CREDENTIAL_CHECK_MS). */
  credentialCheckMs: number;
};

/**
 * What every live-stream service shares (the visitors' message streams, the agents' event streams): the streams open
 * in this process with their safety-net poll and credential check, started after the feed that wakes them and closed
 * before it. A service adds how a stream opens and which streams' credentials lapsed.
 */
export abstract class FeedStreamsService<Stream extends PolledStream<Position>, Position>
  implements OnModuleInit, OnModuleDestroy
{
  protected readonly streams: OpenStreams<Stream, Position>;

  protected constructor(
    private readonly streamFeed: StreamFeed,
    { credentialCheckMs, ...options }: FeedStreamsOptions<Stream, Position>,
  ) {
    this.streams = new OpenStreams({
      ...options,
      credentials: { checkMs: credentialCheckMs, findLapsed: (streams) => this.findLapsed(streams) },
    });
  }

  /** The streams to end: their token expired or was revoked, or their session or agent is gone. */
  protected abstract findLapsed(streams: Stream[]): Promise<Stream[]>;

  async onModuleInit(): Promise<void> {
    await this.streamFeed.start();
    this.streams.startPolling();
  }

  async onModuleDestroy(): Promise<void> {
    this.streams.closeAll();
    await this.streamFeed.close();
  }

  get openStreams(): number {
    return this.streams.size;
  }
}
