import { readFileSync, rmSync, writeFileSync } from 'node:fs';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/**
 * The pid recorded on the first line of `file` when that process still runs and its command line contains every one
 * of `marks` (so a recycled pid is never mistaken for ours). Without /proc the command line cannot be checked: a live
 * pid counts. (PostgreSQL's postmaster.pid has the pid on its first line too.)
 */
export function livePidFrom(file: string, marks: string[]): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').split('\n')[0].trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) {
    return undefined;
  }
  const command = commandLine(pid);
  return command === undefined || marks.every((mark) => command.includes(mark)) ? pid : undefined;
}

export function writePidFile(file: string, pid: number): void {
  writeFileSync(file, `${pid}\n`);
}

export function removePidFile(file: string): void {
  rmSync(file, { force: true });
}

/** Resolves once `pid` has exited (polling, since it need not be our child), or after `timeoutMs` with false. */
export async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
