import type { ReactNode } from 'react';

/** The frame of one admin screen: its heading, a line on what it is for, and a scrolling body. */
export function AdminPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <main className="admin-page" aria-labelledby="admin-title">
      <div className="admin-body">
        <h1 id="admin-title">{title}</h1>
        <p className="muted admin-intro">{intro}</p>
        {children}
      </div>
    </main>
  );
}

/** What an admin screen shows while its data loads or when it could not be read. */
export function LoadState({ error }: { error: string | null }) {
  return error ? (
    <p className="form-error" role="alert">
      Could not load: {error}
    </p>
  ) : (
    <p className="muted">Loading…</p>
  );
}
