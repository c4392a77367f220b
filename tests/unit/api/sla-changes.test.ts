import { BusinessHoursService } from '../../../apps/api/src/sla/business-hours.service';
import { SlaPoliciesService } from '../../../apps/api/src/sla/sla-policies.service';
import type { SlaChangeRepositories } from '../../../apps/api/src/sla/sla-changes.transaction';
import { anAdmin, fakeUnitOfWork, publishedPolicyWithFallback } from './fake-unit-of-work';

/** The SLA services' removals over fakes: a calendar, the SLA policies using it, and the published routing policy. */
function slaChangesWith({ calendarUsers = [] as string[], publishedSlaPolicy = undefined as string | undefined } = {}) {
  const repositories = {
    hours: {
      findById: jest.fn().mockResolvedValue({ id: 'bh-1', name: 'London office' }),
      delete: jest.fn().mockResolvedValue(true),
    },
    slaPolicies: {
      findById: jest.fn().mockResolvedValue({ id: 'sla-1', name: 'Gold' }),
      namesUsingCalendar: jest.fn().mockResolvedValue(calendarUsers),
      delete: jest.fn().mockResolvedValue(true),
    },
    routingPolicies: publishedPolicyWithFallback(publishedSlaPolicy ? { slaPolicyId: publishedSlaPolicy } : undefined),
  };
  const changes = fakeUnitOfWork(repositories as unknown as SlaChangeRepositories);
  return {
    repositories,
    changes,
    calendars: new BusinessHoursService({} as never, changes),
    slaPolicies: new SlaPoliciesService({} as never, {} as never, changes),
  };
}

describe('BusinessHoursService.delete', () => {
  it('refuses (409, naming them) while SLA policies count time on the calendar, deleting nothing', async () => {
    const { calendars, repositories } = slaChangesWith({ calendarUsers: ['Gold', 'Silver'] });

    await expect(calendars.delete(anAdmin(), 'bh-1')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining("'Gold', 'Silver'"),
    });
    expect(repositories.hours.delete).not.toHaveBeenCalled();
  });

  it('checks the published routing policy under its lock, then deletes, in one transaction', async () => {
    const { calendars, repositories, changes } = slaChangesWith();

    await calendars.delete(anAdmin(), 'bh-1');

    expect(changes.runs).toBe(1);
    expect(repositories.routingPolicies.lock).toHaveBeenCalledWith('t1');
    expect(repositories.hours.delete).toHaveBeenCalledWith('t1', 'bh-1');
  });
});

describe('SlaPoliciesService.delete', () => {
  it('refuses (409) while the published routing policy applies the SLA policy', async () => {
    const { slaPolicies, repositories } = slaChangesWith({ publishedSlaPolicy: 'sla-1' });

    await expect(slaPolicies.delete(anAdmin(), 'sla-1')).rejects.toMatchObject({ code: 'conflict' });
    expect(repositories.slaPolicies.delete).not.toHaveBeenCalled();
  });

  it('answers 404 for a policy the tenant does not have', async () => {
    const { slaPolicies, repositories } = slaChangesWith();
    repositories.slaPolicies.findById.mockResolvedValue(null);

    await expect(slaPolicies.delete(anAdmin(), 'sla-9')).rejects.toMatchObject({ code: 'not_found' });
  });
});
