// Builds the browser apps (the agent inbox in apps/web, the chat widget in apps/widget) with Vite into dist/ui/<app>.
// Runs on `npm install` (postinstall) and from `npm start` when a bundle is missing, so a fresh clone needs no extra step.
// `node scripts/build-ui.mjs web` builds one app. Without Vite (a production install with --omit=dev) it says so and
// builds nothing: the API then answers the UI routes with a clear 503.
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const UI_APPS = ['web', 'widget'];

async function main() {
  const wanted = process.argv.slice(2);
  const apps = (wanted.length ? wanted : UI_APPS).filter((app) =>
    existsSync(join(root, 'apps', app, 'vite.config.ts')),
  );
  if (!apps.length) return;
  let vite;
  try {
    vite = await import('vite');
  } catch {
    process.stdout.write('build-ui: vite is not installed (dev dependencies omitted); skipping the browser apps\n');
    return;
  }
  for (const app of apps) {
    const appRoot = join(root, 'apps', app);
    await vite.build({
      root: appRoot,
      configFile: join(appRoot, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: join(root, 'dist', 'ui', app), emptyOutDir: true },
    });
    process.stdout.write(`build-ui: built apps/${app} into dist/ui/${app}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`build-ui: ${error?.stack ?? error}\n`);
  process.exit(1);
});
