import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI UI at /docs and the JSON document at /docs-json, generated from controllers and DTOs. */
export function setUpApiDocs(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Threadline API')
      .setDescription('Inbox, admin, channel webhooks and the website chat widget.')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Agent token from POST /auth/login' }, 'agent')
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'Visitor token from POST /widget/sessions' },
        'visitor',
      )
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
