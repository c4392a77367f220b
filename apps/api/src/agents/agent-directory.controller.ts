import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { DirectoryAgentView } from './agent-directory.view';

/** The tenant's active agents by name and status, for any signed-in agent (the full records are admin-only). */
@ApiTags('agents')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('agents/directory')
export class AgentDirectoryController {
  constructor(private readonly agents: AgentRepository) {}

  @Get()
  @ApiOperation({ summary: "Your tenant's active agents: id, name and status (any agent)" })
  @ApiOkResponse({ type: [DirectoryAgentView] })
  async list(@CurrentAgent() caller: AuthenticatedAgent): Promise<DirectoryAgentView[]> {
    const agents = await this.agents.list(caller.tenantId);
    return agents.map(({ id, name, status }) => ({ id, name, status }));
  }
}
