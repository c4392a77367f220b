import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (scripts/embedded/ is two levels down). */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/**
 * Where `npm start` keeps its embedded database, Temporal state and generated secret: THREADLINE_DATA_DIR (relative
 * paths from the repository root) or .data/.
 */
export function ensureDataDir(env: NodeJS.ProcessEnv): string {
  const dir = resolve(REPO_ROOT, env.THREADLINE_DATA_DIR || '.data');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The visitor-token signing secret: VISITOR_TOKEN_SECRET when set, else one generated on first start and kept in the
 * data dir (owner-only), so visitor tokens stay valid across restarts.
 */
export function visitorTokenSecret(env: NodeJS.ProcessEnv, dataDir: string): string {
  return env.VISITOR_TOKEN_SECRET || storedSecret(dataDir, 'visitor-token-secret');
}

/** A random secret kept in `dataDir/name` (owner-only): generated on first use, the same one on every later start. */
export function storedSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored !== '') {
      return stored;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
