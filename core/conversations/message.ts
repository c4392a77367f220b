export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const AUTHOR_KINDS = ['customer', 'bot', 'agent', 'system'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export type { DeliveryStatus } from '../channels/delivery-status';

/** A knowledge-base source a bot answer was grounded in. */
export interface Citation {
  articleId: string;
  title: string;
  snippet: string;
  /** The cited section's anchor within the article (a link is `<article URL>#<anchor>`); absent for its top. */
  anchor?: string;
}
