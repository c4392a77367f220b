import { CreateCoreSchema1764100000000 } from './1764100000000-CreateCoreSchema';
import { RoutingAndWorkload1764200000000 } from './1764200000000-RoutingAndWorkload';
import { QueueOrderIndex1764300000000 } from './1764300000000-QueueOrderIndex';
import { FailedMessages1764400000000 } from './1764400000000-FailedMessages';
import { AccountSecurity1764500000000 } from './1764500000000-AccountSecurity';
import { SupervisorRole1764600000000 } from './1764600000000-SupervisorRole';
import { KnowledgeRetrieval1764700000000 } from './1764700000000-KnowledgeRetrieval';
import { OutboundDelivery1764800000000 } from './1764800000000-OutboundDelivery';
import { KnowledgeEmbeddings1764900000000 } from './1764900000000-KnowledgeEmbeddings';
import { InboxScaleIndexes1765000000000 } from './1765000000000-InboxScaleIndexes';

/** Every migration, in order. Listed explicitly so the same list works from source and from dist. */
export const MIGRATIONS = [
  CreateCoreSchema1764100000000,
  RoutingAndWorkload1764200000000,
  QueueOrderIndex1764300000000,
  FailedMessages1764400000000,
  AccountSecurity1764500000000,
  SupervisorRole1764600000000,
  KnowledgeRetrieval1764700000000,
  OutboundDelivery1764800000000,
  KnowledgeEmbeddings1764900000000,
  InboxScaleIndexes1765000000000,
];
