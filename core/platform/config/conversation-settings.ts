/** Timings and thresholds of a conversation; inputs, so tests can run them in seconds. */
export interface ConversationSettings {
  handoffConfidenceThreshold: number;
  maxBotTurns: number;
  firstResponseTargetSeconds: number;
  inactivityResolveSeconds: number;
  reopenWindowSeconds: number;
  queueRecheckSeconds: number;
  continueAsNewAfterEvents: number;
}
