import { Injectable } from '@nestjs/common';
import { BusinessHoursRepository } from '../../../../core/sla/business-hours.repository';
import { RoutingPolicyRepository, type RoutingReferences } from '../../../../core/routing/routing-policy.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { DomainError, invalidState } from '../../../../core/platform/errors/domain-error';
import { compareRouting } from '../../../../core/routing/routing-dry-run';
import type { RoutingPolicyDocument } from '../../../../core/routing/routing-policy.types';
import { BusinessCalendar } from '../../../../core/sla/business-calendar';
import { acceptedPolicy } from './policy-check';
import { calendarIdsIn } from './policy-references';
import { MAX_DRY_RUN_SAMPLES, type DryRunDto } from './routing-policy.dto';
import type { DryRunReportView, DryRunSampleView } from './routing-dry-run.views';

const DEFAULT_LAST = 200;

/** Replays recently routed conversations under a draft and under the published policy, and reports what would move. */
@Injectable()
export class RoutingDryRunService {
  constructor(
    private readonly policies: RoutingPolicyRepository,
    private readonly hours: BusinessHoursRepository,
  ) {}

  async dryRun(admin: AuthenticatedAgent, body: DryRunDto): Promise<DryRunReportView> {
    const tenantId = admin.tenantId;
    const window = sampleWindow(body);
    const references = await this.policies.references(tenantId);
    const { draft, draftVersion } = await this.draftToReplay(tenantId, body.document, references);
    const published = await this.policies.published(tenantId);
    const current = published?.document ?? null;
    const calendars = await this.calendars(tenantId, [
      ...calendarIdsIn(draft),
      ...(current ? calendarIdsIn(current) : []),
    ]);
    const limit = window.mode === 'last' ? window.last! : MAX_DRY_RUN_SAMPLES + 1;
    const fetched = await this.policies.routedSamples(tenantId, { from: window.fromDate, to: window.toDate, limit });
    const samples = fetched.slice(0, MAX_DRY_RUN_SAMPLES);
    const report = compareRouting(samples, current, draft, calendars, {
      teams: references.teams,
      slaPolicies: references.slaPolicies,
    });
    return {
      sample: {
        mode: window.mode,
        last: window.last,
        from: window.from,
        to: window.to,
        truncated: fetched.length > samples.length,
      },
      policies: { draftVersion, currentVersion: published?.version ?? null },
      ...report,
    };
  }

  /** The body's document, else the saved draft; either is checked against the references as they are now. */
  private async draftToReplay(
    tenantId: string,
    document: Record<string, unknown> | undefined,
    references: RoutingReferences,
  ): Promise<{ draft: RoutingPolicyDocument; draftVersion: number | null }> {
    if (document !== undefined) {
      return { draft: acceptedPolicy(document, references, 'Invalid routing policy'), draftVersion: null };
    }
    const saved = await this.policies.findDraft(tenantId);
    if (!saved) {
      throw invalidState('Nothing to dry-run: send a document or save a draft with PUT /routing/policy/draft');
    }
    const draft = acceptedPolicy(saved.document, references, `Draft version ${saved.version} is no longer valid`);
    return { draft, draftVersion: saved.version };
  }

  private async calendars(tenantId: string, ids: string[]): Promise<Map<string, BusinessCalendar>> {
    const schedules = await this.hours.findSchedules(tenantId, [...new Set(ids)]);
    return new Map([...schedules].map(([id, schedule]) => [id, new BusinessCalendar(schedule)]));
  }
}

interface SampleWindow extends DryRunSampleView {
  fromDate: Date | null;
  toDate: Date | null;
}

/** Either the last N routed conversations or those routed in [from, to); never both. */
function sampleWindow({ last, from, to }: DryRunDto): SampleWindow {
  if (last !== undefined && (from !== undefined || to !== undefined)) {
    throw new DomainError('validation_failed', 'Use either last or from/to, not both');
  }
  if (from === undefined && to === undefined) {
    const count = last ?? DEFAULT_LAST;
    return { mode: 'last', last: count, from: null, to: null, truncated: false, fromDate: null, toDate: null };
  }
  const fromDate = from === undefined ? null : new Date(from);
  const toDate = to === undefined ? null : new Date(to);
  if (fromDate && toDate && fromDate >= toDate) {
    throw new DomainError('validation_failed', 'from must be before to');
  }
  return {
    mode: 'range',
    last: null,
    from: fromDate?.toISOString() ?? null,
    to: toDate?.toISOString() ?? null,
    truncated: false,
    fromDate,
    toDate,
  };
}
