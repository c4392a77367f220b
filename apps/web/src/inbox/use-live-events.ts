import { useEffect, useRef, useState } from 'react';
import { readEventStream, type StreamEvent } from '../api/event-stream';

/** How often the open list and conversation are re-read while the tab is visible, for changes no event announces. */
const POLL_MS = 5000;

/**
 * Live updates: every event on the agent's stream is passed to `onEvent` (the inbox re-reads what it names), and a
 * visible tab also re-reads every few seconds, since a customer's new message is not an event of its own.
 */
export function useLiveEvents(onEvent: (event: StreamEvent | null) => void): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const abort = new AbortController();
    void readEventStream('/events/stream', (event) => handler.current(event), abort.signal, setConnected);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') {
        handler.current(null);
      }
    }, POLL_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, []);
  return connected;
}
