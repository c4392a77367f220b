import { randomBytes } from 'node:crypto';
import { contentText, FakeLlmServer, sendJson, type RecordedRequest, type VendorDialect } from './fake-llm.server';

const ERROR_TYPES: Record<number, { type: string; code: string | null; message: string }> = {
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  429: {
    type: 'requests',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1.',
  },
  500: {
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

/**
 * OpenAI's Chat Completions API (`POST /v1/chat/completions`, non-streaming) as the official `openai` SDK under
 * ChatOpenAI reads it. Point the client at `${fake.url}/v1`. Structured output is answered in the form the request
 * asked for: `response_format: {type: 'json_schema'}` (ChatOpenAI's default for gpt-4o-style models) gets the JSON as
 * message content; forced function calling (`tools` + `tool_choice`, the default for gpt-3.5/gpt-4-*) gets a tool call.
 */
export function openAiDialect({ apiKey }: { apiKey?: string } = {}): VendorDialect {
  return {
    route: { method: 'POST', path: '/v1/chat/completions' },

    reject(request) {
      const authorization = request.headers.authorization;
      if (!authorization) {
        return { status: 401, message: "You didn't provide an API key." };
      }
      if (apiKey !== undefined && authorization !== `Bearer ${apiKey}`) {
        return { status: 401, message: 'Incorrect API key provided.' };
      }
      if (request.body?.stream === true) {
        return { status: 400, message: 'The fake OpenAI server does not stream; ChatOpenAI was expected not to ask.' };
      }
      return undefined;
    },

    answer(request, behaviour, res) {
      const body = request.body;
      const { message, finishReason } =
        behaviour.kind === 'text'
          ? { message: assistantText(behaviour.text), finishReason: 'stop' }
          : structuredMessage(body, behaviour.output);
      const promptTokens = Math.ceil(JSON.stringify(body.messages ?? []).length / 4);
      const completionTokens = Math.ceil(JSON.stringify(message).length / 4);
      sendJson(
        res,
        200,
        {
          id: `chatcmpl-${randomBytes(12).toString('hex')}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
            prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
            completion_tokens_details: {
              reasoning_tokens: 0,
              audio_tokens: 0,
              accepted_prediction_tokens: 0,
              rejected_prediction_tokens: 0,
            },
          },
          service_tier: 'default',
          system_fingerprint: 'fp_fake0001',
        },
        requestIdHeaders(),
      );
    },

    error(status, message, res) {
      const known = ERROR_TYPES[status] ?? { type: 'invalid_request_error', code: null, message: 'Bad request.' };
      sendJson(
        res,
        status,
        { error: { message: message ?? known.message, type: known.type, param: null, code: known.code } },
        requestIdHeaders(),
      );
    },

    promptText(request: RecordedRequest) {
      const messages: { role: string; content: unknown }[] = request.body?.messages ?? [];
      return messages.map((m) => `${m.role}: ${contentText(m.content)}`).join('\n');
    },
  };
}

export function startFakeOpenAi(options: { apiKey?: string } = {}): Promise<FakeLlmServer> {
  return FakeLlmServer.start(openAiDialect(options));
}

function structuredMessage(body: any, output: unknown) {
  const tools: { type: string; function: { name: string } }[] = body.tools ?? [];
  const wantsJson = body.response_format?.type === 'json_schema' || body.response_format?.type === 'json_object';
  if (wantsJson || tools.length === 0) {
    return { message: assistantText(JSON.stringify(output)), finishReason: 'stop' };
  }
  const forced = typeof body.tool_choice === 'object' ? body.tool_choice.function?.name : undefined;
  return {
    message: {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: `call_${randomBytes(12).toString('hex')}`,
          type: 'function',
          function: { name: forced ?? tools[0].function.name, arguments: JSON.stringify(output) },
        },
      ],
      refusal: null,
      annotations: [],
    },
    // OpenAI reports "stop", not "tool_calls", when tool_choice forced one named function.
    finishReason: forced ? 'stop' : 'tool_calls',
  };
}

function assistantText(text: string) {
  return { role: 'assistant', content: text, refusal: null, annotations: [] };
}

function requestIdHeaders(): Record<string, string> {
  return { 'x-request-id': `req_${randomBytes(16).toString('hex')}`, 'openai-processing-ms': '42' };
}
