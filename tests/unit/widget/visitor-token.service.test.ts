import { createHmac } from 'node:crypto';
import { Secret } from '../../../core/platform/config/secret';
import { VisitorTokenService } from '../../../apps/api/src/widget/visitor-token.service';

const visitor = {
  tenantId: '6f1c1e0a-4a51-4c1b-9a43-0f3c8d1f2a10',
  customerId: '0b9f0c7e-2d55-4e0f-8f57-6b1f4b0f4f21',
  visitorId: 'v_123',
  sessionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

describe('VisitorTokenService', () => {
  const service = new VisitorTokenService(new Secret('s3cret'), 3600);
  const now = new Date('2030-01-01T00:00:00Z');

  it('verifies what it signed until it expires', () => {
    const { token, expiresAt } = service.sign(visitor, now);

    expect(expiresAt.toISOString()).toBe('2030-01-01T01:00:00.000Z');
    expect(service.verify(token, now)).toEqual({ valid: true, visitor, expiresAt });
    expect(service.verify(token, new Date('2030-01-01T00:59:59Z')).valid).toBe(true);
    expect(service.verify(token, new Date('2030-01-01T01:00:00Z'))).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuses a token signed with another secret or with a changed payload', () => {
    const { token } = service.sign(visitor, now);
    const other = new VisitorTokenService(new Secret('other'), 3600).sign(visitor, now).token;
    const [, signature] = token.split('.');
    const changed = Buffer.from(JSON.stringify({ ...visitor, visitorId: 'v_456', exp: 1_900_000_000 })).toString(
      'base64url',
    );

    expect(service.verify(other, now)).toEqual({ valid: false, reason: 'bad_signature' });
    expect(service.verify(`${changed}.${signature}`, now)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('names the session, and refuses a token without one', () => {
    const { token } = service.sign(visitor, now);
    const claims = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
    const { sid: _sid, ...withoutSession } = claims;
    const unsigned = Buffer.from(JSON.stringify(withoutSession)).toString('base64url');
    const signature = createHmac('sha256', 's3cret').update(unsigned).digest('base64url');

    expect(claims.sid).toBe(visitor.sessionId);
    expect(service.verify(`${unsigned}.${signature}`, now)).toEqual({
      valid: false,
      reason: 'malformed',
    });
  });

  it('refuses malformed tokens', () => {
    expect(service.verify('', now)).toEqual({ valid: false, reason: 'malformed' });
    expect(service.verify('abc', now)).toEqual({ valid: false, reason: 'malformed' });
    expect(service.verify('a.b.c', now)).toEqual({ valid: false, reason: 'malformed' });
    expect(service.verify('a.b', now).valid).toBe(false);
  });
});
