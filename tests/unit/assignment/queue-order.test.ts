import { compareQueued } from '../../../core/assignment/queue-order';
import { aConversation, NOW } from './assignment-fixtures';

const ids = (conversations: { id: string }[]) => conversations.map((c) => c.id);

describe('queue order', () => {
  it('serves urgent before high before normal before low', () => {
    const queue = [
      aConversation('low', { priority: 'low' }),
      aConversation('normal', { priority: 'normal' }),
      aConversation('urgent', { priority: 'urgent' }),
      aConversation('high', { priority: 'high' }),
    ];
    expect(ids(queue.sort(compareQueued))).toEqual(['urgent', 'high', 'normal', 'low']);
  });

  it('within a priority, serves the earliest SLA due time first and conversations without one last', () => {
    const queue = [
      aConversation('none', { slaDueAt: null, queuedAt: NOW - 999_999 }),
      aConversation('later', { slaDueAt: NOW + 60_000 }),
      aConversation('sooner', { slaDueAt: NOW + 1_000 }),
    ];
    expect(ids(queue.sort(compareQueued))).toEqual(['sooner', 'later', 'none']);
  });

  it('priority outranks an earlier SLA due time', () => {
    const queue = [aConversation('due', { slaDueAt: NOW }), aConversation('high', { priority: 'high' })];
    expect(ids(queue.sort(compareQueued))).toEqual(['high', 'due']);
  });

  it('then serves whoever has waited longest, then goes by id', () => {
    const queue = [
      aConversation('b', { queuedAt: NOW - 1_000 }),
      aConversation('newest', { queuedAt: NOW }),
      aConversation('a', { queuedAt: NOW - 1_000 }),
      aConversation('oldest', { queuedAt: NOW - 5_000 }),
    ];
    expect(ids(queue.sort(compareQueued))).toEqual(['oldest', 'a', 'b', 'newest']);
  });

  it('is a total order: equal only for the same conversation', () => {
    const a = aConversation('a');
    expect(compareQueued(a, { ...a })).toBe(0);
    expect(Math.sign(compareQueued(a, aConversation('b')))).toBe(-Math.sign(compareQueued(aConversation('b'), a)));
  });
});
