/**
 * Evaluates the shipped offline answer engine on a knowledge base and a set of questions.
 *
 *   npm run eval:answers -- --kb KB.jsonl --queries QUERIES.jsonl [--out RESULTS.jsonl] [--threshold 0.45]
 *
 * - KB.jsonl: one article per line, {"id", "title", "body"} (paragraphs separated by blank lines).
 * - QUERIES.jsonl: one question per line, {"text", "expected": [article id, ...]}; an empty `expected` means the bot
 *   must hand off.
 *
 * It creates a scratch database on the test PostgreSQL server (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/threadline_test), runs the migrations, loads every article through the service
 * behind POST /knowledge/articles, asks every question through the engine with the default configuration (the
 * threshold is HANDOFF_CONFIDENCE_THRESHOLD's default unless --threshold), writes one JSON line per question to --out
 * (default $TMPDIR/threadline-answers-eval.jsonl), drops the database, and prints a JSON summary as its last line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeService } from '../apps/api/src/knowledge/knowledge.service';
import { articleChangesOver, refitOver } from '../apps/api/src/knowledge/article-changes.transaction';
import { ExtractiveAnswerEngine } from '../core/knowledge/answer/extractive-answer.engine';
import { loadConfig } from '../core/platform/config/app-config';
import { createDataSource, runMigrations } from '../core/data-source';
import { TenantEntity } from '../core/tenants/tenant.entity';
import { KbArticleRepository } from '../core/knowledge/kb-article.repository';
import { dropDatabase, recreateDatabase } from './ensure-database';
import { KnowledgeSearchRepository } from '../core/knowledge/knowledge-search.repository';

const USAGE =
  'usage: npm run eval:answers -- --kb KB.jsonl --queries QUERIES.jsonl [--out RESULTS.jsonl] [--threshold P]';

interface KbLine {
  id: string;
  title: string;
  body: string;
}

interface QueryLine {
  text: string;
  expected: string[];
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kb: { type: 'string' },
      queries: { type: 'string' },
      out: { type: 'string', default: join(tmpdir(), 'threadline-answers-eval.jsonl') },
      threshold: { type: 'string' },
    },
  });
  if (!values.kb || !values.queries) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const articles = readJsonl<KbLine>(values.kb);
  const queries = readJsonl<QueryLine>(values.queries);

  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/threadline_test');
  const name = `${decodeURIComponent(base.pathname.slice(1))}_eval_${process.pid}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  await recreateDatabase(url.toString());
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    VISITOR_TOKEN_SECRET: 'x'.repeat(64),
    AI_PROVIDER: 'offline',
  });
  const threshold =
    values.threshold !== undefined ? Number(values.threshold) : config.conversation.handoffConfidenceThreshold;
  const dataSource = await createDataSource({ url: url.toString(), poolSize: 2, applicationName: 'threadline-eval' });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const { identifiers } = await dataSource
      .getRepository(TenantEntity)
      .insert({ slug: 'eval', name: 'Evaluation', widgetKey: `eval-${process.pid}` });
    const tenantId = (identifiers[0] as { id: string }).id;
    const admin = { id: '00000000-0000-4000-8000-000000000000', tenantId, role: 'admin' as const, name: 'eval' };
    const service = new KnowledgeService(
      new KbArticleRepository(dataSource),
      articleChangesOver(dataSource),
      refitOver(dataSource),
    );
    const externalId = new Map<string, string>();
    const loadStart = performance.now();
    for (const article of articles) {
      const created = await service.create(admin, { title: article.title, body: article.body });
      externalId.set(created.id, article.id);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;

    const engine = new ExtractiveAnswerEngine(new KnowledgeSearchRepository(dataSource));
    // The first question after loading builds the in-memory index; it is a warm-up, not a measurement.
    await engine.answer({ tenantId, question: 'warm up' });
    const results: Record<string, unknown>[] = [];
    const latencies: number[] = [];
    let answerable = 0;
    let hit1 = 0;
    let hit5 = 0;
    let answeredAnswerable = 0;
    let answeredUnanswerable = 0;
    let replies = 0;
    let correctReplies = 0;
    for (const query of queries) {
      const started = performance.now();
      const { answer, documents } = await engine.explain({ tenantId, question: query.text });
      const latencyMs = performance.now() - started;
      latencies.push(latencyMs);
      const ranked = documents.map((doc) => externalId.get(doc.metadata.articleId)!);
      const cited = answer.citations.map((citation) => externalId.get(citation.articleId)!);
      const replied = !answer.wantsHuman && answer.text !== '' && answer.confidence >= threshold;
      const expected = new Set(query.expected);
      const isAnswerable = expected.size > 0;
      const firstCorrect = cited.length > 0 && expected.has(cited[0]);
      if (isAnswerable) {
        answerable++;
        hit1 += firstCorrect ? 1 : 0;
        hit5 += ranked.slice(0, 5).some((id) => expected.has(id)) ? 1 : 0;
        answeredAnswerable += replied ? 1 : 0;
      } else {
        answeredUnanswerable += replied ? 1 : 0;
      }
      if (replied) {
        replies++;
        correctReplies += firstCorrect ? 1 : 0;
      }
      results.push({
        text: query.text,
        expected: query.expected,
        replied,
        cited,
        ranked,
        correct: firstCorrect,
        confidence: answer.confidence,
        wantsHuman: answer.wantsHuman,
        reply: answer.text,
        features: documents[0]?.metadata.features ?? null,
        latency_ms: round(latencyMs, 2),
      });
    }
    writeFileSync(values.out!, results.map((row) => JSON.stringify(row)).join('\n') + '\n');
    const sorted = [...latencies].sort((a, b) => a - b);
    const unanswerable = queries.length - answerable;
    const summary = {
      queries: queries.length,
      articles: articles.length,
      answerable,
      unanswerable,
      threshold,
      hit_at_1: round(answerable ? hit1 / answerable : 0),
      hit_at_5: round(answerable ? hit5 / answerable : 0),
      answered_answerable: round(answerable ? answeredAnswerable / answerable : 0),
      answered_unanswerable: round(unanswerable ? answeredUnanswerable / unanswerable : 0),
      reply_precision: round(replies ? correctReplies / replies : 0),
      latency_p50_ms: round(percentile(sorted, 0.5), 2),
      latency_p99_ms: round(percentile(sorted, 0.99), 2),
      load_s: round(loadSeconds, 2),
      results: values.out,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
    await dropDatabase(url.toString());
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
