import type { RoutingPolicyRepository } from '../../../../core/routing/routing-policy.repository';
import { DomainError } from '../../../../core/platform/errors/domain-error';
import { placesReferring, type PolicyReferenceKind } from './policy-references';

/** The routing-policy reads a removal checks against, on the removal's own transaction. */
export type PublishedPolicyLock = Pick<RoutingPolicyRepository, 'lock' | 'published'>;

/**
 * Refuses (409) to remove something the published routing policy routes with. Takes the tenant's routing-policy
 * lock, so a publish cannot start referring to it before the caller's transaction commits the removal: `policies`
 * must be bound to that transaction.
 */
export async function assertNotInPublishedPolicy(
  policies: PublishedPolicyLock,
  tenantId: string,
  reference: { kind: PolicyReferenceKind; id: string; label: string },
): Promise<void> {
  await policies.lock(tenantId);
  const published = await policies.published(tenantId);
  const places = published ? placesReferring(published.document, reference.kind, reference.id) : [];
  if (published && places.length > 0) {
    throw new DomainError(
      'conflict',
      `${reference.label} is used by the published routing policy (version ${published.version}) at ` +
        `${places.join(', ')}; publish a policy without it first`,
      { version: published.version, places },
    );
  }
}
