/** How text becomes features; stored with a model so that a decoded model vectorises exactly as it was trained. */
export interface FeatureSettings {
  /** Inclusive [min, max] word n-gram sizes; [0, 0] turns word features off. */
  readonly wordNgramRange: readonly [number, number];
  /** Inclusive [min, max] character n-gram sizes inside padded words; [0, 0] turns character features off. */
  readonly charNgramRange: readonly [number, number];
  /** Count a term seen c times as 1 + ln(c): a repeated word is evidence, but not c times the evidence. */
  readonly sublinearTf: boolean;
  /** Each block (words, characters) is L2-normalised on its own, then scaled by its weight. */
  readonly wordWeight: number;
  readonly charWeight: number;
}

/** Only the fields that shape features, so a model stores (and compares) exactly those. */
export function pickFeatureSettings(settings: FeatureSettings): FeatureSettings {
  const { wordNgramRange, charNgramRange, sublinearTf, wordWeight, charWeight } = settings;
  return { wordNgramRange, charNgramRange, sublinearTf, wordWeight, charWeight };
}
