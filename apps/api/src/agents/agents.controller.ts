import { Body, Controller, Delete, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../http/id.param';
import { CapacityDto, CreateAgentDto, OwnStatusDto, UpdateAgentDto } from './agent.dto';
import { AgentView } from './agent.view';
import { AgentsService } from './agents.service';

@ApiTags('agents')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Patch('me/status')
  @ApiOperation({ summary: 'Set your own status; going online lets queued conversations be assigned to you' })
  @ApiOkResponse({ type: AgentView })
  setOwnStatus(@CurrentAgent() agent: AuthenticatedAgent, @Body() { status }: OwnStatusDto) {
    return this.agents.setOwnStatus(agent, status);
  }

  @Patch('me/capacity')
  @ApiOperation({ summary: 'Set your own concurrent-conversation capacity per channel' })
  @ApiOkResponse({ type: AgentView })
  setOwnCapacity(@CurrentAgent() agent: AuthenticatedAgent, @Body() capacity: CapacityDto) {
    return this.agents.setOwnCapacity(agent, capacity);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an agent (admin)' })
  @ApiOkResponse({ type: AgentView })
  create(@CurrentAgent() admin: AuthenticatedAgent, @Body() body: CreateAgentDto) {
    return this.agents.create(admin, body);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: "List the tenant's agents, deactivated ones included (admin)" })
  @ApiOkResponse({ type: [AgentView] })
  list(@CurrentAgent() admin: AuthenticatedAgent) {
    return this.agents.list(admin);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: AgentView })
  get(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.agents.get(admin, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Update an agent, including their status and capacity (admin)' })
  @ApiOkResponse({ type: AgentView })
  update(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: UpdateAgentDto) {
    return this.agents.update(admin, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Deactivate an agent and revoke their tokens (admin)' })
  @ApiOkResponse({ type: AgentView })
  deactivate(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.agents.deactivate(admin, id);
  }
}
