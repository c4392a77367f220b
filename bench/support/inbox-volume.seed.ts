import type { Client } from 'pg';

export interface InboxVolume {
  customers: number;
  conversations: number;
  messages: number;
}

export interface SeededInbox {
  tenantId: string;
  adminAgentId: string;
  /** The customer with the longest history: every `historyConversations`-th conversation is theirs. */
  heavyCustomerId: string;
  heavyConversationId: string;
  rareTag: string;
}

/** One of this many conversations carries the rare tag (the issue measured 26 in 1,380). */
const RARE_TAG_EVERY = 53;
/** The heavy customer owns this many conversations; their messages are a tenth of the whole volume. */
const HEAVY_CUSTOMER_CONVERSATIONS = 100;

/**
 * Seeds one tenant with an inbox at volume in a handful of set-based statements (generate_series), so 100,000
 * conversations and 1,000,000 messages load in well under a minute. Channels, statuses, priorities, topics,
 * sentiments and tags are spread deterministically; one customer owns 100 conversations and a tenth of the messages
 * (the long history a detail view must not return whole). The message trigger's NOTIFY is off while seeding.
 */
export async function seedInboxVolume(db: Client, volume: InboxVolume): Promise<SeededInbox> {
  const {
    rows: [tenant],
  } = await db.query<{ id: string }>(
    `INSERT INTO tenants (slug, name, widget_key) VALUES ('bench-inbox', 'Bench inbox', 'bench-inbox-key') RETURNING id`,
  );
  const tenantId = tenant.id;
  const {
    rows: [admin],
  } = await db.query<{ id: string }>(
    `INSERT INTO agents (tenant_id, email, name, role, status) VALUES ($1, 'admin@bench.test', 'Bench Admin', 'admin', 'online')
     RETURNING id`,
    [tenantId],
  );
  await db.query(
    `INSERT INTO customers (tenant_id, name, email, phone, created_at)
     SELECT $1,
            CASE WHEN i % 3 = 0 THEN NULL ELSE 'Customer ' || lpad(((i * 7919) % $2)::text, 6, '0') END,
            CASE WHEN i % 3 = 2 THEN NULL ELSE 'customer' || i || '@example.test' END,
            '+1555' || lpad(i::text, 7, '0'),
            now() - (i || ' minutes')::interval
       FROM generate_series(1, $2) AS i`,
    [tenantId, volume.customers],
  );
  const {
    rows: [heavy],
  } = await db.query<{ id: string }>(
    `SELECT id FROM customers WHERE tenant_id = $1 ORDER BY created_at DESC, id LIMIT 1`,
    [tenantId],
  );
  await db.query(`CREATE TEMP TABLE bench_customers AS
    SELECT row_number() OVER (ORDER BY id) AS n, id FROM customers WHERE tenant_id = '${tenantId}'`);
  const heavyEvery = Math.max(1, Math.floor(volume.conversations / HEAVY_CUSTOMER_CONVERSATIONS));
  await db.query(
    `INSERT INTO conversations (tenant_id, customer_id, channel, status, priority, topic_tags, topic, sentiment,
                                workflow_id, last_activity_at, created_at)
     SELECT $1,
            CASE WHEN i % $3 = 0 THEN $4::uuid ELSE bc.id END,
            (ARRAY['chat', 'email', 'sms'])[1 + i % 3],
            (ARRAY['open', 'resolved', 'bot', 'snoozed', 'resolved'])[1 + i % 5],
            (ARRAY['normal', 'low', 'high', 'normal', 'urgent', 'normal'])[1 + i % 6],
            CASE WHEN i % ${RARE_TAG_EVERY} = 0 THEN ARRAY['billing', 'vip'] ELSE ARRAY['billing'] END,
            (ARRAY['billing', 'shipping', 'returns', 'account'])[1 + i % 4],
            (ARRAY['neutral', 'negative', 'positive'])[1 + i % 3],
            'bench-inbox-' || i,
            now() - (i || ' seconds')::interval,
            now() - (i || ' seconds')::interval - interval '1 hour'
       FROM generate_series(1, $2) AS i
       JOIN bench_customers bc ON bc.n = 1 + (i % $5)`,
    [tenantId, volume.conversations, heavyEvery, heavy.id, volume.customers],
  );
  await db.query(`CREATE TEMP TABLE bench_conversations AS
    SELECT row_number() OVER (ORDER BY id) AS n, id, customer_id, channel, created_at
      FROM conversations WHERE tenant_id = '${tenantId}'`);
  await db.query(`CREATE INDEX ON bench_conversations (n)`);
  const heavyConversations = Math.min(HEAVY_CUSTOMER_CONVERSATIONS, volume.conversations);
  const heavyMessagesEach = Math.floor(volume.messages / 10 / heavyConversations);
  const perConversation = Math.max(1, Math.floor((volume.messages * 0.9) / volume.conversations));
  await db.query(`ALTER TABLE messages DISABLE TRIGGER USER`);
  try {
    await db.query(
      `INSERT INTO messages (tenant_id, conversation_id, customer_id, direction, author_kind, channel, body,
                             external_id, delivery_status, created_at)
       SELECT $1, c.id, c.customer_id,
              CASE WHEN k % 2 = 0 THEN 'inbound' ELSE 'outbound' END,
              CASE WHEN k % 2 = 0 THEN 'customer' WHEN k % 4 = 1 THEN 'bot' ELSE 'agent' END,
              c.channel,
              'Message ' || k || ' of this conversation: my order has not arrived yet and I would like to know when '
                || 'it will, or get a refund if it is lost.',
              'bench-' || c.n || '-' || k,
              CASE WHEN k % 2 = 0 THEN 'received' ELSE 'sent' END,
              c.created_at + (k || ' seconds')::interval
         FROM bench_conversations c
         CROSS JOIN LATERAL generate_series(1, CASE WHEN c.customer_id = $2::uuid THEN $3::int ELSE $4::int END) AS k`,
      [tenantId, heavy.id, heavyMessagesEach, perConversation],
    );
  } finally {
    await db.query(`ALTER TABLE messages ENABLE TRIGGER USER`);
  }
  const {
    rows: [heavyConversation],
  } = await db.query<{ id: string }>(
    `SELECT id FROM conversations WHERE tenant_id = $1 AND customer_id = $2 ORDER BY last_activity_at DESC LIMIT 1`,
    [tenantId, heavy.id],
  );
  await db.query(`ANALYZE customers; ANALYZE conversations; ANALYZE messages`);
  return {
    tenantId,
    adminAgentId: admin.id,
    heavyCustomerId: heavy.id,
    heavyConversationId: heavyConversation.id,
    rareTag: 'vip',
  };
}
