import type { DataSource } from 'typeorm';
import { aTenant, anAgent } from '../../tests/support/factories';
import { aPublishedPolicy, aTeam } from '../../tests/support/routing-fixtures';

export interface BenchAgent {
  id: string;
  token: string;
  capacity: number;
  skills: string[];
}

export interface AssignmentBenchTenant {
  tenantId: string;
  widgetKey: string;
  agents: BenchAgent[];
  /** The first message of each escalating customer, in sending order. */
  bodies: string[];
  /** Agent ids of each team, by the body keyword that routes to it. */
  teams: { billing: string[]; spanish: string[] };
}

const GENERAL = 'I want to talk to a person about my order';
const REFUND = 'I want to talk to a person about a refund';
const SPANISH = 'I want to talk to a person who speaks Spanish please';

/** Requests at once while creating agents (each hashes a password). */
const SEED_CONCURRENCY = 10;

/**
 * 50 online agents: 20 with chat capacity 5, 20 with 10, and 10 Spanish speakers with 3 (330 slots). A Billing team
 * (round robin) of half the general agents takes refunds; a Spanish team (skill strategy) of the Spanish speakers
 * takes customers asking for Spanish, who also require the skill; the rest go to the tenant-wide queue (capacity).
 * Every 7th customer asks for Spanish, every 3rd of the others for a refund.
 */
export async function seedAssignmentBenchTenant(
  dataSource: DataSource,
  escalations: number,
): Promise<AssignmentBenchTenant> {
  const tenant = await aTenant(dataSource, { name: 'Assignment Bench' });
  const specs = [
    ...Array.from({ length: 20 }, () => ({ capacity: 5, skills: [] as string[] })),
    ...Array.from({ length: 20 }, () => ({ capacity: 10, skills: [] as string[] })),
    ...Array.from({ length: 10 }, () => ({ capacity: 3, skills: ['spanish'] })),
  ];
  const agents: BenchAgent[] = [];
  for (let i = 0; i < specs.length; i += SEED_CONCURRENCY) {
    const batch = await Promise.all(
      specs.slice(i, i + SEED_CONCURRENCY).map(async ({ capacity, skills }) => {
        const { agent, token } = await anAgent(dataSource, tenant.id, { capacity: { chat: capacity }, skills });
        return { id: agent.id, token, capacity, skills };
      }),
    );
    agents.push(...batch);
  }
  const billing = [...agents.slice(0, 10), ...agents.slice(20, 30)].map((agent) => agent.id);
  const spanish = agents.filter((agent) => agent.skills.includes('spanish')).map((agent) => agent.id);
  const billingTeam = await aTeam(dataSource, tenant.id, {
    name: 'Billing',
    strategy: 'round_robin',
    memberIds: billing,
  });
  const spanishTeam = await aTeam(dataSource, tenant.id, { name: 'Spanish', strategy: 'skill', memberIds: spanish });
  await aPublishedPolicy(dataSource, tenant.id, {
    rules: [
      { name: 'Spanish', when: { keywords: ['spanish'] }, then: { teamId: spanishTeam, requiredSkills: ['spanish'] } },
      { name: 'Refunds', when: { keywords: ['refund'] }, then: { teamId: billingTeam } },
    ],
    fallback: {},
  });
  const bodies = Array.from({ length: escalations }, (_, i) => {
    if (i % 7 === 0) {
      return SPANISH;
    }
    return i % 3 === 1 ? REFUND : GENERAL;
  });
  return { tenantId: tenant.id, widgetKey: tenant.widgetKey, agents, bodies, teams: { billing, spanish } };
}
