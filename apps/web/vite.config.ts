import { defineConfig } from 'vite';

// The agent inbox, served by the API under /app (apps/api/src/ui). scripts/build-ui.mjs sets the output folder.
export default defineConfig({
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 600 },
});
