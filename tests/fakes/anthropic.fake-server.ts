import { randomBytes } from 'node:crypto';
import { contentText, FakeLlmServer, sendJson, type RecordedRequest, type VendorDialect } from './fake-llm.server';

const ERROR_TYPES: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request.' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  404: { type: 'not_found_error', message: 'Not found.' },
  429: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit.' },
  500: { type: 'api_error', message: 'Internal server error' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

/**
 * Anthropic's Messages API (`POST /v1/messages`, non-streaming) as the official `@anthropic-ai/sdk` under
 * ChatAnthropic reads it. Point the client at `fake.url` (the SDK adds `/v1/messages` itself). Requires the
 * `x-api-key` and `anthropic-version` headers like the real API. ChatAnthropic's structured output forces a tool
 * (`tool_choice: {type: 'tool', name}`), answered with a `tool_use` content block; `output_config.format`
 * (its jsonSchema method) is answered with the JSON as a text block.
 */
export function anthropicDialect({ apiKey }: { apiKey?: string } = {}): VendorDialect {
  return {
    route: { method: 'POST', path: '/v1/messages' },

    reject(request) {
      const key = request.headers['x-api-key'];
      if (!key || (apiKey !== undefined && key !== apiKey)) {
        return { status: 401, message: 'invalid x-api-key' };
      }
      if (!request.headers['anthropic-version']) {
        return { status: 400, message: 'anthropic-version: header is required' };
      }
      if (typeof request.body?.max_tokens !== 'number') {
        return { status: 400, message: 'max_tokens: Field required' };
      }
      if (request.body?.stream === true) {
        return {
          status: 400,
          message: 'The fake Anthropic server does not stream; ChatAnthropic was expected not to ask.',
        };
      }
      return undefined;
    },

    answer(request, behaviour, res) {
      const body = request.body;
      const { content, stopReason } =
        behaviour.kind === 'text'
          ? { content: [{ type: 'text', text: behaviour.text }], stopReason: 'end_turn' }
          : structuredContent(body, behaviour.output);
      sendJson(
        res,
        200,
        {
          id: `msg_${randomBytes(12).toString('hex')}`,
          type: 'message',
          role: 'assistant',
          model: body.model,
          content,
          stop_reason: stopReason,
          stop_sequence: null,
          usage: {
            input_tokens: Math.ceil(JSON.stringify(body.messages ?? []).length / 4),
            output_tokens: Math.ceil(JSON.stringify(content).length / 4),
            cache_creation_input_tokens: 0,
            cache_read_input_tokens: 0,
            service_tier: 'standard',
          },
        },
        requestIdHeaders(),
      );
    },

    error(status, message, res) {
      const known = ERROR_TYPES[status] ?? ERROR_TYPES[400];
      sendJson(
        res,
        status,
        { type: 'error', error: { type: known.type, message: message ?? known.message } },
        requestIdHeaders(),
      );
    },

    promptText(request: RecordedRequest) {
      const body = request.body ?? {};
      const messages: { role: string; content: unknown }[] = body.messages ?? [];
      return [
        `system: ${contentText(body.system)}`,
        ...messages.map((m) => `${m.role}: ${contentText(m.content)}`),
      ].join('\n');
    },
  };
}

export function startFakeAnthropic(options: { apiKey?: string } = {}): Promise<FakeLlmServer> {
  return FakeLlmServer.start(anthropicDialect(options));
}

function structuredContent(body: any, output: unknown) {
  const tools: { name: string }[] = body.tools ?? [];
  const choice = body.tool_choice;
  const forced = choice?.type === 'tool' ? choice.name : choice?.type === 'any' ? tools[0]?.name : undefined;
  if (!forced) {
    return { content: [{ type: 'text', text: JSON.stringify(output) }], stopReason: 'end_turn' };
  }
  return {
    content: [{ type: 'tool_use', id: `toolu_${randomBytes(12).toString('hex')}`, name: forced, input: output }],
    stopReason: 'tool_use',
  };
}

function requestIdHeaders(): Record<string, string> {
  return { 'request-id': `req_${randomBytes(12).toString('hex')}` };
}
