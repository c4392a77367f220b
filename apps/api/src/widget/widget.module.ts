import { Logger, Module } from '@nestjs/common';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import { TenantRepository } from '../../../../core/tenants/tenant.repository';
import { MessageFeed } from '../streams/message-feed';
import { PgListenMessageFeed } from '../streams/pg-listen.message-feed';
import { APP_CONFIG } from '../core/tokens';
import { repositoryProvider } from '../core/repository.provider';
import { VisitorSessionRepository } from './visitor-session.repository';
import { VisitorSessionsController } from './visitor-sessions.controller';
import { VisitorSessionsService } from './visitor-sessions.service';
import { VisitorTokenService } from './visitor-token.service';
import { WidgetDemoController } from './widget-demo.controller';
import { WidgetSessionService } from './widget-session.service';
import { WidgetStreamService } from './widget-stream.service';
import { WidgetController } from './widget.controller';
import { WidgetService } from './widget.service';

/** Website chat: visitor sessions, sending, history and the live message stream. */
@Module({
  controllers: [WidgetController, WidgetDemoController, VisitorSessionsController],
  providers: [
    repositoryProvider(TenantRepository),
    repositoryProvider(CustomerRepository),
    repositoryProvider(VisitorSessionRepository),
    {
      provide: VisitorTokenService,
      useFactory: (config: AppConfig) =>
        new VisitorTokenService(config.widget.visitorTokenSecret, config.widget.accessTokenTtlSeconds),
      inject: [APP_CONFIG],
    },
    {
      // WidgetStreamService starts and closes it.
      provide: MessageFeed,
      useFactory: (config: AppConfig) =>
        new PgListenMessageFeed({ connectionString: config.databaseUrl, logger: new Logger('MessageFeed') }),
      inject: [APP_CONFIG],
    },
    WidgetSessionService,
    VisitorSessionsService,
    WidgetService,
    WidgetStreamService,
  ],
})
export class WidgetModule {}
