import { bestFirst } from '../../../core/assignment/ranking';
import { seededRandom } from './assignment-fixtures';

describe('bestFirst', () => {
  const byValue = (a: number, b: number) => a - b;

  it('returns the first `limit` items of the sorted order, for random inputs with repeats', () => {
    const random = seededRandom(11);
    for (let run = 0; run < 300; run += 1) {
      const items = Array.from({ length: Math.floor(random() * 60) }, () => Math.floor(random() * 20));
      const limit = 1 + Math.floor(random() * 25);
      expect(bestFirst(items, byValue, limit)).toEqual([...items].sort(byValue).slice(0, limit));
    }
  });

  it('sorts everything without a limit and leaves the input alone', () => {
    const items = [3, 1, 2];
    expect(bestFirst(items, byValue)).toEqual([1, 2, 3]);
    expect(items).toEqual([3, 1, 2]);
  });

  it('always keeps at least the best item', () => {
    expect(bestFirst([5, 4, 6], byValue, 0)).toEqual([4]);
  });
});
