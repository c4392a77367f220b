import { distinct, fuseRankings } from '../../../core/knowledge/rank-fusion';

describe('reciprocal rank fusion', () => {
  it('ranks an article that both retrievers place high above one only a single retriever likes', () => {
    const fused = fuseRankings([{ ids: ['a', 'b', 'c'] }, { ids: ['b', 'd', 'a'] }]);
    expect(fused.map((entry) => entry.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0].score).toBeCloseTo(1 / 62 + 1 / 61);
  });

  it('counts an article once per ranking, at its best rank (deduplicated by article)', () => {
    const fused = fuseRankings([{ ids: ['a', 'a', 'b', 'a'] }]);
    expect(fused).toEqual([
      { id: 'a', score: 1 / 61 },
      { id: 'b', score: 1 / 62 },
    ]);
  });

  it('lets a weighted ranking count less, and a small k make the first rank count more', () => {
    const rankings = [{ ids: ['a', 'b'] }, { ids: ['b', 'x', 'y', 'z', 'w', 'a'], weight: 0.3 }];
    expect(fuseRankings(rankings, 1).map((entry) => entry.id)[0]).toBe('a');
    expect(fuseRankings(rankings, 60).map((entry) => entry.id)[0]).toBe('b');
  });

  it('breaks ties by the earlier ranking, so the order is deterministic', () => {
    expect(fuseRankings([{ ids: ['a'] }, { ids: ['b'] }]).map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(fuseRankings([{ ids: ['b'] }, { ids: ['a'] }]).map((entry) => entry.id)).toEqual(['b', 'a']);
  });

  it('keeps the first occurrence of each id', () => {
    expect(distinct(['x', 'y', 'x', 'z', 'y'])).toEqual(['x', 'y', 'z']);
  });
});
