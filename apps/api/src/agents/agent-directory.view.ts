import { ApiProperty } from '@nestjs/swagger';
import { AGENT_STATUSES, type AgentStatus } from '../../../../core/agents/agent';

/** What every agent may know about a colleague: enough to name them, mention them and transfer to them. */
export class DirectoryAgentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AGENT_STATUSES }) status!: AgentStatus;
}
