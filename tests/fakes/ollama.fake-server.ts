import { contentText, FakeLlmServer, sendJson, type RecordedRequest, type VendorDialect } from './fake-llm.server';

const CHUNK_CHARS = 24;

/**
 * Ollama's chat API (`POST /api/chat`) as the `ollama` client under ChatOllama reads it. Point the client at
 * `fake.url`. ChatOllama always streams (`stream: true`), so answers are NDJSON: one JSON object per line, the
 * content split across chunks, and a final `done: true` chunk with the token counts. Structured output arrives as
 * `format: <JSON schema>` (or `"json"`); the JSON is written as message content. Tool calls carry their arguments as
 * an object, not a string. Errors are `{"error": "..."}`. With `models`, an unknown model gets Ollama's 404.
 */
export function ollamaDialect({ models }: { models?: string[] } = {}): VendorDialect {
  return {
    route: { method: 'POST', path: '/api/chat' },

    reject(request) {
      const model: string = request.body?.model ?? '';
      if (models && !models.some((name) => name === model || name === `${model}:latest`)) {
        return { status: 404, message: `model "${model}" not found, try pulling it first` };
      }
      return undefined;
    },

    answer(request, behaviour, res) {
      const body = request.body;
      const message =
        behaviour.kind === 'text'
          ? { role: 'assistant', content: behaviour.text }
          : structuredMessage(body, behaviour.output);
      const final = {
        model: body.model,
        created_at: new Date().toISOString(),
        message: { role: 'assistant', content: '' },
        done: true,
        done_reason: 'stop',
        total_duration: 412_000_000,
        load_duration: 12_000_000,
        prompt_eval_count: Math.ceil(JSON.stringify(body.messages ?? []).length / 4),
        prompt_eval_duration: 100_000_000,
        eval_count: Math.ceil(message.content.length / 4) + 1,
        eval_duration: 300_000_000,
      };
      if (body.stream === false) {
        sendJson(res, 200, { ...final, message });
        return;
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      for (const chunk of chunks(message)) {
        res.write(
          `${JSON.stringify({ model: body.model, created_at: new Date().toISOString(), message: chunk, done: false })}\n`,
        );
      }
      res.end(`${JSON.stringify(final)}\n`);
    },

    error(status, message, res) {
      sendJson(res, status, { error: message ?? (status === 500 ? 'llama runner process has terminated' : 'error') });
    },

    promptText(request: RecordedRequest) {
      const messages: { role: string; content: unknown }[] = request.body?.messages ?? [];
      return messages.map((m) => `${m.role}: ${contentText(m.content)}`).join('\n');
    },
  };
}

export function startFakeOllama(options: { models?: string[] } = {}): Promise<FakeLlmServer> {
  return FakeLlmServer.start(ollamaDialect(options));
}

interface OllamaMessage {
  role: string;
  content: string;
  tool_calls?: { function: { name: string; arguments: unknown } }[];
}

function structuredMessage(body: any, output: unknown): OllamaMessage {
  const tools: { function: { name: string } }[] = body.tools ?? [];
  if (body.format !== undefined || tools.length === 0) {
    return { role: 'assistant', content: JSON.stringify(output) };
  }
  return {
    role: 'assistant',
    content: '',
    tool_calls: [{ function: { name: tools[0].function.name, arguments: output } }],
  };
}

/** Splits content across stream chunks the way a model emits tokens; tool calls ride on the first chunk. */
function chunks(message: OllamaMessage): OllamaMessage[] {
  const pieces: OllamaMessage[] = [];
  for (let at = 0; at < message.content.length; at += CHUNK_CHARS) {
    pieces.push({ role: 'assistant', content: message.content.slice(at, at + CHUNK_CHARS) });
  }
  if (message.tool_calls) {
    pieces.unshift({ role: 'assistant', content: '', tool_calls: message.tool_calls });
  }
  return pieces;
}
