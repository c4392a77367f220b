import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../http/id.param';
import { TeamMembersDto, TeamNameDto, TeamView, UpdateTeamDto } from './team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @ApiOkResponse({ type: [TeamView] })
  list(@CurrentAgent() agent: AuthenticatedAgent) {
    return this.teams.list(agent);
  }

  @Get(':id')
  @ApiOkResponse({ type: TeamView })
  get(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.teams.get(agent, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a team (admin)' })
  @ApiOkResponse({ type: TeamView })
  create(@CurrentAgent() admin: AuthenticatedAgent, @Body() { name }: TeamNameDto) {
    return this.teams.create(admin, name);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a team and/or change how its queue is assigned (admin)' })
  @ApiOkResponse({ type: TeamView })
  update(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: UpdateTeamDto) {
    return this.teams.update(admin, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a team; its conversations keep no team; 409 while the published routing policy uses it (admin)',
  })
  @ApiNoContentResponse()
  delete(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.teams.delete(admin, id);
  }

  @Put(':id/members')
  @Roles('admin')
  @ApiOperation({ summary: "Replace a team's members (admin)" })
  @ApiOkResponse({ type: TeamView })
  setMembers(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { id }: IdParam,
    @Body() { agentIds }: TeamMembersDto,
  ) {
    return this.teams.setMembers(admin, id, agentIds);
  }
}
