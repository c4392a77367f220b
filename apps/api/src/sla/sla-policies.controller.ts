import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../http/id.param';
import { SlaPolicyDto, SlaPolicyView } from './sla-policy.dto';
import { SlaPoliciesService } from './sla-policies.service';

@ApiTags('sla policies')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  @ApiOperation({ summary: "List the tenant's SLA policies" })
  @ApiOkResponse({ type: [SlaPolicyView] })
  list(@CurrentAgent() agent: AuthenticatedAgent) {
    return this.policies.list(agent);
  }

  @Get(':id')
  @ApiOkResponse({ type: SlaPolicyView })
  get(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.policies.get(agent, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an SLA policy; routing rules attach it to conversations (admin)' })
  @ApiOkResponse({ type: SlaPolicyView })
  create(@CurrentAgent() admin: AuthenticatedAgent, @Body() body: SlaPolicyDto) {
    return this.policies.create(admin, body);
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace an SLA policy; due times already set on conversations stay (admin)' })
  @ApiOkResponse({ type: SlaPolicyView })
  replace(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: SlaPolicyDto) {
    return this.policies.replace(admin, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an SLA policy; 409 while the published routing policy uses it (admin)' })
  @ApiNoContentResponse()
  delete(@CurrentAgent() admin: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.policies.delete(admin, id);
  }
}
