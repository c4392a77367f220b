/**
 * Fits the answerability score's logistic-regression coefficients (core/knowledge/answer/answerability.model.ts) offline, from the
 * per-question results that `npm run eval:answers -- … --out FILE` writes (features of the cited article and whether
 * it was an expected one), and reports how well calibrated the fit is:
 *
 *   node -r ./scripts/embedded/register-ts.js scripts/fit-answerability.ts --results FILE [--l2 0.01]
 *
 * Prints 2-fold cross-validated reliability bins (predicted probability against the observed share of correct
 * citations), what each threshold would do, and the coefficients fitted on all rows, as TypeScript to paste.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FEATURE_NAMES, type AnswerabilityFeatures } from '../core/knowledge/answer/answerability.features';
import { answerability, ANSWERABILITY_MODEL } from '../core/knowledge/answer/answerability.model';

interface ResultRow {
  text: string;
  expected: string[];
  correct: boolean;
  features: AnswerabilityFeatures | null;
}

interface Sample {
  x: number[];
  y: number;
  answerable: boolean;
}

type Model = { bias: number; weights: Record<keyof AnswerabilityFeatures, number> };

const ITERATIONS = 4000;
const LEARNING_RATE = 0.5;

/** Batch gradient descent on the L2-regularised log loss (the bias is not regularised). */
function fitLogistic(samples: Sample[], l2: number): Model {
  const d = FEATURE_NAMES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const { x, y } of samples) {
      const z = b + x.reduce((sum, value, i) => sum + value * w[i], 0);
      const error = 1 / (1 + Math.exp(-z)) - y;
      gb += error;
      x.forEach((value, i) => (gw[i] += error * value));
    }
    b -= (LEARNING_RATE * gb) / samples.length;
    for (let i = 0; i < d; i++) {
      w[i] -= LEARNING_RATE * (gw[i] / samples.length + l2 * w[i]);
    }
  }
  const weights = Object.fromEntries(
    FEATURE_NAMES.map((name, i) => [name, Number(w[i].toFixed(4))]),
  ) as Model['weights'];
  return { bias: Number(b.toFixed(4)), weights };
}

function toSample(row: ResultRow): Sample | null {
  if (!row.features) {
    return null;
  }
  return {
    x: FEATURE_NAMES.map((name) => row.features![name]),
    y: row.correct ? 1 : 0,
    answerable: row.expected.length > 0,
  };
}

function featuresOf(sample: Sample): AnswerabilityFeatures {
  return Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, sample.x[i]])) as unknown as AnswerabilityFeatures;
}

/** A stable split of the questions into two folds by a hash of their text. */
function foldOf(text: string): number {
  let hash = 0;
  for (const char of text) {
    hash = (hash * 31 + char.charCodeAt(0)) | 0;
  }
  return Math.abs(hash) % 2;
}

function report(label: string, predictions: { p: number; sample: Sample }[]): void {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, predicted: 0, observed: 0 }));
  let logLoss = 0;
  for (const { p, sample } of predictions) {
    const bin = bins[Math.min(9, Math.floor(p * 10))];
    bin.n++;
    bin.predicted += p;
    bin.observed += sample.y;
    logLoss -= sample.y * Math.log(Math.max(p, 1e-9)) + (1 - sample.y) * Math.log(Math.max(1 - p, 1e-9));
  }
  const ece = bins.reduce((sum, bin) => sum + Math.abs(bin.predicted - bin.observed), 0) / predictions.length;
  process.stdout.write(`\n${label}: log loss ${(logLoss / predictions.length).toFixed(4)}, ECE ${ece.toFixed(4)}\n`);
  process.stdout.write('bin        n   mean p   observed\n');
  bins.forEach((bin, i) => {
    if (bin.n > 0) {
      process.stdout.write(
        `${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)} ${String(bin.n).padStart(5)}   ${(bin.predicted / bin.n).toFixed(3)}    ${(bin.observed / bin.n).toFixed(3)}\n`,
      );
    }
  });
  process.stdout.write('threshold  answered_answerable  answered_unanswerable  reply_precision\n');
  const answerable = predictions.filter(({ sample }) => sample.answerable).length;
  const unanswerable = predictions.length - answerable;
  for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8]) {
    const replied = predictions.filter(({ p }) => p >= threshold);
    const correct = replied.filter(({ sample }) => sample.y === 1).length;
    process.stdout.write(
      `${threshold.toFixed(2)}       ${(replied.filter(({ sample }) => sample.answerable).length / answerable).toFixed(3)}                ${(replied.filter(({ sample }) => !sample.answerable).length / Math.max(1, unanswerable)).toFixed(3)}                  ${(correct / Math.max(1, replied.length)).toFixed(3)}\n`,
    );
  }
}

function main(): void {
  const { values } = parseArgs({ options: { results: { type: 'string' }, l2: { type: 'string', default: '0.001' } } });
  if (!values.results) {
    process.stderr.write('usage: fit-answerability.ts --results FILE [--l2 0.001]\n');
    process.exit(2);
  }
  const l2 = Number(values.l2);
  const rows = readFileSync(values.results, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ResultRow);
  const samples = rows.map((row) => ({ row, sample: toSample(row) })).filter((entry) => entry.sample !== null);
  report(
    'shipped coefficients',
    samples.map(({ sample }) => ({ p: answerability(featuresOf(sample!), ANSWERABILITY_MODEL), sample: sample! })),
  );
  const crossValidated: { p: number; sample: Sample }[] = [];
  for (const fold of [0, 1]) {
    const model = fitLogistic(
      samples.filter(({ row }) => foldOf(row.text) !== fold).map(({ sample }) => sample!),
      l2,
    );
    for (const { sample } of samples.filter((entry) => foldOf(entry.row.text) === fold)) {
      crossValidated.push({ p: answerability(featuresOf(sample!), model), sample: sample! });
    }
  }
  report('2-fold cross-validated fit', crossValidated);
  const model = fitLogistic(
    samples.map(({ sample }) => sample!),
    l2,
  );
  process.stdout.write(`\nfitted on all ${samples.length} rows:\n${JSON.stringify(model, null, 2)}\n`);
}

main();
