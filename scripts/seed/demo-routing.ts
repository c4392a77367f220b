import type { EntityManager } from 'typeorm';
import type { RoutingPolicyDocument } from '../../core/routing/routing-policy.types';
import type { BusinessHoursSchedule } from '../../core/sla/business-hours.types';
import { createTopicModelRetrainer } from '../../core/triage/retrain-topic-model';
import { ClassifierModelRepository } from '../../core/triage/classifier-model.repository';
import { TopicExampleRepository } from '../../core/triage/topic-example.repository';

/** Demo topics with a handful of example messages each: enough for the offline classifier to tell them apart. */
export const DEMO_TOPICS: { name: string; description: string; examples: string[] }[] = [
  {
    name: 'billing',
    description: 'Invoices, charges, refunds and payment methods',
    examples: [
      'I was charged twice for my order',
      'Can I get a refund for my last purchase?',
      'How do I update my credit card details?',
      'Where can I download my invoice?',
      'Why is there an extra fee on my bill?',
      'My payment was declined but money left my account',
      'Please cancel my subscription and refund me',
      'Do you accept PayPal?',
    ],
  },
  {
    name: 'shipping',
    description: 'Delivery times, tracking and lost parcels',
    examples: [
      'Where is my parcel?',
      'My order has not arrived yet',
      'How long does delivery take to Germany?',
      'The tracking number does not work',
      'Can I change my delivery address?',
      'The courier left my package at the wrong house',
      'Do you ship internationally?',
      'My box arrived damaged',
    ],
  },
  {
    name: 'account',
    description: 'Signing in, passwords and profile settings',
    examples: [
      "I can't log in to my account",
      'How do I reset my password?',
      'I never received the verification email',
      'Please delete my account',
      'How do I change my email address?',
      'My account is locked',
      'Two-factor code is not arriving',
      'I want to update my profile name',
    ],
  },
  {
    name: 'general',
    description: 'Opening hours, store locations and anything else',
    examples: [
      'What are your opening hours?',
      'Do you have a shop in London?',
      'Are you hiring?',
      'Can I speak to a manager?',
      'Do you have gift cards?',
      'How can I contact you by phone?',
      'I have a question about your products',
      'Is there a student discount?',
    ],
  },
];

const DEMO_HOURS: BusinessHoursSchedule = {
  timeZone: 'Europe/London',
  weekly: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [
      day,
      [
        { start: '09:00', end: '12:30' },
        { start: '13:30', end: '17:30' },
      ],
    ]),
  ),
  holidays: ['2026-12-25', '2026-12-26', '2027-01-01'],
};

/**
 * The demo tenant's routing: topics (with a trained classifier), office hours, two SLA policies, team strategies and
 * a published routing policy (v1) that sends VIPs, billing and urgent messages to the right place.
 */
export async function seedDemoRouting(
  manager: EntityManager,
  tenantId: string,
  teamIds: Map<string, string>,
  adminId: string,
): Promise<void> {
  for (const topic of DEMO_TOPICS) {
    const [{ id }] = await manager.query(
      `INSERT INTO topic_categories (tenant_id, name, description) VALUES ($1, $2, $3) RETURNING id`,
      [tenantId, topic.name, topic.description],
    );
    await manager.query(
      `INSERT INTO topic_examples (tenant_id, category_id, text, source, created_by)
       SELECT $1, $2, text, 'admin', $4 FROM unnest($3::text[]) AS text`,
      [tenantId, id, topic.examples, adminId],
    );
  }
  // The seed is a composition root: the retrainer gets the seed transaction's stores.
  const stores = { models: new ClassifierModelRepository(manager), examples: new TopicExampleRepository(manager) };
  await createTopicModelRetrainer(stores)(tenantId);

  const [{ id: hoursId }] = await manager.query(
    `INSERT INTO business_hours (tenant_id, name, time_zone, weekly, holidays)
     VALUES ($1, 'London office', $2, $3, $4) RETURNING id`,
    [tenantId, DEMO_HOURS.timeZone, JSON.stringify(DEMO_HOURS.weekly), DEMO_HOURS.holidays],
  );
  const sla = async (name: string, first: number, resolution: number, calendar: string | null, reassign: boolean) => {
    const [{ id }] = await manager.query(
      `INSERT INTO sla_policies (tenant_id, name, first_response_seconds, next_response_seconds, resolution_seconds,
                                 business_hours_id, breach_actions)
       VALUES ($1, $2, $3, $3, $4, $5, $6) RETURNING id`,
      [tenantId, name, first, resolution, calendar, JSON.stringify({ raisePriority: true, reassign, notify: true })],
    );
    return id as string;
  };
  const standard = await sla('Standard (business hours)', 3600, 8 * 3600, hoursId, false);
  const vip = await sla('VIP', 900, 4 * 3600, null, true);

  const support = teamIds.get('Support')!;
  const billing = teamIds.get('Billing')!;
  await manager.query(`UPDATE teams SET assignment_strategy = 'capacity' WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    support,
  ]);
  await manager.query(`UPDATE teams SET assignment_strategy = 'round_robin' WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    billing,
  ]);

  const policy: RoutingPolicyDocument = {
    rules: [
      {
        name: 'VIP customers',
        when: { customerTiers: ['vip'] },
        then: { teamId: support, priority: 'high', addTags: ['vip'], slaPolicyId: vip },
      },
      {
        name: 'Billing questions',
        when: { topics: ['billing'], minTopicConfidence: 0.4 },
        then: { teamId: billing, requiredSkills: ['billing'], slaPolicyId: standard },
      },
      {
        name: 'Outages and lock-outs',
        when: { keywords: ['outage', "can't log in", 'locked out'] },
        then: { teamId: support, priority: 'urgent', addTags: ['incident'], slaPolicyId: standard },
      },
    ],
    fallback: { teamId: support, slaPolicyId: standard },
  };
  await manager.query(
    `INSERT INTO routing_policies (tenant_id, version, status, document, note, created_by, updated_by, published_by,
                                   published_at)
     VALUES ($1, 1, 'published', $2, 'Demo policy', $3, $3, $3, now())`,
    [tenantId, JSON.stringify(policy), adminId],
  );
  await manager.query(
    `INSERT INTO routing_policy_audit (tenant_id, version, action, actor_agent_id, details)
     VALUES ($1, 1, 'published', $2, '{"note": "Demo policy"}')`,
    [tenantId, adminId],
  );
}
