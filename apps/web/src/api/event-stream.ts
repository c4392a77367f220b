import { authHeaders } from './http';

export interface StreamEvent {
  id: string;
  type: string;
  data: unknown;
}

/**
 * Reads the agent event stream (GET /events/stream). The browser's EventSource cannot send the bearer header, so this
 * reads the server-sent events from fetch()'s body; it reconnects after a drop with Last-Event-ID, so nothing is
 * missed, and stops when `signal` aborts.
 */
export async function readEventStream(
  path: string,
  onEvent: (event: StreamEvent) => void,
  signal: AbortSignal,
  onConnected: (connected: boolean) => void = () => undefined,
): Promise<void> {
  let lastEventId: string | undefined;
  let retryMs = 1000;
  while (!signal.aborted) {
    try {
      const response = await fetch(path, {
        headers: {
          ...authHeaders(),
          accept: 'text/event-stream',
          ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
        },
        signal,
      });
      if (!response.ok || !response.body) {
        throw new Error(`event stream answered ${response.status}`);
      }
      onConnected(true);
      retryMs = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value;
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const parsed = parseBlock(block);
          if (parsed) {
            lastEventId = parsed.id || lastEventId;
            onEvent(parsed);
          }
        }
      }
    } catch {
      if (signal.aborted) {
        return;
      }
    }
    onConnected(false);
    await new Promise((resolve) => setTimeout(resolve, retryMs));
    retryMs = Math.min(retryMs * 2, 15_000);
  }
}

function parseBlock(block: string): StreamEvent | undefined {
  let id = '';
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') {
      id = value;
    } else if (field === 'event') {
      type = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (!data.length) {
    return undefined;
  }
  const text = data.join('\n');
  try {
    return { id, type, data: JSON.parse(text) };
  } catch {
    return { id, type, data: text };
  }
}
