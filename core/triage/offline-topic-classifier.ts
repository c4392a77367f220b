import type { ClassifierModelRepository } from './classifier-model.repository';
import { decodeModel, type TextClassifier } from './classifier';
import type { TopicClassifier, TopicPrediction } from './triage.types';

/** A tenant's decoded model; null when its current version learned nothing (every category was deleted). */
interface CachedModel {
  version: number;
  classifier: Promise<TextClassifier | null>;
}

const DEFAULT_CACHED_TENANTS = 200;

/** The two reads the classifier makes: the current version (every call) and one version's parameters (on a change). */
export type TopicModelSource = Pick<ClassifierModelRepository, 'currentVersion' | 'findWithParams'>;

/**
 * Names a message's topic with the tenant's trained model. Each call costs one index probe for the current version;
 * the model is loaded and decoded only when that version changed, and only the most recently used tenants are kept.
 */
export class OfflineTopicClassifier implements TopicClassifier {
  /** Insertion order is recency order: a hit moves the tenant to the end, and the first entry is evicted. */
  private readonly cache = new Map<string, CachedModel>();

  constructor(
    private readonly models: TopicModelSource,
    private readonly maxCachedTenants = DEFAULT_CACHED_TENANTS,
  ) {}

  async classify({ tenantId, text }: { tenantId: string; text: string }): Promise<TopicPrediction> {
    const version = await this.models.currentVersion(tenantId);
    if (version === null) {
      this.cache.delete(tenantId);
      return { topic: null, confidence: 0, engine: 'offline', modelVersion: null };
    }
    const classifier = await this.classifierFor(tenantId, version);
    if (!classifier) {
      return { topic: null, confidence: 0, engine: 'offline', modelVersion: version };
    }
    const { label, confidence } = classifier.predict(text);
    return { topic: label, confidence, engine: 'offline', modelVersion: version };
  }

  private async classifierFor(tenantId: string, version: number): Promise<TextClassifier | null> {
    const cached = this.cache.get(tenantId);
    this.cache.delete(tenantId);
    // Concurrent calls share one load; a failed load is not kept, so the next call tries again.
    const entry = cached?.version === version ? cached : { version, classifier: this.load(tenantId, version) };
    this.cache.set(tenantId, entry);
    this.evictBeyondCapacity();
    try {
      return await entry.classifier;
    } catch (error) {
      if (this.cache.get(tenantId) === entry) {
        this.cache.delete(tenantId);
      }
      throw error;
    }
  }

  private async load(tenantId: string, version: number): Promise<TextClassifier | null> {
    const stored = await this.models.findWithParams(tenantId, version);
    if (!stored) {
      throw new Error(`Topic model ${version} of tenant ${tenantId} disappeared while loading`);
    }
    return stored.labels.length === 0 ? null : decodeModel(stored.params);
  }

  private evictBeyondCapacity(): void {
    while (this.cache.size > this.maxCachedTenants) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }
}
