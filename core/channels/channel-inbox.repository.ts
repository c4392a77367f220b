import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Channel } from './channel';
import { hashToken } from '../auth/agent-token';

/** Where one tenant receives a channel through one vendor: an SMS number, a support mailbox. */
export interface ChannelInbox {
  id: string;
  tenantId: string;
  channel: Channel;
  provider: string;
  name: string;
  /** The inbox's own address on the channel (the number or mailbox customers write to). */
  address: string | null;
}

export interface NewChannelInbox {
  channel: Channel;
  provider: string;
  name: string;
  address?: string | null;
}

interface InboxRow {
  id: string;
  tenant_id: string;
  channel: Channel;
  provider: string;
  name: string;
  address: string | null;
}

const toInbox = (row: InboxRow): ChannelInbox => ({
  id: row.id,
  tenantId: row.tenant_id,
  channel: row.channel,
  provider: row.provider,
  name: row.name,
  address: row.address,
});

/**
 * Channel inboxes and their webhook tokens. The vendor calls /channels/:channel/:provider/:token/:hook, and the
 * unguessable token names the inbox, hence the tenant; it is stored only as its SHA-256.
 */
export class ChannelInboxRepository {
  constructor(private readonly db: DataSource) {}

  /** A new inbox and its webhook token (returned once, never stored in the clear). */
  async create(tenantId: string, inbox: NewChannelInbox): Promise<{ inbox: ChannelInbox; webhookToken: string }> {
    const webhookToken = `tlw_${randomBytes(24).toString('base64url')}`;
    const rows: InboxRow[] = await this.db.query(
      `INSERT INTO channel_inboxes (tenant_id, channel, provider, name, address, webhook_token_hash)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, tenant_id, channel, provider, name, address`,
      [tenantId, inbox.channel, inbox.provider, inbox.name, inbox.address ?? null, hashToken(webhookToken)],
    );
    return { inbox: toInbox(rows[0]), webhookToken };
  }

  async findByWebhookToken(webhookToken: string): Promise<ChannelInbox | null> {
    const rows: InboxRow[] = await this.db.query(
      `SELECT id, tenant_id, channel, provider, name, address FROM channel_inboxes WHERE webhook_token_hash = $1`,
      [hashToken(webhookToken)],
    );
    return rows.length > 0 ? toInbox(rows[0]) : null;
  }
}
