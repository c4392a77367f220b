/**
 * Evaluates Threadline's offline topic classifier (core/triage/classifier) on a labelled data set.
 *
 *   npm run eval:classifier -- --train FILE [--test FILE] [--folds 5] [--seed 7] [--options '{"l2":1e-5}']
 *
 * Input formats, chosen by file extension:
 * - `.csv`: a header row with `text,category` columns (the Banking77 format); quoted fields may hold commas, quotes
 *   (as `""`) and line breaks.
 * - `.json`: CLINC150's `{ "train": [[text, intent], ...], "val": [...], "test": [...], "oos_*": [...] }`. Only the
 *   in-scope splits are used; out-of-scope (`oos_*`) queries are left to the hand-off threshold, not the classifier.
 *   Training rows are `train` + `val`. The test split is `test`, or `val` when the file has no `test` (the published
 *   file here holds the test split back); in that case `val` is left out of training when --test names the same file.
 *
 * Without --test: stratified k-fold cross-validation (seeded) over the training rows. With --test: trains once on the
 * whole training set and scores the test rows. Either way it prints accuracy, macro-F1, train_s (mean wall-clock
 * seconds to fit one model, vocabulary included), train_cpu_s (the same in CPU seconds, steadier on a busy machine) and
 * per-message prediction latency (p50/p99 over messages predicted one at a time), and the last line is one JSON object
 * with those figures. --options overrides TrainingOptions (for tuning). Bad arguments exit with code 2.
 *
 * --oos FILE adds out-of-scope questions (same formats, text only: a CSV's categories are ignored, and from CLINC150
 * JSON the `oos_val` split is taken): the classifier should answer "none of these topics" for them, which it does when
 * its confidence is below a threshold. The test rows (or, in cross-validation, the first fold's) and the out-of-scope
 * rows are each split in two alternately; the threshold that maximises the mean of in-scope accuracy (a rejected
 * in-scope message counts as wrong) and out-of-scope recall on the first halves is applied to the second halves, and
 * the summary gains oos_threshold, in_scope_accuracy, oos_recall and oos_precision.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { classificationScores } from '../core/triage/classifier/classification-metrics';
import { labelledTextsFromCsv } from '../core/triage/classifier/labelled-text-csv';
import { encodeModel } from '../core/triage/classifier/model-codec';
import { stratifiedKFold } from '../core/triage/classifier/stratified-k-fold';
import type { TextClassifier } from '../core/triage/classifier/text-classifier';
import { trainTextClassifier, type LabelledText } from '../core/triage/classifier/train-text-classifier';
import type { TrainingOptions } from '../core/triage/classifier/training-options';

const USAGE =
  'usage: npm run eval:classifier -- --train FILE(.csv|.json) [--test FILE] [--oos FILE] [--folds 5] [--seed 7] [--options JSON]';

class UsageError extends Error {}

interface EvalArguments {
  train: string;
  test?: string;
  oos?: string;
  folds: number;
  seed: number;
  options: Partial<TrainingOptions>;
}

interface RunFigures {
  accuracy: number;
  macroF1: number;
  trainSeconds: number;
  /** CPU time of the training, which other processes on a busy machine do not inflate as they do wall time. */
  trainCpuSeconds: number;
  latenciesMs: number[];
  features: number;
  modelBytes: number;
}

function readArguments(argv: string[]): EvalArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        train: { type: 'string' },
        test: { type: 'string' },
        oos: { type: 'string' },
        folds: { type: 'string', default: '5' },
        seed: { type: 'string', default: '7' },
        options: { type: 'string', default: '{}' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!values.train) {
    throw new UsageError('missing --train FILE');
  }
  const folds = Number(values.folds);
  const seed = Number(values.seed);
  if (!Number.isInteger(folds) || folds < 2) {
    throw new UsageError(`--folds must be an integer ≥ 2, got "${values.folds}"`);
  }
  if (!Number.isInteger(seed)) {
    throw new UsageError(`--seed must be an integer, got "${values.seed}"`);
  }
  let options: unknown;
  try {
    options = JSON.parse(values.options);
  } catch {
    throw new UsageError(`--options must be a JSON object, got ${values.options}`);
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new UsageError(`--options must be a JSON object, got ${values.options}`);
  }
  return { train: values.train, test: values.test, oos: values.oos, folds, seed, options: { seed, ...options } };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type ClincSplits = Record<string, unknown>;

