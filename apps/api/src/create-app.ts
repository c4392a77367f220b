import 'reflect-metadata';
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { CoreDependencies } from './core/core.module';
import { DomainErrorFilter } from './http/domain-error.filter';
import { setUpApiDocs } from './http/api-docs';
import { responseCompression } from './http/response-compression';
import { untrustedJsonParser } from './http/untrusted-input/json-body.parser';
import { UntrustedInputGuard } from './http/untrusted-input/untrusted-input.guard';
import { serveInboxApp } from './ui/inbox-app.static';

/** Builds the HTTP app around already-connected outside systems; used by main.ts and by the tests. */
export async function createApiApp(dependencies: CoreDependencies): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(dependencies), {
    bodyParser: false,
    // Webhook signatures are computed over the raw bytes; Nest keeps them as req.rawBody for the urlencoded parser.
    rawBody: true,
    logger: ['error', 'warn'],
  });
  app.use(responseCompression());
  const limit = dependencies.config.api.bodyLimitBytes;
  app.use(untrustedJsonParser(limit));
  app.useBodyParser('urlencoded', { limit, extended: false });
  app.set('trust proxy', dependencies.config.api.trustProxy);
  app.enableCors();
  app.useGlobalFilters(new DomainErrorFilter());
  app.useGlobalGuards(new UntrustedInputGuard());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.enableShutdownHooks();
  setUpApiDocs(app);
  serveInboxApp(app, dependencies.config.api.uiDir);
  return app;
}
