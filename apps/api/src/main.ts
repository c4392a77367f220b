import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../../core/platform/config/app-config';
import { createDataSource } from '../../../core/data-source';
import { connectTemporalClient } from '../../../core/platform/temporal/temporal-client';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource({
    url: config.databaseUrl,
    applicationName: 'threadline-api',
  }).initialize();
  const temporal = await connectTemporalClient(config.temporal);
  const app = await createApiApp({ config, dataSource, temporal });
  await app.listen(config.api.port, '0.0.0.0');
  new Logger('Threadline').log(`API listening on ${await app.getUrl()} (docs at /docs)`);
  const shutdown = async () => {
    await app.close();
    await dataSource.destroy();
    await temporal.connection.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
