import { Injectable } from '@nestjs/common';
import { RoutingPolicyAuditRepository } from '../../../../core/routing/routing-policy-audit.repository';
import { RoutingPolicyRepository } from '../../../../core/routing/routing-policy.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { DomainError, notFound } from '../../../../core/platform/errors/domain-error';
import { checkPolicy } from './policy-check';
import {
  toDraftView,
  toPublishedView,
  toVersionView,
  type PolicyAuditEntryView,
  type PolicyValidationView,
  type PolicyVersionView,
  type RoutingPolicyStateView,
} from './routing-policy.views';

/** Reading the routing policy, its history and its audit trail, and checking a policy without saving it. */
@Injectable()
export class RoutingPolicyService {
  constructor(
    private readonly policies: RoutingPolicyRepository,
    private readonly audit: RoutingPolicyAuditRepository,
  ) {}

  async state(caller: AuthenticatedAgent): Promise<RoutingPolicyStateView> {
    const { published, draft } = await this.policies.current(caller.tenantId);
    return { published: published && toPublishedView(published), draft: draft && toDraftView(draft) };
  }

  async versions(caller: AuthenticatedAgent, limit: number, before?: number): Promise<PolicyVersionView[]> {
    return (await this.policies.listVersions(caller.tenantId, limit, before)).map(toVersionView);
  }

  async version(caller: AuthenticatedAgent, version: number): Promise<PolicyVersionView> {
    const record = await this.policies.describeVersion(caller.tenantId, version);
    if (!record) {
      throw notFound('routing policy version', String(version));
    }
    return toVersionView(record);
  }

  auditTrail(admin: AuthenticatedAgent, limit: number): Promise<PolicyAuditEntryView[]> {
    return this.audit.list(admin.tenantId, limit);
  }

  async validate(admin: AuthenticatedAgent, document: unknown): Promise<PolicyValidationView> {
    const result = checkPolicy(document, await this.policies.references(admin.tenantId));
    return result.ok ? { valid: true, problems: [] } : { valid: false, problems: result.problems };
  }

  /** Checks the saved draft against today's teams, SLA policies, calendars and topics (what publishing will do). */
  async validateDraft(admin: AuthenticatedAgent): Promise<PolicyValidationView> {
    const draft = await this.policies.findDraft(admin.tenantId);
    if (!draft) {
      throw noDraft();
    }
    return this.validate(admin, draft.document);
  }
}

export const noDraft = () =>
  new DomainError('not_found', 'There is no routing policy draft; save one with PUT /routing/policy/draft');
