import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type Request, type Response } from 'express';

/** The repository's dist/ui, from this file in source (apps/api/src/ui) or compiled (dist/apps/api/src/ui). */
function defaultUiDir(): string {
  const candidates = [resolve(__dirname, '../../../../dist/ui'), resolve(__dirname, '../../../../../dist/ui')];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0];
}

/**
 * Serves the agent inbox (apps/web, built into <uiDir>/web) at /app: hashed assets cached for a year, index.html never
 * cached and answered for every deep link (/app/conversations/<id>), and `/` redirected to /app/. Without a build it
 * answers 503 with the command that makes one.
 */
export function serveInboxApp(app: INestApplication, uiDir = defaultUiDir()): void {
  const root = join(uiDir, 'web');
  const index = join(root, 'index.html');
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.get('/', (_request: Request, response: Response) => response.redirect(302, '/app/'));
  server.use(
    '/app/assets',
    express.static(join(root, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  server.get(['/app', '/app/{*path}'], (_request: Request, response: Response) => {
    if (!existsSync(index)) {
      response
        .status(503)
        .type('text/plain')
        .send('The inbox web app has not been built: run `npm run build:ui` (npm install does it too).\n');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
