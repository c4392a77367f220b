import type { DataSource } from 'typeorm';
import { hashPassword } from '../../core/auth/password';
import { TenantEntity } from '../../core/tenants/tenant.entity';
import { AgentRepository, type NewAgent } from '../../core/agents/agent.repository';
import { KbArticleRepository } from '../../core/knowledge/kb-article.repository';
import { TeamRepository } from '../../core/agents/team.repository';
import type { AgentRole } from '../../core/agents/agent';
import { chunkArticle } from '../../core/knowledge/chunk-article';
import { DEMO_ARTICLES } from './demo-articles';
import { seedDemoRouting } from './demo-routing';

export const DEMO_TENANT = { slug: 'demo', name: 'Brightbox (demo)', widgetKey: 'demo' } as const;

export interface DemoLogin {
  name: string;
  email: string;
  password: string;
  role: AgentRole;
}

/** Fixed and printed on purpose: this data exists to be tried out. Change the passwords before exposing the app. */
export const DEMO_LOGINS: DemoLogin[] = [
  { name: 'Ada Admin', email: 'admin@demo.test', password: 'demo-admin-1', role: 'admin' },
  { name: 'Sol Supervisor', email: 'supervisor@demo.test', password: 'demo-supervisor-1', role: 'supervisor' },
  { name: 'Sam Support', email: 'sam@demo.test', password: 'demo-agent-1', role: 'agent' },
  { name: 'Billie Billing', email: 'billie@demo.test', password: 'demo-agent-2', role: 'agent' },
];

const AGENT_DETAILS: Record<string, Pick<NewAgent, 'skills'>> = {
  'admin@demo.test': { skills: ['billing', 'shipping', 'account'] },
  'supervisor@demo.test': { skills: ['billing', 'shipping', 'account'] },
  'sam@demo.test': { skills: ['shipping', 'account'] },
  'billie@demo.test': { skills: ['billing'] },
};

const DEMO_TEAMS: { name: string; members: string[] }[] = [
  { name: 'Support', members: ['admin@demo.test', 'sam@demo.test'] },
  { name: 'Billing', members: ['admin@demo.test', 'billie@demo.test'] },
];

/** Any value, as long as every seeder uses it: serialises two seeders racing on one empty database. */
const SEED_LOCK = 7_264_100_001;

/**
 * Fills an EMPTY database (no tenant at all) with the demo tenant: widget key "demo", an admin, a supervisor (in no
 * team: supervisors see every conversation) and two agents, two teams, a small help centre, topics with a trained
 * classifier, SLA policies and a published routing policy. Returns false, writing nothing, when any tenant exists.
 */
export async function seedDemoIfEmpty(dataSource: DataSource): Promise<boolean> {
  const hashes = await Promise.all(DEMO_LOGINS.map((login) => hashPassword(login.password)));
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [SEED_LOCK]);
    const [{ empty }]: { empty: boolean }[] = await manager.query('SELECT NOT EXISTS (SELECT 1 FROM tenants) AS empty');
    if (!empty) {
      return false;
    }
    const { identifiers } = await manager.getRepository(TenantEntity).insert({ ...DEMO_TENANT });
    const tenantId = (identifiers[0] as { id: string }).id;
    const agents = new AgentRepository(manager);
    const agentIds = new Map<string, string>();
    for (const [index, login] of DEMO_LOGINS.entries()) {
      const { email, name, role } = login;
      const agent = await agents.create(tenantId, {
        email,
        name,
        role,
        passwordHash: hashes[index],
        ...AGENT_DETAILS[email],
      });
      agentIds.set(email, agent.id);
    }
    const teams = new TeamRepository(manager);
    const teamIds = new Map<string, string>();
    for (const { name, members } of DEMO_TEAMS) {
      const team = await teams.create(tenantId, name);
      teamIds.set(name, team.id);
      await teams.replaceMembers(
        tenantId,
        team.id,
        members.map((email) => agentIds.get(email)!),
      );
    }
    await seedDemoRouting(manager, tenantId, teamIds, agentIds.get('admin@demo.test')!);
    const articles = new KbArticleRepository(manager);
    for (const fields of DEMO_ARTICLES) {
      const article = await articles.create(tenantId, fields);
      await articles.replaceChunks(tenantId, article.id, chunkArticle(article.title, article.body));
    }
    return true;
  });
}

/** True when the demo tenant is there (seeded now or on an earlier start). */
export async function hasDemoTenant(dataSource: DataSource): Promise<boolean> {
  return dataSource.getRepository(TenantEntity).existsBy({ slug: DEMO_TENANT.slug });
}
