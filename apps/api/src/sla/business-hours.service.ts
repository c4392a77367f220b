import { Inject, Injectable } from '@nestjs/common';
import { BusinessHoursRepository, type BusinessHoursRecord } from '../../../../core/sla/business-hours.repository';
import { isUniqueViolation } from '../../../../core/platform/db/unique-violation';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { DomainError, nameTaken, throwNotFound } from '../../../../core/platform/errors/domain-error';
import { BusinessCalendar } from '../../../../core/sla/business-calendar';
import { validateBusinessHours } from '../../../../core/sla/business-hours.validation';
import { assertNotInPublishedPolicy } from '../routing/published-policy-usage';
import type { BusinessHoursDto, OpenAtView } from './business-hours.dto';
import { invalidInput } from '../http/invalid-input';
import { isForeignKeyViolation } from './foreign-key-violation';
import { SLA_CHANGES, type SlaChanges } from './sla-changes.transaction';

@Injectable()
export class BusinessHoursService {
  constructor(
    private readonly hours: BusinessHoursRepository,
    @Inject(SLA_CHANGES) private readonly changes: SlaChanges,
  ) {}

  list(caller: AuthenticatedAgent): Promise<BusinessHoursRecord[]> {
    return this.hours.list(caller.tenantId);
  }

  async get(caller: AuthenticatedAgent, id: string): Promise<BusinessHoursRecord> {
    return (await this.hours.findById(caller.tenantId, id)) ?? throwNotFound('business-hours calendar', id);
  }

  async openAt(caller: AuthenticatedAgent, id: string, at: Date): Promise<OpenAtView> {
    const calendar = new BusinessCalendar(await this.get(caller, id));
    const open = calendar.isOpenAt(at);
    return { at: at.toISOString(), open, nextOpening: (open ? at : calendar.nextOpening(at))?.toISOString() ?? null };
  }

  async create(admin: AuthenticatedAgent, body: BusinessHoursDto): Promise<BusinessHoursRecord> {
    const fields = validFields(body);
    await this.assertNameFree(admin.tenantId, fields.name);
    try {
      return await this.hours.create(admin.tenantId, fields);
    } catch (error) {
      throw isUniqueViolation(error) ? nameTaken('A business-hours calendar', fields.name, error) : error;
    }
  }

  async replace(admin: AuthenticatedAgent, id: string, body: BusinessHoursDto): Promise<BusinessHoursRecord> {
    const fields = validFields(body);
    await this.get(admin, id);
    await this.assertNameFree(admin.tenantId, fields.name, id);
    try {
      if (!(await this.hours.update(admin.tenantId, id, fields))) {
        throwNotFound('business-hours calendar', id);
      }
    } catch (error) {
      throw isUniqueViolation(error) ? nameTaken('A business-hours calendar', fields.name, error) : error;
    }
    return this.get(admin, id);
  }

  /** Refused while an SLA policy counts time on the calendar or the published routing policy tests it. */
  async delete(admin: AuthenticatedAgent, id: string): Promise<void> {
    try {
      await this.changes.run(async ({ hours, slaPolicies, routingPolicies }) => {
        const calendar = (await hours.findById(admin.tenantId, id)) ?? throwNotFound('business-hours calendar', id);
        const label = `Business hours '${calendar.name}'`;
        await assertNotInPublishedPolicy(routingPolicies, admin.tenantId, { kind: 'calendar', id, label });
        const users = await slaPolicies.namesUsingCalendar(admin.tenantId, id);
        if (users.length > 0) {
          throw inUse(label, users);
        }
        await hours.delete(admin.tenantId, id);
      });
    } catch (error) {
      // An SLA policy created meanwhile still holds the row (ON DELETE RESTRICT).
      throw isForeignKeyViolation(error) ? inUse(`Business hours ${id}`, [], error) : error;
    }
  }

  /** Checked up front for a clear answer; the unique index still decides a race (also mapped to 409). */
  private async assertNameFree(tenantId: string, name: string, exceptId?: string): Promise<void> {
    const holder = await this.hours.findByName(tenantId, name);
    if (holder && holder.id !== exceptId) {
      throw nameTaken('A business-hours calendar', name);
    }
  }
}

function validFields(body: BusinessHoursDto) {
  const result = validateBusinessHours({ timeZone: body.timeZone, weekly: body.weekly, holidays: body.holidays });
  if (!result.ok) {
    throw invalidInput('business hours', result.problems);
  }
  return { name: body.name.trim(), ...result.schedule };
}

function inUse(label: string, slaPolicies: string[], cause?: unknown): DomainError {
  const users =
    slaPolicies.length > 0 ? `SLA policies ${slaPolicies.map((name) => `'${name}'`).join(', ')}` : 'an SLA policy';
  return new DomainError('conflict', `${label} is used by ${users}; change them first`, { slaPolicies }, { cause });
}
