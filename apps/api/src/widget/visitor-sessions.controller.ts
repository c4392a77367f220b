import { Controller, Delete, HttpCode, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentAuthGuard } from '../auth/agent-auth.guard';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../http/id.param';
import { VisitorSessionsService } from './visitor-sessions.service';

export class RevokedSessionsView {
  @ApiProperty({ description: 'How many live sessions were revoked' }) revoked!: number;
}

/** Signing a website visitor out everywhere (a leaked widget token, an abusive visitor). */
@ApiTags('customers')
@ApiBearerAuth('agent')
@UseGuards(AgentAuthGuard)
@Controller('customers')
export class VisitorSessionsController {
  constructor(private readonly sessions: VisitorSessionsService) {}

  @Delete(':id/visitor-sessions')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Revoke every widget session of a customer; their open streams end (supervisor, admin)' })
  @ApiOkResponse({ type: RevokedSessionsView })
  revokeAll(@CurrentAgent() agent: AuthenticatedAgent, @Param() { id }: IdParam): Promise<RevokedSessionsView> {
    return this.sessions.revokeAllForCustomer(agent, id);
  }
}
