import { ApiProperty } from '@nestjs/swagger';
import { PRIORITIES } from '../../../../core/conversations/conversation-status';

/** Swagger shapes of core/routing/routing-dry-run.ts's DryRunReport, plus what was sampled. */

export class RoutingDestinationView {
  @ApiProperty({ description: "The deciding rule's name, 'fallback', or '(no policy)'" }) rule!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null = the tenant-wide queue' })
  teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) teamName!: string | null;
  @ApiProperty({ enum: PRIORITIES }) priority!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) slaPolicyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) slaPolicyName!: string | null;
}

export class RoutedResultView extends RoutingDestinationView {
  @ApiProperty({ type: Number, nullable: true }) ruleIndex!: number | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String] }) requiredSkills!: string[];
  @ApiProperty({ type: [String] }) optionalSkills!: string[];
}

export class DryRunTransitionView {
  @ApiProperty({ type: RoutingDestinationView, description: 'Under the published policy' })
  from!: RoutingDestinationView;
  @ApiProperty({ type: RoutingDestinationView, description: 'Under the draft' }) to!: RoutingDestinationView;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [String], description: 'A few of the conversations that move this way' })
  sampleConversationIds!: string[];
}

export class RuleHitView {
  @ApiProperty({ type: Number, nullable: true, description: 'null = the fallback' }) ruleIndex!: number | null;
  @ApiProperty() ruleName!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'Sampled conversations this rule would decide' }) count!: number;
}

export class RuleHitsView {
  @ApiProperty({ type: [RuleHitView] }) draft!: RuleHitView[];
  @ApiProperty({ type: [RuleHitView], nullable: true, description: 'null when nothing is published' })
  current!: RuleHitView[] | null;
}

export class ConversationRoutingChangeView {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: RoutedResultView }) from!: RoutedResultView;
  @ApiProperty({ type: RoutedResultView }) to!: RoutedResultView;
  @ApiProperty({ enum: ['team', 'priority', 'sla', 'tags', 'skills'], isArray: true }) differences!: string[];
}

export class DryRunSampleView {
  @ApiProperty({ enum: ['last', 'range'] }) mode!: 'last' | 'range';
  @ApiProperty({ type: Number, nullable: true, description: 'The N of last-N mode' }) last!: number | null;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty({ description: 'More conversations were routed in the range than were replayed (the newest are)' })
  truncated!: boolean;
}

export class DryRunPoliciesView {
  @ApiProperty({ type: Number, nullable: true, description: 'The saved draft replayed; null when the body had one' })
  draftVersion!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The published version compared against' })
  currentVersion!: number | null;
}

export class DryRunReportView {
  @ApiProperty({ type: DryRunSampleView }) sample!: DryRunSampleView;
  @ApiProperty({ type: DryRunPoliciesView }) policies!: DryRunPoliciesView;
  @ApiProperty({ description: 'Conversations replayed' }) evaluated!: number;
  @ApiProperty({ description: 'Whose team, priority, SLA policy, tags or skills would differ' }) changed!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [DryRunTransitionView], description: 'Changed conversations grouped by (from, to)' })
  transitions!: DryRunTransitionView[];
  @ApiProperty({ type: RuleHitsView }) ruleHits!: RuleHitsView;
  @ApiProperty({ type: [ConversationRoutingChangeView], description: 'The first changed conversations' })
  changes!: ConversationRoutingChangeView[];
  @ApiProperty() changesTruncated!: boolean;
}
