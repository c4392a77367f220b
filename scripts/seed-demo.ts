import 'reflect-metadata';
import { createDataSource } from '../core/data-source';
import { DEMO_LOGINS, DEMO_TENANT, seedDemoIfEmpty } from './seed/demo-seed';

const ROLE_WIDTH = Math.max(...DEMO_LOGINS.map((login) => login.role.length));
const EMAIL_WIDTH = Math.max(...DEMO_LOGINS.map((login) => login.email.length));

/** Prints how to sign in to the demo tenant and reach its widget. */
export function demoLoginLines(): string[] {
  return [
    `Demo tenant "${DEMO_TENANT.slug}" (widget key "${DEMO_TENANT.widgetKey}"); sign in with tenant "${DEMO_TENANT.slug}":`,
    ...DEMO_LOGINS.map(
      (login) => `  ${login.role.padEnd(ROLE_WIDTH)} ${login.email.padEnd(EMAIL_WIDTH)} password ${login.password}`,
    ),
  ];
}

/** `npm run seed`: adds the demo tenant to the (migrated) database at DATABASE_URL when it holds no tenant yet. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is required (run `npm run migrate` first)');
  }
  const dataSource = await createDataSource({ url, poolSize: 1, applicationName: 'threadline-seed' }).initialize();
  try {
    if (await seedDemoIfEmpty(dataSource)) {
      console.log(demoLoginLines().join('\n'));
    } else {
      console.log('The database already has tenants; the demo seed only fills an empty database. Nothing changed.');
    }
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
