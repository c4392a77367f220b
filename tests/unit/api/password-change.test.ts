import { AuthService } from '../../../apps/api/src/auth/auth.service';
import type { PasswordChangeRepositories } from '../../../apps/api/src/auth/password-changes.transaction';
import { hashPassword } from '../../../core/auth/password';
import { anAdmin, fakeUnitOfWork } from './fake-unit-of-work';

/** AuthService with its repositories, throttle and password transaction replaced by fakes. */
async function authWith(currentPassword: string) {
  const stored = { id: 'admin-1', email: 'ada@example.com', passwordHash: await hashPassword(currentPassword) };
  const agents = {
    findById: jest.fn().mockResolvedValue(stored),
    findByEmailWithPassword: jest.fn().mockResolvedValue(stored),
  };
  const throttle = { admit: jest.fn().mockResolvedValue({}), succeeded: jest.fn().mockResolvedValue(undefined) };
  const inTransaction = { agents: { update: jest.fn() }, tokens: { revokeAllButOne: jest.fn() } };
  const changes = fakeUnitOfWork(inTransaction as unknown as PasswordChangeRepositories);
  const service = new AuthService({} as never, agents as never, {} as never, throttle as never, changes);
  return { service, inTransaction, changes };
}

describe('AuthService.changePassword', () => {
  it("stores the new hash and revokes the agent's other sessions in one transaction, keeping this one", async () => {
    const { service, inTransaction, changes } = await authWith('old-password-1');

    await service.changePassword(
      anAdmin(),
      'this-token-hash',
      {
        currentPassword: 'old-password-1',
        newPassword: 'new-password-2',
      },
      '127.0.0.1',
    );

    expect(changes.runs).toBe(1);
    expect(inTransaction.agents.update).toHaveBeenCalledWith('t1', 'admin-1', { passwordHash: expect.any(String) });
    expect(inTransaction.tokens.revokeAllButOne).toHaveBeenCalledWith('t1', 'admin-1', 'this-token-hash');
  });

  it('refuses (403) a wrong current password and changes nothing', async () => {
    const { service, changes } = await authWith('old-password-1');

    await expect(
      service.changePassword(anAdmin(), 'h', { currentPassword: 'guess', newPassword: 'new-password-2' }, '::1'),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(changes.runs).toBe(0);
  });
});
