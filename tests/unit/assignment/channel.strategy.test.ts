import { channelsServed, rankByChannel } from '../../../core/assignment/channel.strategy';
import { aConversation, anAgent } from './assignment-fixtures';
import { rank } from './strategy-harness';

describe('channel strategy', () => {
  it('gives the conversation to a specialist of its channel before a generalist, even a less busy one', () => {
    const generalist = anAgent('generalist');
    const chatOnly = anAgent('chat-only', { channels: ['chat'], active: { chat: 2 } });
    const ranking = rank(rankByChannel, [generalist, chatOnly], aConversation('c'));
    expect(ranking.order).toEqual(['chat-only', 'generalist']);
    expect(ranking.candidates.map((c) => c.score)).toEqual([1, 3]);
    expect(ranking.reason).toBe('chat specialist, fewest channels among 2 eligible agents');
  });

  it('ranks by number of channels served: one, then two, then three', () => {
    const agents = [
      anAgent('three'),
      anAgent('two', { channels: ['chat', 'email'] }),
      anAgent('one', { channels: ['chat'] }),
    ];
    expect(rank(rankByChannel, agents, aConversation('c')).order).toEqual(['one', 'two', 'three']);
  });

  it('does not count a listed channel with capacity 0 as served', () => {
    const nominalGeneralist = anAgent('a', { capacity: { email: 0, sms: 0 } });
    expect(channelsServed(nominalGeneralist)).toBe(1);
    const twoChannels = anAgent('b', { channels: ['chat', 'sms'] });
    expect(rank(rankByChannel, [twoChannels, nominalGeneralist], aConversation('c')).order).toEqual(['a', 'b']);
  });

  it('uses capacity order between equally specialised agents', () => {
    const agents = [
      anAgent('busy', { channels: ['chat'], active: { chat: 2 } }),
      anAgent('quiet', { channels: ['chat'], active: { chat: 1 } }),
    ];
    const ranking = rank(rankByChannel, agents, aConversation('c'));
    expect(ranking.order).toEqual(['quiet', 'busy']);
    expect(ranking.reason).toBe('chat specialist, then lowest chat load (1 of 3) among 2 eligible agents');
  });
});
