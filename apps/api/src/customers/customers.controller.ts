import { Body, Controller, Get, Param, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../http/id.param';
import { CustomerView, UpdateCustomerDto } from './customer.dto';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get(':id')
  @ApiOperation({ summary: "A customer's contact details, tier and attributes" })
  @ApiOkResponse({ type: CustomerView })
  get(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam) {
    return this.customers.get(agent, id);
  }

  @Patch(':id')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: "Set a customer's tier and attributes (merged; null deletes a key; supervisor or admin)",
    description: 'Routing rules match on them (customerTiers, customerAttributes) for conversations routed afterwards.',
  })
  @ApiOkResponse({ type: CustomerView })
  update(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam, @Body() body: UpdateCustomerDto) {
    return this.customers.update(agent, id, body);
  }
}
