// Loads something from the API when the screen opens and again on reload(): the admin screens never guess the result
// of a write, they read it back.
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, key = ''): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load()
      .then((value) => {
        if (!live) {
          return;
        }
        setData(value);
        setError(null);
      })
      .catch((reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      live = false;
    };
    // `load` is a fresh closure on every render; `key` and `round` say when to load again.
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, reload };
}
