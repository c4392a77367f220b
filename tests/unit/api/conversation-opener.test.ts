import { ConversationOpener, type ConversationOpenerDeps } from '../../../core/conversations/conversation-opener';
import type { ConversationEntity } from '../../../core/conversations/conversation.entity';
import { fakeUnitOfWork } from './fake-unit-of-work';

const aConversation = (overrides: Partial<ConversationEntity> = {}) =>
  ({
    id: 'c1',
    tenantId: 't1',
    customerId: 'u1',
    channel: 'chat',
    status: 'bot',
    resolvedAt: null,
    ...overrides,
  }) as ConversationEntity;

/** The opener over an in-memory conversation table; `openedMeanwhile` appears once the opening lock is taken. */
function openerWith(latest: ConversationEntity | null, openedMeanwhile: ConversationEntity | null = null) {
  let stored = latest;
  const calls: string[] = [];
  const conversations = {
    findLatestForCustomer: jest.fn(async () => stored),
    lockCustomerForOpening: jest.fn(async () => {
      calls.push('lock');
      stored = openedMeanwhile ?? stored;
    }),
    create: jest.fn(async (_tenantId: string, input: { id: string }) => {
      calls.push('create');
      return aConversation({ id: input.id });
    }),
  };
  const deps: ConversationOpenerDeps = { conversations, opening: fakeUnitOfWork({ conversations }) };
  return { deps, conversations, calls };
}

describe('ConversationOpener', () => {
  it("reuses the customer's open conversation without opening a transaction", async () => {
    const { deps, conversations } = openerWith(aConversation());

    await expect(new ConversationOpener(deps).openFor('t1', 'u1', 'chat')).resolves.toMatchObject({ id: 'c1' });
    expect(conversations.lockCustomerForOpening).not.toHaveBeenCalled();
  });

  it('opens a new conversation under the per-customer lock after a resolved one', async () => {
    const { deps, calls } = openerWith(aConversation({ status: 'resolved', resolvedAt: new Date(0) }));

    const opened = await new ConversationOpener(deps).openFor('t1', 'u1', 'chat');

    expect(opened.id).not.toBe('c1');
    expect(calls).toEqual(['lock', 'create']);
  });

  it('returns the conversation a concurrent first message opened while it waited for the lock', async () => {
    const { deps, conversations } = openerWith(null, aConversation({ id: 'c-concurrent' }));

    await expect(new ConversationOpener(deps).openFor('t1', 'u1', 'chat')).resolves.toMatchObject({
      id: 'c-concurrent',
    });
    expect(conversations.create).not.toHaveBeenCalled();
  });

  it('reopens a resolved conversation inside the reopen window when the policy says so', async () => {
    const { deps } = openerWith(aConversation({ status: 'resolved', resolvedAt: new Date() }));
    const opener = new ConversationOpener(deps, { afterResolution: 'reopen', reopenWindowSeconds: 3600 });

    await expect(opener.openFor('t1', 'u1', 'chat')).resolves.toMatchObject({ id: 'c1' });
  });
});
