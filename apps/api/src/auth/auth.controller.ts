import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { AgentView } from '../agents/agent.view';
import { AgentAuthGuard } from './agent-auth.guard';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './change-password.dto';
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
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for the account or from the address' })
  login(@Body() body: LoginDto, @Ip() ip: string) {
    return this.auth.login(body, ip);
  }

  @Post('password')
  @HttpCode(204)
  @UseGuards(AgentAuthGuard)
  @ApiBearerAuth('agent')
  @ApiOperation({ summary: "Change the caller's password; revokes all their other tokens" })
  @ApiNoContentResponse()
  changePassword(
    @CurrentAgent() agent: AuthenticatedAgent,
    @CurrentTokenHash() tokenHash: string,
    @Body() body: ChangePasswordDto,
    @Ip() ip: string,
  ) {
    return this.auth.changePassword(agent, tokenHash, body, ip);
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
