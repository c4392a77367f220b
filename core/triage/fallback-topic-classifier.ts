import type { TopicCategoriesLookup } from './topic-categories';
import type { TopicClassifier, TopicPrediction } from './triage.types';

export interface FallbackTopicClassifierOptions {
  /** How logs name the primary, e.g. `openai:gpt-4o-mini`. */
  primaryName?: string;
  /** When given, a primary topic outside the tenant's categories counts as a failure too. */
  categories?: TopicCategoriesLookup;
  logger?: { warn(message: string): void };
}

/**
 * Asks the primary classifier (an LLM) and answers with the fallback (the offline model) whenever the primary
 * throws or returns something unusable. Each kind of failure is logged once, so a vendor outage does not flood the
 * log with one line per message.
 */
export class FallbackTopicClassifier implements TopicClassifier {
  private readonly loggedKinds = new Set<string>();

  constructor(
    private readonly primary: TopicClassifier,
    private readonly fallback: TopicClassifier,
    private readonly options: FallbackTopicClassifierOptions = {},
  ) {}

  async classify(input: { tenantId: string; text: string }): Promise<TopicPrediction> {
    let failure: { kind: string; detail: string };
    try {
      const prediction = await this.primary.classify(input);
      const problem = await this.problemWith(prediction, input.tenantId);
      if (!problem) {
        return prediction;
      }
      failure = { kind: problem, detail: `returned ${JSON.stringify(prediction)}` };
    } catch (error) {
      failure = { kind: errorKind(error), detail: firstLine(error) };
    }
    this.logOnce(failure.kind, failure.detail);
    return this.fallback.classify(input);
  }

  private async problemWith(prediction: TopicPrediction, tenantId: string): Promise<string | undefined> {
    const { topic, confidence } = prediction;
    if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
      return 'confidence outside 0..1';
    }
    if (topic !== null && (typeof topic !== 'string' || topic.trim() === '')) {
      return 'topic is not a name';
    }
    if (!this.options.categories) {
      return undefined;
    }
    const names = (await this.options.categories(tenantId)).map((category) => category.name);
    if (topic === null) {
      return names.length > 0 ? 'no topic although the tenant has categories' : undefined;
    }
    return names.includes(topic) ? undefined : "topic outside the tenant's categories";
  }

  private logOnce(kind: string, detail: string): void {
    if (this.loggedKinds.has(kind)) {
      return;
    }
    this.loggedKinds.add(kind);
    const primary = this.options.primaryName ?? 'the primary topic classifier';
    (this.options.logger ?? console).warn(
      `Topic classification by ${primary} failed (${kind}: ${detail}); the fallback classifier answered. ` +
        `Further "${kind}" failures are not logged.`,
    );
  }
}

/** The error's class, plus the HTTP status a vendor SDK attaches: "InternalServerError 500", "TimeoutError". */
function errorKind(error: unknown): string {
  if (!(error instanceof Error)) {
    return typeof error;
  }
  // Vendor SDKs subclass Error without renaming it: the class name says more than "Error".
  const className = error.constructor.name;
  const name = error.name === 'Error' && className ? className : error.name;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? `${name} ${status}` : name;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim().slice(0, 200);
}
