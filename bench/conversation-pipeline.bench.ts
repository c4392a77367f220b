import 'reflect-metadata';
import { cpus } from 'node:os';
import { DEFAULT_WORKER_TUNING } from '../apps/worker/src/create-worker';
import { ActivityTimings } from './support/activity-timings';
import { loadBenchSettings, machineDescription, SQLITE_PRAGMAS } from './support/bench-settings';
import { startBenchStack } from './support/bench-stack';
import { seedBenchTenant } from './support/bench-tenant.seed';
import { historyStats } from './support/history-stats';
import { round } from './support/latency-stats';
import { profiled } from './support/cpu-profile';
import { openLoop } from './support/load-phases';
import { rampClosedLoop } from './support/closed-loop-ramp';
import { openConversations } from './support/open-conversations';
import { measureRawSignalWithStart } from './support/raw-signal-with-start';
import { latencyLine, log, memorySnapshot, resourceLine, runBench, section, target } from './support/report';
import { countPgQueries, ResourceMeter } from './support/resource-meter';
import { WidgetHttp } from './support/widget-http';
import { WidgetVisitor } from './support/widget-visitor';

const RATIO_TARGET = 0.5;
const P99_TARGET_MS = 300;

/**
 * `npm run bench`: the conversation pipeline (widget HTTP → signal-with-start → workflow with local activities →
 * PostgreSQL → LISTEN/NOTIFY → SSE) against raw signal-with-start on the same private Temporal server. Prints the
 * settings, each phase, whether the targets are met, and last a one-line JSON summary. Never fails on a miss.
 */
