/**
 * Turns the development data in ../shared/datasets into the eval:answers format (nothing of it is committed):
 *
 *   node -r ./scripts/embedded/register-ts.js scripts/convert-answer-datasets.ts [--datasets ../shared/datasets] [--out DIR]
 *
 * writes DIR/covidfaq-kb.jsonl (each CovidFAQ `faq` row an article: its question the title, its answer the body) and
 * DIR/covidfaq-queries.jsonl: every distinct CovidFAQ user query, expecting the FAQ rows with the identical answer,
 * then questions a public-health FAQ cannot answer, expecting a hand-off: all of CLINC150 `oos_val`, the first
 * PER_INTENT `val` questions of each CLINC150 intent (except the few a COVID FAQ might touch), and the first
 * PER_INTENT training questions of each Banking77 intent.
 *
 * The in-domain out-of-scope protocol: DIR/banking-kb.jsonl is the help centre of scripts/banking-help-centre.ts (one
 * article per covered Banking77 intent, written for Threadline) and DIR/banking-queries.jsonl holds the first
 * BANKING_ANSWERABLE questions of each covered intent (answerable) and the first PER_INTENT of every other intent
 * (they sound like banking, but the help centre does not answer them: the bot must hand off).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { labelledTextsFromCsv } from '../core/triage/classifier/labelled-text-csv';
import { BANKING_HELP_CENTRE } from './banking-help-centre';

interface CovidRow {
  query_type: string;
  question: string;
  answer: string;
  id: string;
}

const PER_INTENT = 3;
const BANKING_ANSWERABLE = 20;
/** CLINC150 intents whose questions a COVID-19 FAQ could reasonably answer. */
const NEAR_COVID_INTENTS = new Set(['vaccines', 'travel_alert', 'travel_notification', 'international_visa']);

function main(): void {
  const { values } = parseArgs({
    options: {
      datasets: { type: 'string', default: '../shared/datasets' },
      out: { type: 'string', default: '/tmp/threadline-answers-dev' },
    },
  });
  const root = values.datasets!;
  const out = values.out!;
  mkdirSync(out, { recursive: true });

  const covid = JSON.parse(readFileSync(join(root, 'covidfaq/query_answer_pairs.json'), 'utf8')) as CovidRow[];
  const faqs = covid.filter((row) => row.query_type === 'faq');
  const byAnswer = new Map<string, string[]>();
  for (const faq of faqs) {
    byAnswer.set(faq.answer.trim(), [...(byAnswer.get(faq.answer.trim()) ?? []), `faq-${faq.id}`]);
  }
  const kb = faqs.map((faq) => ({ id: `faq-${faq.id}`, title: faq.question.trim(), body: faq.answer.trim() }));
  const expected = new Map<string, Set<string>>();
  for (const row of covid.filter((r) => r.query_type !== 'faq')) {
    const text = row.question.trim();
    const ids = expected.get(text) ?? new Set<string>();
    for (const id of byAnswer.get(row.answer.trim()) ?? []) {
      ids.add(id);
    }
    expected.set(text, ids);
  }
  const queries: { text: string; expected: string[]; source: string }[] = [...expected.entries()]
    .filter(([, ids]) => ids.size > 0)
    .map(([text, ids]) => ({ text, expected: [...ids].sort(), source: 'covidfaq' }));

  const clinc = JSON.parse(readFileSync(join(root, 'clinc150/train_val.json'), 'utf8')) as Record<
    string,
    [string, string][]
  >;
  for (const [text] of clinc.oos_val) {
    queries.push({ text, expected: [], source: 'clinc_oos_val' });
  }
  const taken = new Map<string, number>();
  for (const [text, intent] of clinc.val) {
    if (NEAR_COVID_INTENTS.has(intent) || (taken.get(intent) ?? 0) >= PER_INTENT) {
      continue;
    }
    taken.set(intent, (taken.get(intent) ?? 0) + 1);
    queries.push({ text, expected: [], source: `clinc:${intent}` });
  }
  const banking = labelledTextsFromCsv(readFileSync(join(root, 'banking77/train.csv'), 'utf8'));
  const bankingTaken = new Map<string, number>();
  for (const { text, label } of banking) {
    if ((bankingTaken.get(label) ?? 0) >= PER_INTENT) {
      continue;
    }
    bankingTaken.set(label, (bankingTaken.get(label) ?? 0) + 1);
    queries.push({ text, expected: [], source: `banking77:${label}` });
  }
  writeFileSync(join(out, 'covidfaq-kb.jsonl'), kb.map((row) => JSON.stringify(row)).join('\n') + '\n');
  writeFileSync(join(out, 'covidfaq-queries.jsonl'), queries.map((row) => JSON.stringify(row)).join('\n') + '\n');
  const covered = new Set(BANKING_HELP_CENTRE.map((article) => article.id));
  const inDomain: { text: string; expected: string[]; source: string }[] = [];
  const inDomainTaken = new Map<string, number>();
  for (const { text, label } of banking) {
    const limit = covered.has(label) ? BANKING_ANSWERABLE : PER_INTENT;
    if ((inDomainTaken.get(label) ?? 0) >= limit) {
      continue;
    }
    inDomainTaken.set(label, (inDomainTaken.get(label) ?? 0) + 1);
    inDomain.push({ text, expected: covered.has(label) ? [label] : [], source: `banking77:${label}` });
  }
  writeFileSync(join(out, 'banking-kb.jsonl'), BANKING_HELP_CENTRE.map((row) => JSON.stringify(row)).join('\n') + '\n');
  writeFileSync(join(out, 'banking-queries.jsonl'), inDomain.map((row) => JSON.stringify(row)).join('\n') + '\n');
  const unanswerable = queries.filter((q) => q.expected.length === 0).length;
  process.stdout.write(
    `${JSON.stringify({ articles: kb.length, queries: queries.length, answerable: queries.length - unanswerable, unanswerable, out })}\n`,
  );
}

main();
