import { ApiProperty } from '@nestjs/swagger';
import type { PolicyVersionRecord } from '../../../../core/routing/routing-policy.repository';
import { ROUTING_POLICY_ACTIONS } from '../../../../core/routing/routing-policy-audit.repository';
import { POLICY_EXAMPLE } from './routing-policy.dto';

export class PolicyProblemView {
  @ApiProperty({ type: Number, nullable: true, description: 'Index in `rules`; null for document-level and fallback' })
  ruleIndex!: number | null;
  @ApiProperty({ example: 'then.teamId', description: 'Path inside the rule (or the document when ruleIndex is null)' })
  field!: string;
  @ApiProperty() message!: string;
}

export class PolicyValidationView {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [PolicyProblemView] }) problems!: PolicyProblemView[];
}

export class PolicyActorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

const documentProperty = ApiProperty({ type: 'object', additionalProperties: true, example: POLICY_EXAMPLE });

export class PublishedPolicyView {
  @ApiProperty() version!: number;
  @documentProperty document!: unknown;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Set when this version restored an earlier one' })
  rolledBackFrom!: number | null;
  @ApiProperty({ type: PolicyActorView, nullable: true }) publishedBy!: PolicyActorView | null;
  @ApiProperty() publishedAt!: Date;
}

export class DraftPolicyView {
  @ApiProperty({ description: 'The number it gets when published' }) version!: number;
  @documentProperty document!: unknown;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The version published when the draft was started; differs from the current one if it went stale',
  })
  basedOnVersion!: number | null;
  @ApiProperty({ type: PolicyActorView, nullable: true }) updatedBy!: PolicyActorView | null;
  @ApiProperty() updatedAt!: Date;
}

export class RoutingPolicyStateView {
  @ApiProperty({ type: PublishedPolicyView, nullable: true }) published!: PublishedPolicyView | null;
  @ApiProperty({ type: DraftPolicyView, nullable: true }) draft!: DraftPolicyView | null;
}

export class PolicyVersionView {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['draft', 'published', 'retired'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Omitted in lists' })
  document?: unknown;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Number, nullable: true }) basedOnVersion!: number | null;
  @ApiProperty({ type: Number, nullable: true }) rolledBackFrom!: number | null;
  @ApiProperty({ type: PolicyActorView, nullable: true }) createdBy!: PolicyActorView | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: PolicyActorView, nullable: true }) publishedBy!: PolicyActorView | null;
  @ApiProperty({ type: Date, nullable: true }) publishedAt!: Date | null;
}

export class PolicyAuditEntryView {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ROUTING_POLICY_ACTIONS }) action!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorAgentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty() createdAt!: Date;
}

export function toPublishedView(record: PolicyVersionRecord): PublishedPolicyView {
  return {
    version: record.version,
    document: record.document,
    note: record.note,
    rolledBackFrom: record.rolledBackFrom,
    publishedBy: record.publishedBy,
    publishedAt: record.publishedAt!,
  };
}

export function toDraftView(record: PolicyVersionRecord): DraftPolicyView {
  return {
    version: record.version,
    document: record.document,
    note: record.note,
    basedOnVersion: record.basedOnVersion,
    updatedBy: record.updatedBy,
    updatedAt: record.updatedAt,
  };
}

export function toVersionView(record: PolicyVersionRecord): PolicyVersionView {
  const { updatedBy: _updatedBy, updatedAt: _updatedAt, document, ...rest } = record;
  return document === null ? rest : { ...rest, document };
}
