import { TokenBuckets } from '../../../apps/api/src/widget/token-bucket';

describe('TokenBuckets', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows a burst of perMinute, then asks to wait until a token has refilled', () => {
    const buckets = new TokenBuckets(3, clock);

    const results = [1, 2, 3, 4].map(() => TokenBuckets.takeAll([[buckets, 'a']]));

    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('refills continuously', () => {
    const buckets = new TokenBuckets(60, clock);
    for (let i = 0; i < 60; i += 1) {
      buckets.take('a');
    }
    expect(buckets.waitSeconds('a')).toBe(1);

    now += 1_000;

    expect(buckets.waitSeconds('a')).toBe(0);
    expect(TokenBuckets.takeAll([[buckets, 'a']]).allowed).toBe(true);
    expect(TokenBuckets.takeAll([[buckets, 'a']]).allowed).toBe(false);
  });

  it('takes from every key or from none', () => {
    const perIp = new TokenBuckets(10, clock);
    const perVisitor = new TokenBuckets(1, clock);
    perVisitor.take('v');

    const refused = TokenBuckets.takeAll([
      [perIp, 'ip'],
      [perVisitor, 'v'],
    ]);

    expect(refused.allowed).toBe(false);
    expect(perIp.waitSeconds('ip')).toBe(0);
    for (let i = 0; i < 10; i += 1) {
      expect(TokenBuckets.takeAll([[perIp, 'ip']]).allowed).toBe(true);
    }
  });

  it('keeps keys apart and forgets idle ones', () => {
    const buckets = new TokenBuckets(1, clock);
    buckets.take('a');

    expect(buckets.waitSeconds('b')).toBe(0);

    now += 120_000;
    buckets.take('b');

    expect(buckets.size).toBe(1);
  });
});
