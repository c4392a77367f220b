import type { IncomingMessage, ServerResponse } from 'node:http';
import { nestsDeeperThan } from './json-depth.scan';
import { MAX_INPUT_DEPTH } from './input-limits';

/** A refusal body-parser passes on with its status; the error filter turns it into a 400 'validation_failed'. */
class TooDeepBody extends Error {
  readonly status = 400;
  readonly type = 'validation_failed';
  readonly expose = true;
}

/**
 * body-parser's `verify` hook for JSON: refuses a body nested deeper than MAX_INPUT_DEPTH before JSON.parse runs,
 * so no later step (parsing, class-transformer, class-validator) walks an input deep enough to overflow the stack.
 */
export function refuseDeepJson(_request: IncomingMessage, _response: ServerResponse, raw: Buffer, encoding: string) {
  const text = raw.toString(Buffer.isEncoding(encoding) ? encoding : 'utf8');
  if (nestsDeeperThan(text, MAX_INPUT_DEPTH)) {
    throw new TooDeepBody(`body nests deeper than ${MAX_INPUT_DEPTH} levels`);
  }
}
