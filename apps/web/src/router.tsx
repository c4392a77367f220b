// A small history router for /app/...: the current path, and navigate() that pushes a new one.
import { useEffect, useState } from 'react';

export const APP_BASE = '/app';

export function navigate(path: string): void {
  window.history.pushState(null, '', `${APP_BASE}${path}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The path below /app, e.g. "/conversations/<id>"; "/" for the inbox itself. */
export function usePath(): string {
  const read = () => window.location.pathname.replace(/^\/app/, '') || '/';
  const [path, setPath] = useState(read);
  useEffect(() => {
    const update = () => setPath(read());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}
