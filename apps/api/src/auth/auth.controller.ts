import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/domain/agent';
import { AgentView } from '../agents/agent.view';
import { AgentAuthGuard } from './agent-auth.guard';
import { AuthService } from './auth.service';
import { CurrentAgent } from './current-agent.decorator';
import { LoginDto, LoginResponse } from './login.dto';
import { CurrentTokenHash } from './token-hash.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email, password and tenant slug for a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() body: LoginDto) {
    return this.auth.login(body);
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(AgentAuthGuard)
  @ApiBearerAuth('agent')
  @ApiOperation({ summary: 'Revoke the token this request was made with' })
  @ApiNoContentResponse()
  logout(@CurrentAgent() agent: AuthenticatedAgent, @CurrentTokenHash() tokenHash: string) {
    return this.auth.logout(agent, tokenHash);
  }

  @Get('me')
  @UseGuards(AgentAuthGuard)
  @ApiBearerAuth('agent')
  @ApiOkResponse({ type: AgentView })
  me(@CurrentAgent() agent: AuthenticatedAgent) {
    return this.auth.me(agent);
  }
}
