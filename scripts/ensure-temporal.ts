import { spawn } from 'node:child_process';
import { access, constants, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_PACKAGE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;

/** Where the Temporal CLI is cached when it is not on PATH. */
export function temporalCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(cacheHome, 'threadline', 'bin');
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && (await isExecutable(join(dir, name)))) {
      return join(dir, name);
    }
  }
  return undefined;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
      }
    });
  });
}

/**
 * Returns the path of a `temporal` CLI: the one on PATH, else the cached build, else builds it into the cache
 * with `go install` (a few minutes, once per machine).
 */
export async function ensureTemporalBinary(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const onPath = await findOnPath('temporal', env);
  if (onPath) {
    return onPath;
  }
  const cacheDir = temporalCacheDir(env);
  const cached = join(cacheDir, 'temporal');
  if (await isExecutable(cached)) {
    return cached;
  }
  await mkdir(cacheDir, { recursive: true });
  process.stderr.write(
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} into ${cacheDir} (takes a few minutes, once)...\n`,
  );
  const started = Date.now();
  await run('go', ['install', '-v', TEMPORAL_CLI_PACKAGE], { ...env, CGO_ENABLED: '0', GOBIN: cacheDir });
  if (!(await isExecutable(cached))) {
    throw new Error(`go install finished but ${cached} is missing`);
  }
  process.stderr.write(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)}s\n`);
  return cached;
}

if (require.main === module) {
  ensureTemporalBinary().then(
    (path) => console.log(path),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
