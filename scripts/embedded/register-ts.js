// Build-free TypeScript for `npm start`, `start:api`, `start:worker` and `seed` (`node -r <this file> entry.ts`):
// ts-node's transpile-only hook with SWC, which emits Nest's decorator metadata and starts in about a second.
// (`ts-node --swc entry.ts` would be shorter, but with `module: node20` its CLI hands .ts entries to Node's ESM loader.)
// Set in the environment so that child processes inherit it.
process.env.TS_NODE_SWC = 'true';
require('ts-node/register/transpile-only');
