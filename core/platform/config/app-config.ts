import { EnvReader } from './env-reader';
import { Secret } from './secret';
import { ConfigError } from './config-error';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';
import type { ConversationSettings } from './conversation-settings';
import { readChannelSettings, type ChannelSettings } from './channel-settings';
import { readRetrieverSettings, type RetrieverSettings } from './retriever-settings';
import { DEFAULT_TOPIC_TRAINING_SETTINGS as TRAINING, type TopicTrainingSettings } from './topic-training-settings';

export const AI_PROVIDERS = ['offline', 'openai', 'anthropic', 'ollama'] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];

export interface AppConfig {
  databaseUrl: string;
  /** Hot raw-SQL paths (assignment drains) prepare their statements; off where connections share one session. */
  databasePreparedStatements: boolean;
  temporal: { address: string; namespace: string; taskQueue: string };
  /** A prebuilt workflow bundle (`npm run build:workflows`); without it the worker bundles workflows/ at start. */
  workflowBundlePath?: string;
  api: {
    port: number;
    bodyLimitBytes: number;
    messageMaxChars: number;
    /** Express `trust proxy`: which proxies may name the client in X-Forwarded-For (default: none). */
    trustProxy: TrustProxy;
    /** Where the built browser apps are (scripts/build-ui.mjs writes dist/ui/<app>); default: the repository's. */
    uiDir?: string;
  };
  accounts: AccountSecuritySettings;
  widget: {
    visitorTokenSecret: Secret;
    ratePerVisitorPerMinute: number;
    ratePerIpPerMinute: number;
    /** The widget's GET routes (conversations, history, stream) have buckets of their own. */
    readRatePerVisitorPerMinute: number;
    readRatePerIpPerMinute: number;
    streamPollMs: number;
    /** Lifetime of a visitor access token (sent on every request and in the stream URL). */
    accessTokenTtlSeconds: number;
    /** Lifetime of a visitor session's refresh token; each refresh rotates it and restarts this clock. */
    refreshTokenTtlSeconds: number;
  };
  ai: {
    provider: AiProvider;
    model?: string;
    apiKey?: Secret;
    baseUrl?: string;
    /** How many times LangChain retries a failed vendor call (with exponential backoff) before the fallback answers. */
    maxRetries: number;
    /** An LLM answer slower than this falls back to the offline engine. */
    timeoutMs: number;
    /** How the knowledge base is searched (KB_RETRIEVER, EMBEDDINGS_*). */
    retriever: RetrieverSettings;
  };
  conversation: ConversationSettings;
  /** How the per-tenant retraining workflow batches changes to topic examples. */
  topicTraining: TopicTrainingSettings;
  inbound: InboundPolicy;
  /** Which vendor carries each channel. */
  channels: ChannelSettings;
  worker: {
    /** On SIGINT/SIGTERM in-flight activities get this long to finish; then they are cancelled and the worker stops. */
    shutdownGraceSeconds: number;
  };
}

/** Login throttling, live-stream credential checks and stream caps. */
export interface AccountSecuritySettings {
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  /** Failures are counted in windows of this length; an account or IP over its limit waits until the window ends. */
  loginLockoutSeconds: number;
  /** How often open streams (widget and agent) check that their token is still good. */
  streamCredentialCheckMs: number;
  maxStreamsPerVisitor: number;
  maxStreamsPerAgent: number;
}

export const AFTER_RESOLUTION_POLICIES = ['reopen', 'new'] as const;

/** Where a customer's message goes when their latest conversation on the channel is resolved. */
export interface InboundPolicy {
  /** reopen: back into the resolved conversation while its reopen window lasts; new: always a new conversation. */
  afterResolution: (typeof AFTER_RESOLUTION_POLICIES)[number];
  reopenWindowSeconds: number;
}

