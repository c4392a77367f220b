import { CreateCoreSchema1764100000000 } from './1764100000000-CreateCoreSchema';

/** Every migration, in order. Listed explicitly so the same list works from source and from dist. */
export const MIGRATIONS = [CreateCoreSchema1764100000000];
