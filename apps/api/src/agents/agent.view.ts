import { ApiProperty } from '@nestjs/swagger';
import { AGENT_ROLES, AGENT_STATUSES, type AgentRole, type AgentStatus } from '../../../../core/agents/agent';
import { CHANNELS, type Channel } from '../../../../core/channels/channel';
import type { AgentEntity } from '../../../../core/agents/agent.entity';

export class CapacityView {
  @ApiProperty() chat!: number;
  @ApiProperty() email!: number;
  @ApiProperty() sms!: number;
}

/** An agent as the API shows it: never the password hash. */
export class AgentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AGENT_ROLES }) role!: AgentRole;
  @ApiProperty({ enum: AGENT_STATUSES }) status!: AgentStatus;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ enum: CHANNELS, isArray: true }) channels!: Channel[];
  @ApiProperty({ type: CapacityView }) capacity!: CapacityView;
  @ApiProperty({ description: 'false once the agent is deleted (deactivated)' }) active!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toAgentView(agent: AgentEntity): AgentView {
  return {
    id: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    status: agent.status,
    skills: agent.skills,
    channels: agent.channels,
    capacity: agent.capacity,
    active: agent.active,
    createdAt: agent.createdAt.toISOString(),
    updatedAt: agent.updatedAt.toISOString(),
  };
}