async function main(): Promise<Record<string, unknown>> {
  const settings = loadBenchSettings();
  const began = performance.now();
  countPgQueries();
  // Recorded during the open loop only, so the memory phase does not count them.
  const steps = new ActivityTimings({ recording: false });
  const stack = await startBenchStack(settings, { activityTimings: steps });
  const http = new WidgetHttp(stack.baseUrl);
  const visitors: WidgetVisitor[] = [];
  try {
    const tenant = await seedBenchTenant(stack.apiDataSource, stack.config.conversation.handoffConfidenceThreshold);
    const meter = new ResourceMeter(
      stack.temporalServerPid,
      new URL(settings.databaseUrl).pathname.slice(1),
      cpus().length,
    );

    section('Settings');
    log(`machine: ${machineDescription()}`);
    log('process: bench client, Nest API and the conversation worker share this one Node process');
    log(
      `temporal: dev server ${stack.config.temporal.address}, SQLite file in a temp dir, pragmas ${SQLITE_PRAGMAS.join(', ')}`,
    );
    log(`worker tuning: ${JSON.stringify({ ...DEFAULT_WORKER_TUNING, ...settings.tuning })}`);
    log(
      `pg pools: api ${settings.apiPoolSize}, worker ${settings.workerPoolSize}, + 1 LISTEN connection; stream poll ${settings.streamPollMs} ms`,
    );
    log(`raw baseline: ${settings.raw.starts} signal-with-starts from ${settings.raw.concurrency} callers`);
    log(
      `pipeline: closed loop with ${settings.closedLoop.steps.join(', ')} visitors ` +
        `(${settings.closedLoop.warmupMs} ms warm-up + ${settings.closedLoop.measureMs} ms each), ` +
        `open loop at half the max for ${settings.openLoop.durationMs} ms over ${settings.openLoop.poolSize} visitors`,
    );
    log(
      `knowledge base: 6 articles, ${tenant.questions.length} questions the bot answers; startup ${round((performance.now() - began) / 1000)} s`,
    );

    const rssLine = (when: string) => {
      const memory = memorySnapshot();
      log(`memory ${when}: RSS ${memory.rssMb} MB, main heap used ${memory.heapUsedMb} MB`);
    };
    rssLine('after startup');

    section('Raw signalWithStart (do-nothing workflow, worker in this process)');
    const stopNoop = await stack.startNoopWorker();
    const rawBefore = meter.sample();
    const raw = await measureRawSignalWithStart(stack.temporal, settings.raw.starts, settings.raw.concurrency).finally(
      stopNoop,
    );
    log(`${round(raw.perSecond)} signal-with-starts/s (${raw.starts} in ${round(raw.starts / raw.perSecond, 2)} s)`);
    log(resourceLine(meter.between(rawBefore, meter.sample(), raw.starts)).replace('per message', 'per start'));
    if (raw.drainedAfterS !== undefined) {
      log(
        `every do-nothing workflow completed ${round(raw.drainedAfterS, 2)} s after the first call ` +
          `(end to end ${round(raw.starts / raw.drainedAfterS)} workflows/s)`,
      );
    }
    rssLine('after the baseline');

    section('Pipeline: closed loop (each visitor sends its next question when the reply arrives)');
    const poolSize = settings.openLoop.poolSize;
    let ready = 0;
    await Promise.all(
      Array.from({ length: poolSize }, async () => {
        const visitor = await WidgetVisitor.start(http, tenant.widgetKey, settings.replyTimeoutMs);
        visitors.push(visitor);
        await visitor.openStream();
        await visitor.ask(tenant.questions[ready++ % tenant.questions.length]); // opens its conversation
      }),
    );
    log(`${poolSize} visitors with open streams and a conversation each`);
    const idleBefore = meter.sample();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idle = meter.between(idleBefore, meter.sample(), 1);
    log(
      `idle for ${round(idle.seconds)} s: bench process ${round(idle.benchCpuMs / idle.seconds / 10)}% of a core, ` +
        `temporal ${round(idle.temporalCpuMs / idle.seconds / 10)}%, postgres ${round(idle.postgresCpuMs / idle.seconds / 10)}%`,
    );
    const ramp = await profiled(settings.cpuProfilePath, () =>
      rampClosedLoop(visitors, tenant.questions, settings.closedLoop, meter),
    );
    const max = ramp.best.throughput;
    log(`max sustained: ${round(max)} msgs/s with ${ramp.best.visitors} visitors`);

    section(`Pipeline: open loop at half the max (${round(max / 2)} msgs/s)`);
    const openBefore = meter.sample();
    const open = await steps.during(() =>
      openLoop(visitors, tenant.questions, Math.max(1, max / 2), settings.openLoop.durationMs),
    );
    log(
      `offered ${round(open.offeredRate)} msgs/s, completed ${round(open.throughput)} msgs/s, errors ${open.errors}${open.firstError ? ` (${open.firstError})` : ''}`,
    );
    log(latencyLine('reply (send → bot reply on the stream)', open.reply));
    log(latencyLine('accept (202)', open.accept));
    log(latencyLine('echo (own message on the stream)', open.echo));
    log(latencyLine('arrival → reply (incl. waiting for a free visitor)', open.sojourn) + `; queued ${open.queued}`);
    const openUse = meter.between(openBefore, meter.sample(), open.reply.count);
    log(resourceLine(openUse));
    log("workflow steps in the open loop (timed by the worker's activity interceptor):");
    const stepTimings = steps.print();
    const sample = visitors.find((visitor) => visitor.conversationId);
    if (sample?.conversationId) {
      const rows = (await stack.apiDataSource.query(
        `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND conversation_id = $2 AND author_kind = 'customer'`,
        [tenant.tenantId, sample.conversationId],
      )) as { n: number }[];
      const stats = await historyStats(stack.temporal, tenant.tenantId, sample.conversationId, rows[0].n);
      log(
        `workflow history per message (one conversation, ${stats.messages} messages): ${stats.events} events, ${stats.workflowTasks} workflow tasks, ${stats.markers} local-activity markers`,
      );
    }
    visitors.forEach((visitor) => visitor.close());
    rssLine('after the pipeline phases');

    section(`Memory with ${settings.openConversations.count} more open conversations`);
    const memoryBefore = memorySnapshot();
    const opened = await openConversations({
      http,
      dataSource: stack.apiDataSource,
      tenantId: tenant.tenantId,
      widgetKey: tenant.widgetKey,
      questions: tenant.questions,
      count: settings.openConversations.count,
      concurrency: settings.openConversations.concurrency,
      timeoutMs: 120_000,
    });
    const memoryAfter = memorySnapshot();
    const cached = stack.worker.getStatus().numCachedWorkflows;
    log(
      `opened ${opened.opened} in ${round(opened.seconds)} s; bot answered ${opened.answered}, ${opened.stillWithBot} still with the bot (open)`,
    );
    log(
      `process RSS ${memoryAfter.rssMb} MB (before: ${memoryBefore.rssMb} MB, delta ${round(memoryAfter.rssMb - memoryBefore.rssMb)} MB); main heap used ${memoryAfter.heapUsedMb} MB (before ${memoryBefore.heapUsedMb} MB), external ${memoryAfter.externalMb} MB`,
    );
    log(
      `worker cache: ${cached} workflows (every conversation of the run); client, API and worker share this process, and the workflow sandbox heap sits in a worker thread (in RSS, not in "heap used")`,
    );

    const ratio = max / raw.perSecond;
    section('Targets');
    log(
      `ratio pipeline/raw = ${round(max)}/${round(raw.perSecond)} = ${round(ratio, 3)} (target ≥ ${RATIO_TARGET}): ${target(ratio >= RATIO_TARGET)}`,
    );
    log(
      `p99 at half of max = ${round(open.reply.p99)} ms (target ≤ ${P99_TARGET_MS} ms): ${target(open.reply.p99 <= P99_TARGET_MS)}`,
    );
    log(`measured for ${round((performance.now() - began) / 1000)} s (shutdown follows)`);
    return {
      pipeline_msgs_per_s: round(max),
      raw_signal_with_start_per_s: round(raw.perSecond),
      ratio: round(ratio, 3),
      reply_p50_ms: round(open.reply.p50),
      reply_p99_ms: round(open.reply.p99),
      worker_rss_mb_1000_open: memoryAfter.rssMb,
      worker_rss_delta_mb_1000_open: round(memoryAfter.rssMb - memoryBefore.rssMb),
      heap_used_mb_1000_open: memoryAfter.heapUsedMb,
      open_loop_rate_per_s: round(open.offeredRate),
      open_loop_errors: open.errors,
      max_at_visitors: ramp.best.visitors,
      raw_end_to_end_workflows_per_s: raw.drainedAfterS ? round(raw.starts / raw.drainedAfterS) : null,
      cpu_ms_per_msg_at_max: {
        bench_process: round(ramp.bestUse.benchCpuMs, 2),
        temporal: round(ramp.bestUse.temporalCpuMs, 2),
        postgres: round(ramp.bestUse.postgresCpuMs, 2),
      },
      pg_queries_per_msg_at_max: Object.fromEntries(
        Object.entries(ramp.bestUse.queries)
          .filter(([, count]) => count > 0)
          .map(([name, count]) => [name.replace('threadline-', ''), round(count, 2)]),
      ),
      other_processes_busy_pct: {
        at_max: round(ramp.bestUse.otherBusy * 100),
        open_loop: round(openUse.otherBusy * 100),
      },
      closed_loop: ramp.steps.map((step) => ({
        visitors: step.visitors,
        msgs_per_s: round(step.throughput),
        p50_ms: round(step.reply.p50),
        p99_ms: round(step.reply.p99),
      })),
      open_loop_steps_ms: stepTimings,
      ratio_target_met: ratio >= RATIO_TARGET,
      p99_target_met: open.reply.p99 <= P99_TARGET_MS,
    };
  } finally {
    visitors.forEach((visitor) => visitor.close());
    http.close();
    await stack.stop();
  }
}

runBench(main);
