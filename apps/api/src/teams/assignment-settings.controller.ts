import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { AssignmentSettingsService } from './assignment-settings.service';
import { AssignmentSettingsDto, AssignmentSettingsView } from './team.dto';

@ApiTags('teams')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('assignment/settings')
export class AssignmentSettingsController {
  constructor(private readonly settings: AssignmentSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'How the tenant-wide queue (conversations routed to no team) is assigned' })
  @ApiOkResponse({ type: AssignmentSettingsView })
  get(@CurrentAgent() agent: AuthenticatedAgent) {
    return this.settings.get(agent);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: "Set the tenant-wide queue's assignment strategy (admin)" })
  @ApiOkResponse({ type: AssignmentSettingsView })
  set(@CurrentAgent() admin: AuthenticatedAgent, @Body() { defaultStrategy }: AssignmentSettingsDto) {
    return this.settings.setDefaultStrategy(admin, defaultStrategy);
  }
}
