import { TeamsService } from '../../../apps/api/src/teams/teams.service';
import type { TeamChangeRepositories } from '../../../apps/api/src/teams/team-changes.transaction';
import type { QueueNotifier } from '../../../apps/api/src/teams/queue-notifier';
import type { TeamRepository, TeamWithMembers } from '../../../core/agents/team.repository';
import { anAdmin, fakeUnitOfWork, publishedPolicyWithFallback } from './fake-unit-of-work';

const aTeam = (overrides: Partial<TeamWithMembers> = {}): TeamWithMembers =>
  ({
    id: 'team-1',
    name: 'Billing',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    memberIds: ['a1'],
    assignmentStrategy: 'round_robin',
    skillRelaxAfterSeconds: null,
    capacityWeights: {},
    ...overrides,
  }) as TeamWithMembers;

/** TeamsService over in-memory teams and agents, a fake routing policy and a recording queue notifier. */
function teamsWith({ knownAgents = ['a1', 'a2'], publishedFallbackTeam = undefined as string | undefined } = {}) {
  const stored = { team: aTeam() };
  const teams = {
    findById: jest.fn(async (_tenantId: string, id: string) => (id === stored.team.id ? stored.team : null)),
    replaceMembers: jest.fn(async (_tenantId: string, _id: string, memberIds: string[]) => {
      stored.team = { ...stored.team, memberIds };
    }),
    rename: jest.fn(),
    updateSettings: jest.fn(),
    delete: jest.fn().mockResolvedValue(true),
  };
  const repositories: TeamChangeRepositories = {
    teams,
    agents: {
      existingIds: jest.fn(async (_tenantId: string, ids: string[]) => ids.filter((id) => knownAgents.includes(id))),
    },
    policies: publishedPolicyWithFallback(publishedFallbackTeam ? { teamId: publishedFallbackTeam } : undefined),
  };
  const changes = fakeUnitOfWork(repositories);
  const queue = { queueChanged: jest.fn().mockResolvedValue(undefined) };
  const service = new TeamsService(teams as unknown as TeamRepository, changes, queue as unknown as QueueNotifier);
  return { service, teams, changes, queue, repositories };
}

describe('TeamsService.setMembers', () => {
  it('replaces the membership in one transaction and wakes the queue when it changed', async () => {
    const { service, teams, changes, queue } = teamsWith();

    const view = await service.setMembers(anAdmin(), 'team-1', ['a1', 'a2']);

    expect(changes.runs).toBe(1);
    expect(teams.replaceMembers).toHaveBeenCalledWith('t1', 'team-1', ['a1', 'a2']);
    expect(view.memberIds).toEqual(['a1', 'a2']);
    expect(queue.queueChanged).toHaveBeenCalledWith('t1');
  });

  it('refuses an agent the tenant does not have (404 naming it), changing nothing and waking nobody', async () => {
    const { service, teams, queue } = teamsWith({ knownAgents: ['a1'] });

    await expect(service.setMembers(anAdmin(), 'team-1', ['a1', 'ghost'])).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('ghost'),
    });
    expect(teams.replaceMembers).not.toHaveBeenCalled();
    expect(queue.queueChanged).not.toHaveBeenCalled();
  });

  it('does not wake the queue when the membership is the same', async () => {
    const { service, queue } = teamsWith();

    await service.setMembers(anAdmin(), 'team-1', ['a1']);

    expect(queue.queueChanged).not.toHaveBeenCalled();
  });
});

describe('TeamsService.delete', () => {
  it('refuses (409) while the published routing policy sends conversations to the team, under its lock', async () => {
    const { service, teams, repositories } = teamsWith({ publishedFallbackTeam: 'team-1' });

    await expect(service.delete(anAdmin(), 'team-1')).rejects.toMatchObject({ code: 'conflict' });
    expect(repositories.policies.lock).toHaveBeenCalledWith('t1');
    expect(teams.delete).not.toHaveBeenCalled();
  });

  it('deletes a team no published rule uses', async () => {
    const { service, teams } = teamsWith({ publishedFallbackTeam: 'team-2' });

    await service.delete(anAdmin(), 'team-1');

    expect(teams.delete).toHaveBeenCalledWith('t1', 'team-1');
  });
});
