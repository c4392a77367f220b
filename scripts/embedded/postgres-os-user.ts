import { execFileSync } from 'node:child_process';
import { chmodSync, lchownSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Who the embedded PostgreSQL runs as: nobody else when we are not root (undefined), else the `postgres` user. */
export interface PostgresOsUser {
  uid: number;
  gid: number;
}

export const POSTGRES_OS_USER = 'postgres';

const log = (line: string) => process.stdout.write(`${'start'.padEnd(8)}| ${line}\n`);

function idOf(flag: '-u' | '-g'): number | undefined {
  try {
    return Number(execFileSync('id', [flag, POSTGRES_OS_USER], { encoding: 'utf8', stdio: 'pipe' }).trim());
  } catch {
    return undefined;
  }
}

function lookUp(): PostgresOsUser | undefined {
  const uid = idOf('-u');
  const gid = idOf('-g');
  return uid === undefined || gid === undefined ? undefined : { uid, gid };
}

/** A system user without a home or a login shell, as Debian's postgresql package creates it. */
function createUser(): PostgresOsUser {
  try {
    const options = ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent'];
    execFileSync('useradd', [...options, '--shell', '/usr/sbin/nologin', POSTGRES_OS_USER], { stdio: 'pipe' });
  } catch (error) {
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    throw new Error(
      `PostgreSQL refuses to run as root and there is no "${POSTGRES_OS_USER}" user to run it as; creating one ` +
        `failed (${why}). Create it (useradd --system --user-group ${POSTGRES_OS_USER}), run npm start as a ` +
        'regular user, or set DATABASE_URL.',
      { cause: error },
    );
  }
  const user = lookUp();
  if (!user) {
    throw new Error(`Created the "${POSTGRES_OS_USER}" user, but id cannot find it`);
  }
  log(`Created the system user "${POSTGRES_OS_USER}" to run the embedded PostgreSQL (it refuses to run as root)`);
  return user;
}

/**
 * PostgreSQL refuses to run as root: as root, the embedded server runs as the `postgres` OS user (created as a system
 * user when missing, as on a fresh Debian with only Node installed). Run by anyone else, it runs as them.
 */
export function postgresOsUser(): PostgresOsUser | undefined {
  if (process.getuid?.() !== 0) {
    return undefined;
  }
  return lookUp() ?? createUser();
}

function canSearch(dir: string, user: PostgresOsUser): boolean {
  const { mode, uid, gid } = statSync(dir);
  return uid === user.uid ? (mode & 0o100) !== 0 : gid === user.gid ? (mode & 0o010) !== 0 : (mode & 0o001) !== 0;
}

/**
 * Lets `user` reach `target` inside `dataDir`: `dataDir` (ours: created by npm start, or named by THREADLINE_DATA_DIR)
 * gets search permission for others when it lacks it (e.g. a mktemp -d); any other ancestor it cannot pass is an error.
 */
export function ensureReachable(dataDir: string, user: PostgresOsUser): void {
  if (!canSearch(dataDir, user)) {
    chmodSync(dataDir, statSync(dataDir).mode | 0o001);
  }
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    if (!canSearch(dir, user)) {
      throw new Error(
        `The "${POSTGRES_OS_USER}" user that runs the embedded PostgreSQL cannot enter ${dir}, on the way to ` +
          `${dataDir}: allow it (chmod o+x ${dir}) or set THREADLINE_DATA_DIR to a directory it can reach`,
      );
    }
    if (dir === dirname(dir)) {
      return;
    }
  }
}

/** Makes `user` the owner of `dir` and everything in it (files copied in or left by a root process included). */
export function chownTree(dir: string, user: PostgresOsUser): void {
  lchownSync(dir, user.uid, user.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      chownTree(path, user);
    } else {
      lchownSync(path, user.uid, user.gid);
    }
  }
}
