import { RoutingPolicyChangesService } from '../../../apps/api/src/routing/routing-policy-changes.service';
import type { RoutingPolicyChangeRepositories } from '../../../apps/api/src/routing/routing-policy-changes.transaction';
import { anAdmin, fakeUnitOfWork } from './fake-unit-of-work';

/** Routing-policy changes over a fake policy store and audit log. */
function changesWith(draft: { version: number } | null) {
  const calls: string[] = [];
  const policies = {
    lock: jest.fn(async () => void calls.push('lock')),
    findDraft: jest.fn(async () => (calls.push('findDraft'), draft)),
    deleteDraft: jest.fn(async () => (calls.push('deleteDraft'), true)),
  };
  const audit = { record: jest.fn(async () => void calls.push('audit')) };
  const changes = fakeUnitOfWork({ policies, audit } as unknown as RoutingPolicyChangeRepositories);
  return { service: new RoutingPolicyChangesService(changes), calls, audit, changes };
}

describe('RoutingPolicyChangesService.discardDraft', () => {
  it("takes the tenant's policy lock first, then deletes the draft and audits it in the same transaction", async () => {
    const { service, calls, audit, changes } = changesWith({ version: 4 });

    await service.discardDraft(anAdmin());

    expect(changes.runs).toBe(1);
    expect(calls).toEqual(['lock', 'findDraft', 'deleteDraft', 'audit']);
    expect(audit.record).toHaveBeenCalledWith('t1', { version: 4, action: 'draft_discarded', actorAgentId: 'admin-1' });
  });

  it('answers with a domain error when there is no draft, writing nothing', async () => {
    const { service, calls } = changesWith(null);

    await expect(service.discardDraft(anAdmin())).rejects.toMatchObject({ code: expect.any(String) });
    expect(calls).toEqual(['lock', 'findDraft']);
  });
});
