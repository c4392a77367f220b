import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import type { Client } from '@temporalio/client';

export const HISTORIES_DIR = join(__dirname, '..', 'histories');

/**
 * With RECORD_HISTORIES=1 (`npm run histories:record`), saves a scenario's workflow history under tests/histories,
 * where the replay test checks every later change to the workflow code against it.
 */
export async function recordHistory(client: Client, workflowId: string, name: string, runId?: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') {
    return;
  }
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  // HISTORIES_SUFFIX=v2 records beside the older files (`name.v2.json`), so both code paths keep being replayed.
  const suffix = process.env.HISTORIES_SUFFIX ? `.${process.env.HISTORIES_SUFFIX}` : '';
  await writeFile(
    join(HISTORIES_DIR, `${name}${suffix}.json`),
    historyToJSON(temporal.api.history.v1.History.create(history)),
  );
}
