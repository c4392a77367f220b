// The shapes the admin screens read (apps/api/src/{agents,teams,knowledge,topics,routing,sla} views).
import type { Agent, Channel } from '../../api/types';

export const CHANNELS: readonly Channel[] = ['chat', 'email', 'sms'];
export const CHANNEL_LABELS: Record<Channel, string> = { chat: 'Chat', email: 'Email', sms: 'SMS' };

export type AdminAgent = Agent & { createdAt: string; updatedAt: string };

export type AssignmentStrategy = 'round_robin' | 'capacity' | 'skill' | 'channel';

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  assignmentStrategy: AssignmentStrategy;
  skillRelaxAfterSeconds: number;
  capacityWeights: Record<Channel, number>;
  createdAt: string;
}

export interface Article {
  id: string;
  title: string;
  body: string;
  tags: string[];
  published: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AnswerPreview {
  text: string;
  citations: { articleId: string; title: string; snippet: string; anchor?: string }[];
  confidence: number;
  wantsHuman: boolean;
  engine: string;
  threshold: number;
  outcome: 'send' | 'hand_off';
}

export interface Topic {
  id: string;
  name: string;
  description: string | null;
  exampleCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TopicDetail extends Topic {
  examples: { id: string; text: string; source: string; conversationId: string | null; createdAt: string }[];
  limit: number;
  offset: number;
}

export interface Classifier {
  version: number | null;
  labels?: string[];
  examples?: number;
  trainedAt?: string;
  metrics?: Record<string, unknown>;
  training: 'idle' | 'scheduled';
}

export interface SlaPolicy {
  id: string;
  name: string;
  firstResponseSeconds: number | null;
  nextResponseSeconds: number | null;
  resolutionSeconds: number | null;
  businessHoursId: string | null;
  breachActions: { raisePriority: boolean; reassign: boolean; notify: boolean };
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface BusinessHours {
  id: string;
  name: string;
  timeZone: string;
  weekly: Partial<Record<Weekday, { start: string; end: string }[]>>;
  holidays: string[];
}
