import type { RequestHandler } from 'express';
import compression from 'compression';

/** Responses smaller than this go out as they are: compressing them costs more than it saves. */
const COMPRESS_ABOVE_BYTES = 1024;

/**
 * gzip/deflate for response bodies over 1 KB that the client accepts compressed (a conversation's detail, long
 * lists, the OpenAPI document). Event streams are never compressed: a compressor holds bytes back until its buffer
 * fills, and each server-sent event must reach the browser the moment it is written.
 */
export function responseCompression(): RequestHandler {
  return compression({
    threshold: COMPRESS_ABOVE_BYTES,
    filter: (request, response) => {
      const contentType = String(response.getHeader('Content-Type') ?? '');
      if (contentType.startsWith('text/event-stream') || request.headers.accept === 'text/event-stream') {
        return false;
      }
      return compression.filter(request, response);
    },
  });
}
