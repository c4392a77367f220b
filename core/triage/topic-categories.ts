/** What a classifier needs to know about one of a tenant's admin-defined topic categories. */
export interface TopicCategoryDescription {
  name: string;
  description?: string;
  /** Example customer messages labelled with this category (a few are enough for an LLM). */
  examples: string[];
}

/** The tenant's current categories; an empty list when it has none. */
export type TopicCategoriesLookup = (tenantId: string) => Promise<TopicCategoryDescription[]>;
