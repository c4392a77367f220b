import { classificationScores, labelledTextsFromCsv, parseCsv, stratifiedKFold } from '../../../core/triage/classifier';

describe('classification scores', () => {
  it('computes accuracy and macro-F1 by hand-checked counts', () => {
    // a: TP 2, 3 actual, 2 predicted → F1 4/5; b: TP 1, 2 and 2 → 1/2; c: TP 1, 1 and 2 → 2/3.
    const scores = classificationScores(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c']);
    expect(scores.accuracy).toBeCloseTo(4 / 6, 12);
    expect(scores.macroF1).toBeCloseTo((4 / 5 + 1 / 2 + 2 / 3) / 3, 12);
  });

  it('counts a label that is only ever predicted, with F1 0', () => {
    const scores = classificationScores(['a', 'a'], ['a', 'z']);
    expect(scores.macroF1).toBeCloseTo((2 / 3 + 0) / 2, 12);
  });

  it('scores perfect predictions 1 and rejects mismatched lengths', () => {
    expect(classificationScores(['x', 'y'], ['x', 'y'])).toEqual({ accuracy: 1, macroF1: 1 });
    expect(() => classificationScores(['x'], [])).toThrow(/1 labels/);
  });
});

describe('stratified k-fold', () => {
  const labels = [...Array<string>(10).fill('a'), ...Array<string>(7).fill('b'), ...Array<string>(3).fill('c')];

  it('puts every row in exactly one test fold and the rest in training', () => {
    const folds = stratifiedKFold(labels, 3, 1);
    expect(folds).toHaveLength(3);
    const tested = folds.flatMap((fold) => fold.testIndices).sort((x, y) => x - y);
    expect(tested).toEqual(labels.map((_, row) => row));
    for (const fold of folds) {
      expect([...fold.trainIndices, ...fold.testIndices].sort((x, y) => x - y)).toEqual(tested);
    }
  });

  it('spreads each label evenly and keeps fold sizes within one row', () => {
    const folds = stratifiedKFold(labels, 3, 1);
    for (const fold of folds) {
      const count = (label: string) => fold.testIndices.filter((row) => labels[row] === label).length;
      expect(count('a')).toBeGreaterThanOrEqual(3);
      expect(count('a')).toBeLessThanOrEqual(4);
      expect(count('c')).toBe(1);
    }
    const sizes = folds.map((fold) => fold.testIndices.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is reproducible for a seed and shuffles differently for another', () => {
    expect(stratifiedKFold(labels, 3, 1)).toEqual(stratifiedKFold(labels, 3, 1));
    expect(stratifiedKFold(labels, 3, 2)).not.toEqual(stratifiedKFold(labels, 3, 1));
  });

  it('rejects impossible fold counts', () => {
    expect(() => stratifiedKFold(labels, 1, 1)).toThrow(/folds/);
    expect(() => stratifiedKFold(['a'], 2, 1)).toThrow(/folds/);
  });
});

describe('labelled CSV', () => {
  it('parses quoted fields holding commas, doubled quotes and line breaks', () => {
    const csv =
      '\ufefftext,category\r\n"Hi, my card ""arrived"" broken",card_issue\nplain text,other\n"two\nlines",other\n';
    expect(parseCsv(csv)).toEqual([
      ['text', 'category'],
      ['Hi, my card "arrived" broken', 'card_issue'],
      ['plain text', 'other'],
      ['two\nlines', 'other'],
    ]);
    expect(labelledTextsFromCsv(csv)[0]).toEqual({ text: 'Hi, my card "arrived" broken', label: 'card_issue' });
  });

  it('keeps empty fields and a last row without a line break', () => {
    expect(parseCsv('a,b\n,x\ny,')).toEqual([
      ['a', 'b'],
      ['', 'x'],
      ['y', ''],
    ]);
  });

  it('explains a missing column, a ragged row or an unclosed quote', () => {
    expect(() => labelledTextsFromCsv('text,label\nhi,x\n')).toThrow(/"category"/);
    expect(() => labelledTextsFromCsv('text,category\nhi\n')).toThrow(/row 2 has 1 fields/);
    expect(() => parseCsv('text,category\n"open,x\n')).toThrow(/quoted field/);
  });
});