/** Parses and validates the whole configuration once, failing with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const read = new EnvReader(env);
  const provider = read.oneOf('AI_PROVIDER', AI_PROVIDERS, 'offline');
  const apiKeyName =
    provider === 'openai' ? 'OPENAI_API_KEY' : provider === 'anthropic' ? 'ANTHROPIC_API_KEY' : undefined;
  const apiKey = apiKeyName ? read.string(apiKeyName) : undefined;
  const baseUrlName =
    provider === 'openai' ? 'OPENAI_BASE_URL' : provider === 'anthropic' ? 'ANTHROPIC_BASE_URL' : 'OLLAMA_BASE_URL';

  const config: AppConfig = {
    databaseUrl: read.string('DATABASE_URL'),
    databasePreparedStatements: read.oneOf('DATABASE_PREPARED_STATEMENTS', ['on', 'off'], 'on') === 'on',
    temporal: {
      address: read.string('TEMPORAL_ADDRESS', '127.0.0.1:7233'),
      namespace: read.string('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: read.string('TEMPORAL_TASK_QUEUE', 'conversations-v1'),
    },
    workflowBundlePath: read.optionalString('WORKFLOW_BUNDLE_PATH'),
    api: {
      port: read.number('PORT', 3000, { min: 0, max: 65535, integer: true }),
      bodyLimitBytes: read.number('BODY_LIMIT_BYTES', 64 * 1024, { min: 1024, integer: true }),
      messageMaxChars: read.number('MESSAGE_MAX_CHARS', 5000, { min: 1, integer: true }),
      trustProxy: readTrustProxy(read, env.TRUST_PROXY),
      uiDir: read.optionalString('UI_DIR'),
    },
    accounts: {
      loginMaxFailuresPerAccount: read.number('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, { min: 1, integer: true }),
      loginMaxFailuresPerIp: read.number('LOGIN_MAX_FAILURES_PER_IP', 30, { min: 1, integer: true }),
      loginLockoutSeconds: read.number('LOGIN_LOCKOUT_SECONDS', 900, { min: 1, integer: true }),
      streamCredentialCheckMs: read.number('STREAM_CREDENTIAL_CHECK_MS', 30_000, { min: 100, integer: true }),
      maxStreamsPerVisitor: read.number('MAX_STREAMS_PER_VISITOR', 3, { min: 1, integer: true }),
      maxStreamsPerAgent: read.number('MAX_STREAMS_PER_AGENT', 5, { min: 1, integer: true }),
    },
    widget: {
      visitorTokenSecret: new Secret(read.string('VISITOR_TOKEN_SECRET')),
      ratePerVisitorPerMinute: read.number('WIDGET_RATE_PER_VISITOR_PER_MIN', 60, { min: 1, integer: true }),
      ratePerIpPerMinute: read.number('WIDGET_RATE_PER_IP_PER_MIN', 600, { min: 1, integer: true }),
      readRatePerVisitorPerMinute: read.number('WIDGET_READ_RATE_PER_VISITOR_PER_MIN', 120, { min: 1, integer: true }),
      readRatePerIpPerMinute: read.number('WIDGET_READ_RATE_PER_IP_PER_MIN', 1200, { min: 1, integer: true }),
      streamPollMs: read.number('STREAM_POLL_MS', 1000, { min: 50, integer: true }),
      accessTokenTtlSeconds: read.number('VISITOR_ACCESS_TOKEN_TTL_SECONDS', 900, { min: 1, integer: true }),
      refreshTokenTtlSeconds: read.number('VISITOR_REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600, {
        min: 60,
        integer: true,
      }),
    },
    ai: {
      provider,
      model: read.optionalString('AI_MODEL'),
      apiKey: apiKey ? new Secret(apiKey) : undefined,
      baseUrl: read.optionalString(baseUrlName),
      maxRetries: read.number('AI_MAX_RETRIES', 2, { min: 0, max: 10, integer: true }),
      timeoutMs: read.number('AI_TIMEOUT_MS', 20_000, { min: 100, integer: true }),
      retriever: readRetrieverSettings(read),
    },
    conversation: {
      handoffConfidenceThreshold: read.number('HANDOFF_CONFIDENCE_THRESHOLD', 0.35, { min: 0, max: 1 }),
      maxBotTurns: read.number('MAX_BOT_TURNS', 4, { min: 1, integer: true }),
      firstResponseTargetSeconds: read.number('FIRST_RESPONSE_TARGET_SECONDS', 300, { min: 1 }),
      inactivityResolveSeconds: read.number('INACTIVITY_RESOLVE_SECONDS', 24 * 3600, { min: 1 }),
      reopenWindowSeconds: read.number('REOPEN_WINDOW_SECONDS', 7 * 24 * 3600, { min: 0 }),
      queueRecheckSeconds: read.number('QUEUE_RECHECK_SECONDS', 60, { min: 1 }),
      continueAsNewAfterEvents: read.number('CONTINUE_AS_NEW_AFTER_EVENTS', 4000, { min: 100, integer: true }),
    },
    topicTraining: {
      debounceSeconds: read.number('TOPIC_TRAINING_DEBOUNCE_SECONDS', TRAINING.debounceSeconds, { min: 0 }),
      maxDelaySeconds: read.number('TOPIC_TRAINING_MAX_DELAY_SECONDS', TRAINING.maxDelaySeconds, { min: 1 }),
      idleSeconds: read.number('TOPIC_TRAINING_IDLE_SECONDS', TRAINING.idleSeconds, { min: 1 }),
    },
    inbound: {
      afterResolution: read.oneOf('AFTER_RESOLUTION', AFTER_RESOLUTION_POLICIES, 'reopen'),
      reopenWindowSeconds: 0,
    },
    channels: readChannelSettings(read),
    worker: {
      shutdownGraceSeconds: read.number('WORKER_SHUTDOWN_GRACE_SECONDS', 10, { min: 0, max: 600 }),
    },
  };
  config.inbound.reopenWindowSeconds = config.conversation.reopenWindowSeconds;
  if (config.widget.refreshTokenTtlSeconds <= config.widget.accessTokenTtlSeconds) {
    read.problems.push('VISITOR_REFRESH_TOKEN_TTL_SECONDS must be longer than VISITOR_ACCESS_TOKEN_TTL_SECONDS');
  }
  if (provider === 'ollama' && !config.ai.model) {
    read.problems.push('AI_MODEL is required when AI_PROVIDER is ollama');
  }
  if (read.problems.length > 0) {
    throw new ConfigError(read.problems);
  }
  return config;
}

function readTrustProxy(read: EnvReader, raw: string | undefined): TrustProxy {
  const parsed = parseTrustProxy(raw);
  if (!parsed.ok) {
    read.problems.push(parsed.problem);
    return false;
  }
  return parsed.value;
}
