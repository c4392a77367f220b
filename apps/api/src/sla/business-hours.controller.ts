import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../http/id.param';
import { BusinessHoursDto, BusinessHoursView, OpenAtQuery, OpenAtView } from './business-hours.dto';
import { BusinessHoursService } from './business-hours.service';

@ApiTags('business hours')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('business-hours')
export class BusinessHoursController {
  constructor(private readonly hours: BusinessHoursService) {}

  @Get()
  @ApiOperation({ summary: "List the tenant's business-hours calendars" })
  @ApiOkResponse({ type: [BusinessHoursView] })
  list(@CurrentAgent() agent: AuthenticatedAgent) {
    return this.hours.list(agent);
  }

  @Get(':id')
  @ApiOkResponse({ type: BusinessHoursView })
  get(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.hours.get(agent, id);
  }

  @Get(':id/open')
  @ApiOperation({ summary: 'Whether the calendar is open at an instant (default now), and when it next opens' })
  @ApiOkResponse({ type: OpenAtView })
  openAt(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam, @Query() { at }: OpenAtQuery) {
    return this.hours.openAt(agent, id, at === undefined ? new Date() : new Date(at));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a business-hours calendar (admin)' })
  @ApiOkResponse({ type: BusinessHoursView })
  create(@CurrentAgent() admin: AuthenticatedAgent, @Body() body: BusinessHoursDto) {
    return this.hours.create(admin, body);
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace a calendar; SLA targets counted on it use the new hours from now on (admin)' })
  @ApiOkResponse({ type: BusinessHoursView })
  replace(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: BusinessHoursDto) {
    return this.hours.replace(admin, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a calendar; 409 while an SLA policy or the published routing policy uses it (admin)',
  })
  @ApiNoContentResponse()
  delete(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.hours.delete(admin, id);
  }
}
