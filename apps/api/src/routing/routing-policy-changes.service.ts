import { Inject, Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { invalidState, notFound } from '../../../../core/platform/errors/domain-error';
import { acceptedPolicy } from './policy-check';
import type { PublishDto, RollbackDto, SaveDraftDto } from './routing-policy.dto';
import { noDraft } from './routing-policy.service';
import {
  ROUTING_POLICY_CHANGES,
  type RoutingPolicyChangeRepositories,
  type RoutingPolicyChanges,
} from './routing-policy-changes.transaction';
import { toDraftView, toPublishedView, type DraftPolicyView, type PublishedPolicyView } from './routing-policy.views';

interface ChangeContext extends RoutingPolicyChangeRepositories {
  tenantId: string;
  actorId: string;
}

/**
 * Every change to a tenant's routing policy: one transaction that holds the tenant's routing-policy lock, checks
 * against the references as they are now, writes the versions and the audit entry together.
 */
@Injectable()
export class RoutingPolicyChangesService {
  constructor(@Inject(ROUTING_POLICY_CHANGES) private readonly changes: RoutingPolicyChanges) {}

  /** Creates the draft (numbered after every version so far, based on the published one) or replaces its document. */
  saveDraft(admin: AuthenticatedAgent, { document, note }: SaveDraftDto): Promise<DraftPolicyView> {
    return this.change(admin, async ({ tenantId, actorId, policies, audit }) => {
      const policy = acceptedPolicy(document, await policies.references(tenantId), 'Invalid routing policy');
      const draft = await policies.findDraft(tenantId);
      let version: number;
      if (draft) {
        version = draft.version;
        await policies.replaceDraft(tenantId, policy, note === undefined ? draft.note : note, actorId);
      } else {
        version = await policies.nextVersion(tenantId);
        const basedOnVersion = (await policies.findPublished(tenantId))?.version ?? null;
        await policies.insert(tenantId, {
          version,
          status: 'draft',
          document: policy,
          note: note ?? null,
          basedOnVersion,
          actorId,
        });
      }
      await audit.record(tenantId, {
        version,
        action: 'draft_saved',
        actorAgentId: actorId,
        details: { created: !draft, rules: policy.rules.length },
      });
      return toDraftView((await policies.current(tenantId)).draft!);
    });
  }

  discardDraft(admin: AuthenticatedAgent): Promise<void> {
    return this.change(admin, async ({ tenantId, actorId, policies, audit }) => {
      const draft = await policies.findDraft(tenantId);
      if (!draft) {
        throw noDraft();
      }
      await policies.deleteDraft(tenantId);
      await audit.record(tenantId, { version: draft.version, action: 'draft_discarded', actorAgentId: actorId });
    });
  }

  /** The draft becomes the published version; what it refers to is checked again, as it may have been deleted since. */
  publish(admin: AuthenticatedAgent, { note }: PublishDto): Promise<PublishedPolicyView> {
    return this.change(admin, async ({ tenantId, actorId, policies, audit }) => {
      const draft = await policies.findDraft(tenantId);
      if (!draft) {
        throw invalidState('There is no routing policy draft to publish; save one with PUT /routing/policy/draft');
      }
      const references = await policies.references(tenantId);
      const policy = acceptedPolicy(draft.document, references, `Draft version ${draft.version} cannot be published`);
      const previous = await policies.findPublished(tenantId);
      await policies.retirePublished(tenantId);
      await policies.publishDraft(tenantId, policy, note === undefined ? draft.note : note, actorId);
      await audit.record(tenantId, {
        version: draft.version,
        action: 'published',
        actorAgentId: actorId,
        details: { previousVersion: previous?.version ?? null, rules: policy.rules.length },
      });
      return toPublishedView((await policies.current(tenantId)).published!);
    });
  }

  /**
   * Publishes a new version whose document is a copy of an earlier one. A draft in progress is kept and renumbered
   * after the new version, so it still publishes as the newest.
   */
  rollback(admin: AuthenticatedAgent, { version, note }: RollbackDto): Promise<PublishedPolicyView> {
    return this.change(admin, async ({ tenantId, actorId, policies, audit }) => {
      const target = await policies.findVersion(tenantId, version);
      if (!target || target.status === 'draft') {
        throw notFound('published routing policy version', String(version));
      }
      const current = await policies.findPublished(tenantId);
      if (current && isDeepStrictEqual(current.document, target.document)) {
        throw invalidState(
          `Version ${version}'s document is already the published policy (version ${current.version})`,
          { currentVersion: current.version },
        );
      }
      const references = await policies.references(tenantId);
      const policy = acceptedPolicy(target.document, references, `Version ${version} cannot be restored`);
      const newVersion = await policies.nextVersion(tenantId);
      const draft = await policies.findDraft(tenantId);
      if (draft) {
        await policies.renumberDraft(tenantId, newVersion + 1);
      }
      await policies.retirePublished(tenantId);
      await policies.insert(tenantId, {
        version: newVersion,
        status: 'published',
        document: policy,
        note: note === undefined ? `Rollback to version ${version}` : note,
        basedOnVersion: current?.version ?? null,
        rolledBackFrom: version,
        actorId,
      });
      await audit.record(tenantId, {
        version: newVersion,
        action: 'rolled_back',
        actorAgentId: actorId,
        details: {
          rolledBackFrom: version,
          previousVersion: current?.version ?? null,
          draftRenumbered: draft ? { from: draft.version, to: newVersion + 1 } : null,
        },
      });
      return toPublishedView((await policies.current(tenantId)).published!);
    });
  }

  private change<T>(admin: AuthenticatedAgent, work: (context: ChangeContext) => Promise<T>): Promise<T> {
    return this.changes.run(async ({ policies, audit }) => {
      await policies.lock(admin.tenantId);
      return work({ tenantId: admin.tenantId, actorId: admin.id, policies, audit });
    });
  }
}
