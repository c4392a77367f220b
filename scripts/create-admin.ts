import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../core/auth/password';
import { createDataSource } from '../core/data-source';
import { AgentRepository } from '../core/agents/agent.repository';
import { TenantRepository } from '../core/tenants/tenant.repository';

export interface CreateAdminInput {
  tenant: string;
  email: string;
  password: string;
  name: string;
}

export interface CreateAdminResult {
  tenantId: string;
  agentId: string;
  tenantCreated: boolean;
  /** created: a new admin; updated: the email existed and was made an active admin with this name and password. */
  agent: 'created' | 'updated';
}

const USAGE = 'Usage: npm run create-admin -- --tenant <slug> --email <email> --password <password> --name <name>';

/** Creates the tenant if it is missing and an admin agent in it; re-running with the same email updates that agent. */
export async function createAdmin(db: DataSource, input: CreateAdminInput): Promise<CreateAdminResult> {
  return db.transaction(async (manager) => {
    const { tenant, created: tenantCreated } = await new TenantRepository(manager).ensure(input.tenant, input.tenant);
    const agents = new AgentRepository(manager);
    const passwordHash = await hashPassword(input.password);
    const existing = await agents.findByEmail(tenant.id, input.email);
    if (existing) {
      await agents.update(tenant.id, existing.id, { name: input.name, role: 'admin', active: true, passwordHash });
      return { tenantId: tenant.id, agentId: existing.id, tenantCreated, agent: 'updated' };
    }
    const agent = await agents.create(tenant.id, { email: input.email, name: input.name, role: 'admin', passwordHash });
    return { tenantId: tenant.id, agentId: agent.id, tenantCreated, agent: 'created' };
  });
}

function parseInput(argv: string[]): CreateAdminInput {
  const { values } = parseArgs({
    args: argv,
    options: {
      tenant: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const problems: string[] = [];
  const required = (key: keyof CreateAdminInput): string => {
    const value = values[key]?.trim();
    if (!value) {
      problems.push(`--${key} is required`);
    }
    return value ?? '';
  };
  const input = {
    tenant: required('tenant'),
    email: required('email'),
    password: values.password ?? '',
    name: required('name'),
  };
  if (input.tenant && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.tenant)) {
    problems.push('--tenant must be a slug: lower-case letters, digits and dashes');
  }
  if (input.email && !/^[^\s@]+@[^\s@]+$/.test(input.email)) {
    problems.push('--email must be an email address');
  }
  if (input.password.length < 8) {
    problems.push('--password must be at least 8 characters');
  }
  if (problems.length > 0) {
    throw new Error(`${problems.join('\n')}\n${USAGE}`);
  }
  return input;
}

async function main(argv: string[]): Promise<void> {
  const input = parseInput(argv);
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is required');
  }
  const dataSource = await createDataSource({
    url,
    poolSize: 1,
    applicationName: 'threadline-create-admin',
  }).initialize();
  try {
    const result = await createAdmin(dataSource, input);
    console.log(result.tenantCreated ? `Created tenant ${input.tenant}` : `Tenant ${input.tenant} exists`);
    console.log(
      result.agent === 'created'
        ? `Created admin ${input.email.toLowerCase()} (${result.agentId})`
        : `Admin ${input.email.toLowerCase()} (${result.agentId}) already existed: name, password and admin role updated, account active`,
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
