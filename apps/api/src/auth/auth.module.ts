import { Module } from '@nestjs/common';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { TenantRepository } from '../../../../core/tenants/tenant.repository';
import { repositoryProvider } from '../core/repository.provider';
import { AgentAuthGuard } from './agent-auth.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { LoginFailureRepository } from '../../../../core/auth/login-failure.repository';
import { passwordChangesProvider } from './password-changes.transaction';

/**
 * Login, logout and the caller's profile. AgentAuthGuard needs only globally provided classes (the core module's
 * AgentTokenRepository, Reflector), so other modules use `@UseGuards(AgentAuthGuard)` without importing this module.
 */
@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginThrottle,
    repositoryProvider(LoginFailureRepository),
    AgentAuthGuard,
    repositoryProvider(TenantRepository),
    repositoryProvider(AgentRepository),
    passwordChangesProvider,
  ],
  exports: [AgentAuthGuard],
})
export class AuthModule {}
