import { TopicsService } from '../../../apps/api/src/topics/topics.service';
import type { TopicChangeRepositories } from '../../../apps/api/src/topics/topic-changes.transaction';
import { CustomersService } from '../../../apps/api/src/customers/customers.service';
import type { CustomerChangeRepositories } from '../../../apps/api/src/customers/customer-changes.transaction';
import { KnowledgeService } from '../../../apps/api/src/knowledge/knowledge.service';
import type { ArticleChangeRepositories } from '../../../apps/api/src/knowledge/article-changes.transaction';
import { anAdmin, fakeUnitOfWork } from './fake-unit-of-work';

describe('TopicsService.create', () => {
  it('stores the category and its first examples in one transaction, then asks for a retrain', async () => {
    const inTransaction = {
      categories: { create: jest.fn().mockResolvedValue('topic-1') },
      examples: { add: jest.fn().mockResolvedValue(2) },
    };
    const changes = fakeUnitOfWork(inTransaction as unknown as TopicChangeRepositories);
    const categories = {
      findByName: jest.fn().mockResolvedValue(null),
      findById: jest.fn().mockResolvedValue({ id: 'topic-1', name: 'Billing', exampleCount: 2 }),
    };
    const training = { afterChange: jest.fn().mockResolvedValue('requested') };
    const service = new TopicsService(categories as never, {} as never, training as never, changes);

    const view = await service.create(anAdmin(), { name: 'Billing', examples: ['my bill', 'an invoice'] });

    expect(changes.runs).toBe(1);
    expect(inTransaction.examples.add).toHaveBeenCalledWith('t1', 'topic-1', ['my bill', 'an invoice'], 'admin-1');
    expect(training.afterChange).toHaveBeenCalledWith('t1');
    expect(view).toMatchObject({ id: 'topic-1', training: 'requested' });
  });
});

describe('CustomersService.update', () => {
  const customer = { id: 'cu-1', name: 'Sam', email: null, phone: null, attributes: { plan: 'pro' } };

  function customersWith() {
    const inTransaction = {
      customers: { findForUpdate: jest.fn().mockResolvedValue(customer), setAttributes: jest.fn() },
    };
    const changes = fakeUnitOfWork(inTransaction as unknown as CustomerChangeRepositories);
    const customers = { findById: jest.fn().mockResolvedValue(customer) };
    return { service: new CustomersService(customers as never, changes), inTransaction };
  }

  it('merges the changes into the attributes read under the row lock and writes them in the same transaction', async () => {
    const { service, inTransaction } = customersWith();

    await service.update(anAdmin(), 'cu-1', { tier: 'gold', attributes: { seats: 12 } });

    expect(inTransaction.customers.findForUpdate).toHaveBeenCalledWith('t1', 'cu-1');
    expect(inTransaction.customers.setAttributes).toHaveBeenCalledWith('t1', 'cu-1', {
      plan: 'pro',
      seats: 12,
      tier: 'gold',
    });
  });

  it('refuses invalid attributes (400, by field) and writes nothing', async () => {
    const { service, inTransaction } = customersWith();

    await expect(service.update(anAdmin(), 'cu-1', { attributes: { '1bad key': 'x' } })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(inTransaction.customers.setAttributes).not.toHaveBeenCalled();
  });
});

describe('KnowledgeService.create', () => {
  it('writes the article and its chunks in one transaction, then refits the retrieval model', async () => {
    const calls: string[] = [];
    const article = { id: 'kb-1', title: 'Refunds', body: 'Refunds take five days.', tags: [], published: true };
    const inTransaction = {
      articles: {
        create: jest.fn(async () => (calls.push('create'), article)),
        replaceChunks: jest.fn(async () => void calls.push('chunks')),
      },
    };
    const changes = fakeUnitOfWork(inTransaction as unknown as ArticleChangeRepositories);
    const refit = jest.fn(async () => void calls.push('refit'));
    const service = new KnowledgeService({} as never, changes, refit);

    await service.create(anAdmin(), { title: 'Refunds', body: 'Refunds take five days.' });

    expect(calls).toEqual(['create', 'chunks', 'refit']);
    expect(inTransaction.articles.replaceChunks).toHaveBeenCalledWith('t1', 'kb-1', expect.any(Array));
    expect(refit).toHaveBeenCalledWith('t1');
  });
});
