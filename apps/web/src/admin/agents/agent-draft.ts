// What the agent form edits, and the request body it becomes: numbers stay as typed until sent, so the API (not the
// browser) says what is wrong with "150" or "-1".
import type { Channel } from '../../api/types';
import { CHANNELS, type AdminAgent } from '../shared/admin-types';

export type Role = AdminAgent['role'];
export type Status = AdminAgent['status'];

export interface AgentDraft {
  name: string;
  email: string;
  role: Role;
  status: Status;
  password: string;
  channels: Channel[];
  capacity: Record<Channel, string>;
  skills: string[];
}

export const NEW_AGENT: AgentDraft = {
  name: '',
  email: '',
  role: 'agent',
  status: 'offline',
  password: '',
  channels: [...CHANNELS],
  capacity: { chat: '3', email: '10', sms: '5' },
  skills: [],
};

export function draftOf(agent: AdminAgent): AgentDraft {
  return {
    name: agent.name,
    email: agent.email,
    role: agent.role,
    status: agent.status,
    password: '',
    channels: [...agent.channels],
    capacity: {
      chat: String(agent.capacity.chat),
      email: String(agent.capacity.email),
      sms: String(agent.capacity.sms),
    },
    skills: [...agent.skills],
  };
}

const numberOrText = (text: string): number | string => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);

/**
 * The POST /agents body (everything), or the PATCH /agents/:id body: only what the admin changed from `initial`, so
 * a status the agent set themselves meanwhile is not overwritten by the form's older copy. An empty password on edit
 * keeps the current one.
 */
export function bodyOf(draft: AgentDraft, initial: AgentDraft | null): Record<string, unknown> {
  const capacity = Object.fromEntries(
    CHANNELS.filter(
      (channel) =>
        draft.capacity[channel].trim() !== '' && (!initial || draft.capacity[channel] !== initial.capacity[channel]),
    ).map((channel) => [channel, numberOrText(draft.capacity[channel])]),
  );
  const full: Record<string, unknown> = {
    name: draft.name,
    email: draft.email,
    role: draft.role,
    status: draft.status,
    channels: draft.channels,
    skills: draft.skills,
  };
  const changed = initial
    ? Object.fromEntries(
        Object.entries(full).filter(
          ([key, value]) => JSON.stringify(value) !== JSON.stringify(initial[key as keyof AgentDraft]),
        ),
      )
    : full;
  return {
    ...changed,
    ...(Object.keys(capacity).length ? { capacity } : {}),
    ...(!initial || draft.password ? { password: draft.password } : {}),
  };
}
