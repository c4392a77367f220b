import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../core/auth/password';
import { issueAgentToken } from '../../core/auth/agent-token';
import { chunkArticle } from '../../core/knowledge/chunk-article';
import { AgentEntity } from '../../core/agents/agent.entity';
import { KbArticleEntity } from '../../core/knowledge/kb-article.entity';
import { KbChunkEntity } from '../../core/knowledge/kb-chunk.entity';
import { TenantEntity } from '../../core/tenants/tenant.entity';
import { CustomerEntity } from '../../core/customers/customer.entity';
import { CustomerIdentityEntity } from '../../core/customers/customer-identity.entity';
import { ConversationRepository } from '../../core/conversations/conversation.repository';
import { conversationWorkflowId } from '../../workflows/conversation.definitions';
import { DEFAULT_CAPACITY, type AgentRole, type AgentStatus, type ChannelCapacity } from '../../core/agents/agent';
import { CHANNELS, type Channel } from '../../core/channels/channel';

const unique = () => randomBytes(5).toString('hex');

export const DEFAULT_AGENT_PASSWORD = 'correct horse battery staple';

export async function aTenant(dataSource: DataSource, overrides: { name?: string; slug?: string } = {}) {
  const id = unique();
  const repository = dataSource.getRepository(TenantEntity);
  const tenant = repository.create({
    slug: overrides.slug ?? `tenant-${id}`,
    name: overrides.name ?? `Tenant ${id}`,
    widgetKey: `wk_${randomBytes(16).toString('hex')}`,
  });
  return repository.save(tenant);
}

export interface AgentOverrides {
  role?: AgentRole;
  status?: AgentStatus;
  skills?: string[];
  channels?: Channel[];
  capacity?: Partial<ChannelCapacity>;
  email?: string;
  name?: string;
  password?: string;
  active?: boolean;
}

/** Inserts an agent (online by default) and issues it a bearer token the auth guard accepts. */
export async function anAgent(dataSource: DataSource, tenantId: string, overrides: AgentOverrides = {}) {
  const id = unique();
  const password = overrides.password ?? DEFAULT_AGENT_PASSWORD;
  const repository = dataSource.getRepository(AgentEntity);
  const saved = await repository.save(
    repository.create({
      tenantId,
      email: overrides.email ?? `agent-${id}@example.test`,
      name: overrides.name ?? `Agent ${id}`,
      role: overrides.role ?? 'agent',
      status: overrides.status ?? 'online',
      skills: overrides.skills ?? [],
      channels: overrides.channels ?? [...CHANNELS],
      capacity: { ...DEFAULT_CAPACITY, ...overrides.capacity },
      passwordHash: await hashPassword(password),
      active: overrides.active ?? true,
    }),
  );
  const agent = await repository.findOneByOrFail({ tenantId, id: saved.id });
  const token = await issueAgentToken(dataSource, tenantId, agent.id, 24);
  return { agent, token, password };
}

/** Inserts a published knowledge-base article and its searchable chunks. */
export async function anArticle(
  dataSource: DataSource,
  tenantId: string,
  overrides: { title?: string; body?: string; tags?: string[]; published?: boolean } = {},
) {
  const title = overrides.title ?? `Article ${unique()}`;
  const body = overrides.body ?? 'Sample article body.';
  return dataSource.transaction(async (manager) => {
    const article = await manager.save(
      manager.create(KbArticleEntity, {
        tenantId,
        title,
        body,
        tags: overrides.tags ?? [],
        published: overrides.published ?? true,
      }),
    );
    const chunks = await manager.save(
      chunkArticle(title, body).map((chunk) =>
        manager.create(KbChunkEntity, { ...chunk, tenantId, articleId: article.id }),
      ),
    );
    return { article, chunks };
  });
}

/** Inserts a customer with one identity on the given channel. */
export async function aCustomer(
  dataSource: DataSource,
  tenantId: string,
  overrides: { name?: string; email?: string; phone?: string; channel?: Channel; address?: string } = {},
) {
  const id = unique();
  const customer = await dataSource.getRepository(CustomerEntity).save({
    tenantId,
    name: overrides.name ?? `Customer ${id}`,
    email: overrides.email ?? null,
    phone: overrides.phone ?? null,
    attributes: {},
  });
  await dataSource.getRepository(CustomerIdentityEntity).save({
    tenantId,
    customerId: customer.id,
    channel: overrides.channel ?? 'chat',
    address: overrides.address ?? `visitor-${id}`,
    verified: false,
  });
  return customer;
}

/** Inserts a conversation row (status bot) the way a channel does before signalling its workflow. */
export async function aConversation(
  dataSource: DataSource,
  tenantId: string,
  customerId: string,
  overrides: { channel?: Channel; subject?: string } = {},
) {
  const id = randomUUID();
  return new ConversationRepository(dataSource).create(tenantId, {
    id,
    customerId,
    channel: overrides.channel ?? 'chat',
    subject: overrides.subject ?? null,
    workflowId: conversationWorkflowId(tenantId, id),
  });
}

/** A fresh tenant with one admin, for admin-route tests. */
export async function aTenantWithAdmin(dataSource: DataSource) {
  const tenant = await aTenant(dataSource);
  const admin = await anAgent(dataSource, tenant.id, { role: 'admin' });
  return { tenant, admin, token: admin.token };
}
