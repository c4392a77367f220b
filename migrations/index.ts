import { CreateCoreSchema1764100000000 } from './1764100000000-CreateCoreSchema';
import { RoutingAndWorkload1764200000000 } from './1764200000000-RoutingAndWorkload';
import { QueueOrderIndex1764300000000 } from './1764300000000-QueueOrderIndex';

/** Every migration, in order. Listed explicitly so the same list works from source and from dist. */
export const MIGRATIONS = [
  CreateCoreSchema1764100000000,
  RoutingAndWorkload1764200000000,
  QueueOrderIndex1764300000000,
];
