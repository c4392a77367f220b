/**
 * Prebuilds the workflow bundle for production workers: `npm run build:workflows [-- out.js]`, then start the
 * worker with WORKFLOW_BUNDLE_PATH pointing at it (no webpack at start, and every worker runs the same code).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows') });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, code);
  console.log(`Workflow bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
  console.log(`Start workers with WORKFLOW_BUNDLE_PATH=${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
