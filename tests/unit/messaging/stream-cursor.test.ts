import { StreamCursor } from '../../../core/platform/listen/stream-cursor';

describe('StreamCursor', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 0;
  });

  it('sends what is past its start once', () => {
    const cursor = new StreamCursor('10', 1_000, clock);

    expect(cursor.shouldSend('10')).toBe(false);
    expect(cursor.shouldSend('11')).toBe(true);
    cursor.markSent('11');
    expect(cursor.shouldSend('11')).toBe(false);
  });

  it('still sends a lower seq that became visible late, within the grace window', () => {
    const cursor = new StreamCursor('10', 1_000, clock);
    cursor.markSent('12');
    now = 500;
    cursor.settle();

    expect(cursor.readAfter).toBe('10');
    expect(cursor.shouldSend('11')).toBe(true);
  });

  it('moves its floor past what was sent longer ago than the grace window', () => {
    const cursor = new StreamCursor('10', 1_000, clock);
    cursor.markSent('12');
    now = 900;
    cursor.markSent('15');
    now = 1_000;
    cursor.settle();

    expect(cursor.readAfter).toBe('12');
    expect(cursor.shouldSend('15')).toBe(false);
    expect(cursor.shouldSend('14')).toBe(true);
  });

  it('handles seqs beyond the safe integer range', () => {
    const cursor = new StreamCursor('9007199254740993', 1_000, clock);

    expect(cursor.shouldSend('9007199254740994')).toBe(true);
    expect(cursor.shouldSend('9007199254740993')).toBe(false);
  });
});
