import { seededRandom, shuffleInPlace } from './seeded-random';

export interface Fold {
  trainIndices: number[];
  testIndices: number[];
}

/**
 * Splits rows into k folds that each hold about 1/k of every label. Each label's rows are shuffled (seeded), then the
 * labels are dealt out in one continuing round-robin, so fold sizes differ by at most one. Every row is in exactly one
 * test fold.
 */
export function stratifiedKFold(labels: readonly string[], k: number, seed: number): Fold[] {
  if (!Number.isInteger(k) || k < 2 || k > labels.length) {
    throw new Error(`Cannot make ${k} folds from ${labels.length} rows (need an integer 2 ≤ k ≤ rows)`);
  }
  const rowsByLabel = new Map<string, number[]>();
  labels.forEach((label, row) => {
    const rows = rowsByLabel.get(label);
    if (rows) {
      rows.push(row);
    } else {
      rowsByLabel.set(label, [row]);
    }
  });
  const random = seededRandom(seed);
  const foldOf = new Int32Array(labels.length);
  let dealt = 0;
  for (const label of [...rowsByLabel.keys()].sort()) {
    for (const row of shuffleInPlace(rowsByLabel.get(label) ?? [], random)) {
      foldOf[row] = dealt++ % k;
    }
  }
  return Array.from({ length: k }, (_, fold) => {
    const trainIndices: number[] = [];
    const testIndices: number[] = [];
    foldOf.forEach((assigned, row) => (assigned === fold ? testIndices : trainIndices).push(row));
    return { trainIndices, testIndices };
  });
}
