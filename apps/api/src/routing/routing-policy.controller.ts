import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import {
  AuditQuery,
  DryRunDto,
  PublishDto,
  RollbackDto,
  SaveDraftDto,
  ValidatePolicyDto,
  VersionParam,
  VersionsQuery,
} from './routing-policy.dto';
import {
  DraftPolicyView,
  PolicyAuditEntryView,
  PolicyValidationView,
  PolicyVersionView,
  PublishedPolicyView,
  RoutingPolicyStateView,
} from './routing-policy.views';
import { DryRunReportView } from './routing-dry-run.views';
import { RoutingDryRunService } from './routing-dry-run.service';
import { RoutingPolicyChangesService } from './routing-policy-changes.service';
import { RoutingPolicyService } from './routing-policy.service';

const PROBLEMS_400 = 'The policy is invalid: `message` names the first problem, `details.problems` lists all';

@ApiTags('routing policy')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('routing/policy')
export class RoutingPolicyController {
  constructor(
    private readonly policy: RoutingPolicyService,
    private readonly changes: RoutingPolicyChangesService,
    private readonly dryRuns: RoutingDryRunService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The published routing policy and the draft in progress (either may be null)' })
  @ApiOkResponse({ type: RoutingPolicyStateView })
  state(@CurrentAgent() agent: AuthenticatedAgent) {
    return this.policy.state(agent);
  }

  @Put('draft')
  @Roles('admin')
  @ApiOperation({
    summary: 'Save the draft (admin)',
    description:
      'Creates the single draft (numbered after every version so far, based on the published one) or replaces its ' +
      'document. An absent `note` keeps the current one. Nothing changes for conversations until it is published.',
  })
  @ApiOkResponse({ type: DraftPolicyView })
  @ApiBadRequestResponse({ description: PROBLEMS_400 })
  saveDraft(@CurrentAgent() admin: AuthenticatedAgent, @Body() body: SaveDraftDto) {
    return this.changes.saveDraft(admin, body);
  }

  @Delete('draft')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard the draft (admin); 404 when there is none' })
  @ApiNoContentResponse()
  discardDraft(@CurrentAgent() admin: AuthenticatedAgent) {
    return this.changes.discardDraft(admin);
  }

  @Post('validate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a policy against the current teams, SLA policies, calendars and topics (admin)' })
  @ApiOkResponse({ type: PolicyValidationView })
  validate(@CurrentAgent() admin: AuthenticatedAgent, @Body() { document }: ValidatePolicyDto) {
    return this.policy.validate(admin, document);
  }

  @Post('draft/validate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check the saved draft as publishing would (admin); 404 when there is none' })
  @ApiOkResponse({ type: PolicyValidationView })
  validateDraft(@CurrentAgent() admin: AuthenticatedAgent) {
    return this.policy.validateDraft(admin);
  }

  @Post('draft/publish')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the draft (admin)',
    description:
      'Re-checks the draft (a team or SLA policy deleted since is a 400), makes it the published version and ' +
      'retires the previous one. New conversations are routed by it from now on. 409 when there is no draft.',
  })
  @ApiOkResponse({ type: PublishedPolicyView })
  @ApiBadRequestResponse({ description: PROBLEMS_400 })
  @ApiConflictResponse({ description: 'There is no draft' })
  publish(@CurrentAgent() admin: AuthenticatedAgent, @Body() body: PublishDto) {
    return this.changes.publish(admin, body);
  }

  @Post('rollback')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish a copy of an earlier version (admin)',
    description:
      'Creates a new published version whose document is that of `version` (history is never rewritten). ' +
      'A draft in progress is kept and renumbered after the new version. 400 when the old version refers to ' +
      'teams or SLA policies deleted since, 404 for an unknown version, 409 when it is already the published document.',
  })
  @ApiOkResponse({ type: PublishedPolicyView })
  @ApiBadRequestResponse({ description: PROBLEMS_400 })
  @ApiConflictResponse({ description: "That version's document is already published" })
  rollback(@CurrentAgent() admin: AuthenticatedAgent, @Body() body: RollbackDto) {
    return this.changes.rollback(admin, body);
  }

  @Post('dry-run')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview a policy on real traffic (admin)',
    description:
      'Replays the routing facts recorded on conversations when they were routed (topic, channel, priority, ' +
      'sentiment, customer tier and attributes, language, text, time) under `document` (default: the saved draft; ' +
      '409 when there is neither) and under the published policy, and reports how many conversations would be ' +
      'routed differently, grouped into transitions (from team/priority/SLA to team/priority/SLA), how often each ' +
      'rule would fire, and the first changed conversations. Sample either the `last` N routed conversations ' +
      '(1..5000, default 200) or those routed in [`from`, `to`) (at most 5000, the newest). Nothing is changed.',
  })
  @ApiOkResponse({ type: DryRunReportView })
  @ApiBadRequestResponse({ description: `${PROBLEMS_400}; or both last and from/to were given` })
  @ApiConflictResponse({ description: 'No document in the body and no saved draft' })
  dryRun(@CurrentAgent() admin: AuthenticatedAgent, @Body() body: DryRunDto) {
    return this.dryRuns.dryRun(admin, body);
  }

  @Get('versions')
  @ApiOperation({ summary: 'Published and retired versions, newest first, without documents' })
  @ApiOkResponse({ type: [PolicyVersionView] })
  versions(@CurrentAgent() agent: AuthenticatedAgent, @Query() { limit, before }: VersionsQuery) {
    return this.policy.versions(agent, limit ?? 20, before);
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'One version (the draft included) with its document' })
  @ApiOkResponse({ type: PolicyVersionView })
  version(@CurrentAgent() agent: AuthenticatedAgent, @Param() { version }: VersionParam) {
    return this.policy.version(agent, version);
  }

  @Get('audit')
  @Roles('admin')
  @ApiOperation({ summary: 'Who saved, discarded, published or rolled back which version, newest first (admin)' })
  @ApiOkResponse({ type: [PolicyAuditEntryView] })
  audit(@CurrentAgent() admin: AuthenticatedAgent, @Query() { limit }: AuditQuery) {
    return this.policy.auditTrail(admin, limit ?? 50);
  }
}