function readClinc(path: string): ClincSplits {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(path));
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(`${path} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as ClincSplits).train)) {
    throw new UsageError(`${path} is not CLINC150-style JSON: expected an object with a "train" array`);
  }
  return parsed as ClincSplits;
}

function clincRows(splits: ClincSplits, names: string[], path: string): LabelledText[] {
  return names.flatMap((name) => {
    const rows = splits[name] ?? [];
    if (!Array.isArray(rows)) {
      throw new UsageError(`${path}: "${name}" is not an array`);
    }
    return rows.map((row: unknown) => {
      if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') {
        throw new UsageError(`${path}: "${name}" rows must be [text, intent] pairs`);
      }
      return { text: row[0], label: row[1] };
    });
  });
}

function readCsv(path: string): LabelledText[] {
  try {
    return labelledTextsFromCsv(readText(path));
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** Training and (optional) test rows, following the split rules in the header comment. */
function loadData(args: EvalArguments): { training: LabelledText[]; test?: LabelledText[] } {
  const format = (path: string) => {
    const extension = extname(path).toLowerCase();
    if (extension !== '.csv' && extension !== '.json') {
      throw new UsageError(`${path}: expected a .csv or .json file`);
    }
    return extension;
  };
  const testSplitOf = (splits: ClincSplits) => (Array.isArray(splits.test) ? 'test' : 'val');
  if (format(args.train) === '.csv') {
    const training = readCsv(args.train);
    if (!args.test) {
      return { training };
    }
    return { training, test: format(args.test) === '.csv' ? readCsv(args.test) : testRowsOf(args.test) };
  }
  const splits = readClinc(args.train);
  const testsOwnVal =
    args.test !== undefined && resolve(args.test) === resolve(args.train) && testSplitOf(splits) === 'val';
  const training = clincRows(splits, testsOwnVal ? ['train'] : ['train', 'val'], args.train);
  if (!args.test) {
    return { training };
  }
  return { training, test: format(args.test) === '.csv' ? readCsv(args.test) : testRowsOf(args.test) };

  function testRowsOf(path: string): LabelledText[] {
    const testSplits = readClinc(path);
    return clincRows(testSplits, [testSplitOf(testSplits)], path);
  }
}

/** Out-of-scope texts: a CSV's text column, or CLINC150's `oos_val` split. */
function loadOutOfScope(path: string): string[] {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') {
    return readCsv(path).map((row) => row.text);
  }
  if (extension !== '.json') {
    throw new UsageError(`${path}: expected a .csv or .json file`);
  }
  return clincRows(readClinc(path), ['oos_val'], path).map((row) => row.text);
}

interface OutOfScopeFigures {
  oos_threshold: number;
  in_scope_accuracy: number;
  oos_recall: number;
  oos_precision: number;
  oos_examples: number;
}

/** Tunes the "none of these topics" threshold on one half of the rows and scores the other half with it. */
function scoreOutOfScope(classifier: TextClassifier, inScope: LabelledText[], outOfScope: string[]): OutOfScopeFigures {
  const predictIn = inScope.map((row) => ({ ...classifier.predict(row.text), gold: row.label }));
  const predictOut = outOfScope.map((text) => classifier.predict(text).confidence);
  const half = <T>(values: T[], parity: number) => values.filter((_, i) => i % 2 === parity);
  const figures = (parity: number, threshold: number) => {
    const ins = half(predictIn, parity);
    const outs = half(predictOut, parity);
    const correct = ins.filter((p) => p.confidence >= threshold && p.label === p.gold).length;
    const rejectedIn = ins.filter((p) => p.confidence < threshold).length;
    const rejectedOut = outs.filter((confidence) => confidence < threshold).length;
    return {
      accuracy: correct / Math.max(1, ins.length),
      recall: rejectedOut / Math.max(1, outs.length),
      precision: rejectedOut + rejectedIn === 0 ? 0 : rejectedOut / (rejectedOut + rejectedIn),
    };
  };
  let best = { threshold: 0, score: -1 };
  for (let step = 0; step <= 100; step++) {
    const threshold = step / 100;
    const { accuracy, recall } = figures(0, threshold);
    if ((accuracy + recall) / 2 > best.score) {
      best = { threshold, score: (accuracy + recall) / 2 };
    }
  }
  const held = figures(1, best.threshold);
  return {
    oos_threshold: best.threshold,
    in_scope_accuracy: round(held.accuracy, 4),
    oos_recall: round(held.recall, 4),
    oos_precision: round(held.precision, 4),
    oos_examples: outOfScope.length,
  };
}

function trainAndScore(training: LabelledText[], test: LabelledText[], options: Partial<TrainingOptions>): RunFigures {
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const classifier = trainTextClassifier(training, options);
  const trainSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const trainCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const { predicted, latenciesMs } = predictOneByOne(classifier, test);
  const scores = classificationScores(
    test.map((row) => row.label),
    predicted,
  );
  return {
    ...scores,
    trainSeconds,
    trainCpuSeconds,
    latenciesMs,
    features: classifier.vectorizer.featureCount,
    modelBytes: encodeModel(classifier).length,
  };
}

function predictOneByOne(classifier: TextClassifier, rows: LabelledText[]) {
  const predicted: string[] = [];
  const latenciesMs: number[] = [];
  for (const row of rows) {
    const started = process.hrtime.bigint();
    predicted.push(classifier.predict(row.text).label);
    latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { predicted, latenciesMs };
}

function percentile(sortedValues: number[], fraction: number): number {
  return sortedValues[Math.min(sortedValues.length - 1, Math.floor(fraction * sortedValues.length))] ?? 0;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const round = (value: number, digits: number) => Number(value.toFixed(digits));

function describe(run: RunFigures): string {
  return (
    `accuracy ${(run.accuracy * 100).toFixed(2)}%  macro-F1 ${(run.macroF1 * 100).toFixed(2)}%  ` +
    `train ${run.trainSeconds.toFixed(2)} s (cpu ${run.trainCpuSeconds.toFixed(2)} s)  features ${run.features}  model ${(run.modelBytes / 1e6).toFixed(1)} MB`
  );
}

function main(): void {
  const args = readArguments(process.argv.slice(2));
  const { training, test } = loadData(args);
  if (training.length === 0 || test?.length === 0) {
    throw new UsageError(`no labelled rows in ${training.length === 0 ? args.train : args.test}`);
  }
  if (!test && args.folds > training.length) {
    throw new UsageError(`--folds ${args.folds} is more than the ${training.length} training rows`);
  }
  const labelCount = new Set(training.map((row) => row.label)).size;
  const dataset = `${basename(dirname(resolve(args.train)))}/${basename(args.train)}`;
  process.stdout.write(`${dataset}: ${training.length} training rows, ${labelCount} labels\n`);

  const runs: RunFigures[] = [];
  if (test) {
    process.stdout.write(`held-out test: ${test.length} rows from ${args.test}\n`);
    runs.push(trainAndScore(training, test, args.options));
    process.stdout.write(`test: ${describe(runs[0])}\n`);
  } else {
    const folds = stratifiedKFold(
      training.map((row) => row.label),
      args.folds,
      args.seed,
    );
    folds.forEach((fold, i) => {
      const run = trainAndScore(
        fold.trainIndices.map((row) => training[row]),
        fold.testIndices.map((row) => training[row]),
        args.options,
      );
      runs.push(run);
      process.stdout.write(`fold ${i + 1}/${folds.length}: ${describe(run)}\n`);
    });
  }

  let outOfScope: OutOfScopeFigures | undefined;
  if (args.oos) {
    const oosTexts = loadOutOfScope(args.oos);
    const [firstFold] = test
      ? [{ trainIndices: [] as number[], testIndices: [] as number[] }]
      : stratifiedKFold(
          training.map((row) => row.label),
          args.folds,
          args.seed,
        );
    const oosTraining = test ? training : firstFold.trainIndices.map((row) => training[row]);
    const oosTest = test ?? firstFold.testIndices.map((row) => training[row]);
    outOfScope = scoreOutOfScope(trainTextClassifier(oosTraining, args.options), oosTest, oosTexts);
    process.stdout.write(
      `out of scope (${oosTexts.length} rows, threshold ${outOfScope.oos_threshold} tuned on half): ` +
        `in-scope accuracy ${(outOfScope.in_scope_accuracy * 100).toFixed(2)}%  ` +
        `OOS recall ${(outOfScope.oos_recall * 100).toFixed(2)}%  OOS precision ${(outOfScope.oos_precision * 100).toFixed(2)}%\n`,
    );
  }

  const latencies = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b);
  const summary = {
    dataset,
    mode: test ? 'holdout' : `cv${args.folds}`,
    examples: training.length,
    test_examples: test?.length ?? null,
    labels: labelCount,
    accuracy: round(mean(runs.map((run) => run.accuracy)), 4),
    macro_f1: round(mean(runs.map((run) => run.macroF1)), 4),
    train_s: round(mean(runs.map((run) => run.trainSeconds)), 2),
    train_cpu_s: round(mean(runs.map((run) => run.trainCpuSeconds)), 2),
    predict_ms_p50: round(percentile(latencies, 0.5), 3),
    predict_ms_p99: round(percentile(latencies, 0.99), 3),
    features: Math.round(mean(runs.map((run) => run.features))),
    model_bytes: Math.round(mean(runs.map((run) => run.modelBytes))),
    options: args.options,
    ...outOfScope,
  };
  process.stdout.write(
    `mean: accuracy ${(summary.accuracy * 100).toFixed(2)}%  macro-F1 ${(summary.macro_f1 * 100).toFixed(2)}%  ` +
      `train ${summary.train_s} s  predict p50 ${summary.predict_ms_p50} ms  p99 ${summary.predict_ms_p99} ms\n`,
  );
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof UsageError)) {
    throw error;
  }
  process.stderr.write(`eval-classifier: ${error.message}\n${USAGE}\n`);
  process.exitCode = 2;
}
