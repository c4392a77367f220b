import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, TemporalFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  inboundMessageSignal,
  type ConversationSettings,
  type ConversationWorkflowInput,
  type InboundMessage,
} from '../../../../workflows/conversation.definitions';
import {
  assignmentDispatcherWorkflowId,
  queueChangedSignal,
  type AssignmentDispatcherInput,
} from '../../../../workflows/assignment-dispatcher.definitions';
import { DomainError, type DomainErrorCode } from '../../../../core/platform/errors/domain-error';
import { PERMANENT_DATA_ERROR } from '../../../../core/platform/errors/failure-types';
import { toConversationState } from '../../../../core/conversations/conversation.repository';
import type { ConversationEntity } from '../../../../core/conversations/conversation.entity';

export const CONVERSATION_WORKFLOW = 'conversationWorkflow';

/** How long a caller waits for Temporal before answering 503: accepting a signal is quick, an update runs steps. */
const SIGNAL_DEADLINE_MS = 5_000;
const UPDATE_DEADLINE_MS = 15_000;
export const ASSIGNMENT_DISPATCHER_WORKFLOW = 'assignmentDispatcherWorkflow';

/**
 * The API's only door into Temporal: inbound messages by signal-with-start (durable while workers are down),
 * agent actions by update-with-start (the caller gets the workflow's answer or its rejection).
 */
export class ConversationGateway {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly settings: ConversationSettings,
    private readonly queueSweepSeconds: number,
  ) {}

  async deliverInbound(conversation: ConversationEntity, message: InboundMessage): Promise<void> {
    await this.withinDeadline(SIGNAL_DEADLINE_MS, () =>
      this.client.workflow.signalWithStart(CONVERSATION_WORKFLOW, {
        workflowId: conversation.workflowId,
        taskQueue: this.taskQueue,
        args: [this.inputFor(conversation)],
        signal: inboundMessageSignal,
        signalArgs: [message],
      }),
    );
  }

  /** Runs an agent action inside the conversation's workflow, starting the workflow if it has closed. */
  async update<Ret, Args extends unknown[]>(
    conversation: ConversationEntity,
    update: UpdateDefinition<Ret, Args>,
    ...args: Args
  ): Promise<Ret> {
    const startWorkflowOperation = new WithStartWorkflowOperation(CONVERSATION_WORKFLOW, {
      workflowId: conversation.workflowId,
      taskQueue: this.taskQueue,
      args: [this.inputFor(conversation)],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return this.withinDeadline(UPDATE_DEADLINE_MS, () =>
      this.client.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation }),
    );
  }

  /** Tells the tenant's assignment dispatcher that capacity or the queue changed. */
  async notifyQueueChanged(tenantId: string): Promise<void> {
    const input: AssignmentDispatcherInput = { tenantId, sweepSeconds: this.queueSweepSeconds };
    await this.withinDeadline(SIGNAL_DEADLINE_MS, () =>
      this.client.workflow.signalWithStart(ASSIGNMENT_DISPATCHER_WORKFLOW, {
        workflowId: assignmentDispatcherWorkflowId(tenantId),
        taskQueue: this.taskQueue,
        args: [input],
        signal: queueChangedSignal,
        signalArgs: [],
      }),
    );
  }

  /**
   * A workflow's rejection becomes its DomainError; Temporal being unreachable or too slow becomes 'unavailable'.
   * Every call here is safe to retry (signals are deduplicated by message id, updates by client message id).
   */
  private async withinDeadline<T>(ms: number, call: () => Promise<T>): Promise<T> {
    try {
      return await this.client.withDeadline(Date.now() + ms, call);
    } catch (error) {
      const rejection = toDomainError(error);
      if (rejection) {
        throw rejection;
      }
      throw new DomainError(
        'unavailable',
        'The conversation engine is not answering right now; please retry in a moment (retries are safe)',
        undefined,
        { cause: error },
      );
    }
  }

  private inputFor(conversation: ConversationEntity): ConversationWorkflowInput {
    return {
      tenantId: conversation.tenantId,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      channel: conversation.channel,
      settings: this.settings,
      state: toConversationState(conversation),
    };
  }
}

/**
 * A workflow's rejection (ApplicationFailure with a domain code as its type) becomes a DomainError, and so does a
 * step of an agent action that failed for good (see stepFailureToDomainError).
 */
function toDomainError(error: unknown): DomainError | undefined {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.type && isDomainCode(cause.type)) {
    return new DomainError(cause.type, cause.message, undefined, { cause: error });
  }
  if (error instanceof WorkflowUpdateFailedError && cause instanceof TemporalFailure) {
    return stepFailureToDomainError(cause, error);
  }
  return undefined;
}

/**
 * An update whose step failed after its bounded retries (a local activity's failure arrives as is, a scheduled one's
 * inside an ActivityFailure): a domain rejection keeps its code; data the database refuses (PermanentDataError) is
 * the caller's 400; a step that kept failing for another reason is a 503, and retrying later is safe. The
 * conversation itself is untouched and keeps taking actions.
 */
function stepFailureToDomainError(failure: TemporalFailure, error: unknown): DomainError {
  const step = failure instanceof ActivityFailure ? failure.cause : failure;
  if (step instanceof ApplicationFailure && step.type && isDomainCode(step.type)) {
    return new DomainError(step.type, step.message, undefined, { cause: error });
  }
  if (step instanceof ApplicationFailure && step.type === PERMANENT_DATA_ERROR) {
    return new DomainError('validation_failed', `The change could not be saved: ${step.message}`, undefined, {
      cause: error,
    });
  }
  return new DomainError(
    'unavailable',
    'The change could not be saved right now (a step kept failing); please retry in a moment (retries are safe)',
    undefined,
    { cause: error },
  );
}

function isDomainCode(type: string): type is DomainErrorCode {
  return ['validation_failed', 'forbidden', 'not_found', 'conflict', 'invalid_state'].includes(type);
}
