import { Inject, Injectable } from '@nestjs/common';
import { BusinessHoursRepository } from '../../../../core/sla/business-hours.repository';
import {
  SlaPolicyRepository,
  type SlaPolicyFields,
  type SlaPolicyRecord,
} from '../../../../core/sla/sla-policy.repository';
import { isUniqueViolation } from '../../../../core/platform/db/unique-violation';
import { isUuid } from '../../../../core/platform/ids';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { nameTaken, throwNotFound } from '../../../../core/platform/errors/domain-error';
import { validateSlaPolicy } from '../../../../core/sla/sla-policy.validation';
import { assertNotInPublishedPolicy } from '../routing/published-policy-usage';
import { isForeignKeyViolation } from './foreign-key-violation';
import { invalidInput } from '../http/invalid-input';
import type { SlaPolicyDto } from './sla-policy.dto';
import { SLA_CHANGES, type SlaChanges } from './sla-changes.transaction';

@Injectable()
export class SlaPoliciesService {
  constructor(
    private readonly policies: SlaPolicyRepository,
    private readonly hours: BusinessHoursRepository,
    @Inject(SLA_CHANGES) private readonly changes: SlaChanges,
  ) {}

  list(caller: AuthenticatedAgent): Promise<SlaPolicyRecord[]> {
    return this.policies.list(caller.tenantId);
  }

  async get(caller: AuthenticatedAgent, id: string): Promise<SlaPolicyRecord> {
    return (await this.policies.findById(caller.tenantId, id)) ?? throwNotFound('SLA policy', id);
  }

  async create(admin: AuthenticatedAgent, body: SlaPolicyDto): Promise<SlaPolicyRecord> {
    const fields = await this.validFields(admin.tenantId, body);
    await this.assertNameFree(admin.tenantId, fields.name);
    try {
      return await this.policies.create(admin.tenantId, fields);
    } catch (error) {
      throw writeError(fields, error);
    }
  }

  async replace(admin: AuthenticatedAgent, id: string, body: SlaPolicyDto): Promise<SlaPolicyRecord> {
    await this.get(admin, id);
    const fields = await this.validFields(admin.tenantId, body);
    await this.assertNameFree(admin.tenantId, fields.name, id);
    try {
      if (!(await this.policies.update(admin.tenantId, id, fields))) {
        throwNotFound('SLA policy', id);
      }
    } catch (error) {
      throw writeError(fields, error);
    }
    return this.get(admin, id);
  }

  /** Conversations that carry the policy lose it (their due times stay); the published routing policy must not use it. */
  async delete(admin: AuthenticatedAgent, id: string): Promise<void> {
    await this.changes.run(async ({ slaPolicies, routingPolicies }) => {
      const policy = (await slaPolicies.findById(admin.tenantId, id)) ?? throwNotFound('SLA policy', id);
      const label = `SLA policy '${policy.name}'`;
      await assertNotInPublishedPolicy(routingPolicies, admin.tenantId, { kind: 'slaPolicy', id, label });
      await slaPolicies.delete(admin.tenantId, id);
    });
  }

  /** The pure validator checks every field; the calendar must be one of this tenant's. */
  private async validFields(tenantId: string, body: SlaPolicyDto): Promise<SlaPolicyFields> {
    const calendarId = body.businessHoursId;
    const known = isUuid(calendarId) && (await this.hours.findById(tenantId, calendarId));
    const result = validateSlaPolicy({ ...body }, { calendarIds: new Set(known ? [calendarId] : []) });
    if (!result.ok) {
      throw invalidInput('SLA policy', result.problems);
    }
    return result.policy;
  }

  /** Checked up front for a clear answer; the unique index still decides a race (also mapped to 409). */
  private async assertNameFree(tenantId: string, name: string, exceptId?: string): Promise<void> {
    const holder = await this.policies.findByName(tenantId, name);
    if (holder && holder.id !== exceptId) {
      throw nameTaken('An SLA policy', name);
    }
  }
}

/** Races the up-front checks lost: a duplicate name, or the calendar deleted in between. */
function writeError(fields: SlaPolicyFields, error: unknown): unknown {
  if (isUniqueViolation(error)) {
    return nameTaken('An SLA policy', fields.name, error);
  }
  if (isForeignKeyViolation(error)) {
    const problem = {
      field: 'businessHoursId',
      message: `Unknown business-hours calendar '${fields.businessHoursId}'`,
    };
    return invalidInput('SLA policy', [problem]);
  }
  return error;
}
