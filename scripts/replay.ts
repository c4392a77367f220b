/**
 * Replays a conversation's workflow history against the current workflow code and prints its events.
 *
 *   npm run replay -- <workflowId> [--run <runId>]   fetch the history from Temporal (TEMPORAL_ADDRESS)
 *   npm run replay -- --file history.json           replay a saved history (Temporal's JSON export format)
 *   npm run replay -- <workflowId> --save out.json  also save the fetched history for a regression test
 *
 * Exit code 0: deterministic. Exit code 1: the current code makes different decisions than the recorded run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describeHistoryEvent } from './replay/describe-history';

interface Options {
  workflowId?: string;
  runId?: string;
  file?: string;
  save?: string;
  quiet: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--file') {
      options.file = argv[++i];
    } else if (arg === '--run') {
      options.runId = argv[++i];
    } else if (arg === '--save') {
      options.save = argv[++i];
    } else if (arg === '--quiet') {
      options.quiet = true;
    } else if (!arg.startsWith('--')) {
      options.workflowId = arg;
    } else {
      throw new Error(`Unknown option ${arg}`);
    }
  }
  if (!options.workflowId && !options.file) {
    throw new Error('Usage: npm run replay -- <workflowId> [--run <runId>] [--save out.json] | --file history.json');
  }
  return options;
}

async function loadHistory(options: Options): Promise<temporal.api.history.v1.IHistory> {
  if (options.file) {
    return historyFromJSON(JSON.parse(await readFile(options.file, 'utf8')));
  }
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  try {
    const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
    return await client.workflow.getHandle(options.workflowId as string, options.runId).fetchHistory();
  } finally {
    await connection.close();
  }
}

const eventTypeName = (type: number) => temporal.api.enums.v1.EventType[type] ?? String(type);

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const history = await loadHistory(options);
  const events = history.events ?? [];
  if (options.save) {
    await writeFile(options.save, historyToJSON(temporal.api.history.v1.History.create(history)));
    console.log(`Saved ${events.length} events to ${options.save}`);
  }
  if (!options.quiet) {
    for (const event of events) {
      console.log(describeHistoryEvent(event, eventTypeName));
    }
  }
  const name = options.file ?? options.workflowId ?? 'history';
  try {
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../workflows'), replayName: name }, history);
    console.log(`\nDeterministic: the current workflow code replays ${name} (${events.length} events) exactly.`);
    return 0;
  } catch (error) {
    const kind = error instanceof DeterminismViolationError ? 'NOT deterministic' : 'Replay failed';
    console.error(`\n${kind}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
