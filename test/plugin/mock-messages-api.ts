/**
 * A scripted stand-in for the Anthropic Messages API on 127.0.0.1, for end-to-end runs of the real `claude`
 * CLI with no network. The script maps each main-loop request (one that offers tools) to the next assistant
 * turn: tool calls first, then a final text. Requests without tools (titles, summaries) get a short text.
 * Every request body is recorded so that tests can read the tool results Claude Code sent back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown };

/** One assistant turn per main-loop request, in order; after the last one, a plain "done". */
export type Script = ScriptedBlock[][];

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
}

export interface MockApi {
  url: string;
  requests: RecordedRequest[];
  /** Requests that offered tools (the agent loop), in order. */
  mainLoop(): RecordedRequest[];
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('request body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sse(res: ServerResponse, blocks: ScriptedBlock[], model: string): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const id = `msg_mock_${Math.random().toString(36).slice(2, 10)}`;
  send('message_start', {
    type: 'message_start',
    message: {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 1 },
    },
  });
  blocks.forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      send('content_block_delta', {
        type: 'content_block_delta',
        index,
        delta: { type: 'text_delta', text: block.text },
      });
    } else {
      send('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
      });
      send('content_block_delta', {
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
      });
    }
    send('content_block_stop', { type: 'content_block_stop', index });
  });
  const toolUse = blocks.some((b) => b.type === 'tool_use');
  send('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: toolUse ? 'tool_use' : 'end_turn', stop_sequence: null },
    usage: { output_tokens: 20 },
  });
  send('message_stop', { type: 'message_stop' });
  res.end();
}

function json(res: ServerResponse, blocks: ScriptedBlock[], model: string): void {
  const toolUse = blocks.some((b) => b.type === 'tool_use');
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'msg_mock',
      type: 'message',
      role: 'assistant',
      model,
      content: blocks,
      stop_reason: toolUse ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 20 },
    }),
  );
}

export async function startMockApi(script: Script): Promise<MockApi> {
  const requests: RecordedRequest[] = [];
  let turn = 0;
  const server: Server = createServer(async (req, res) => {
    try {
      const path = req.url ?? '/';
      const text = await readBody(req);
      if (req.method !== 'POST' || !path.startsWith('/v1/messages')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `mock: no ${path}` } }));
        return;
      }
      const body = JSON.parse(text) as Record<string, unknown>;
      requests.push({ path, body });
      if (path.startsWith('/v1/messages/count_tokens')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ input_tokens: 100 }));
        return;
      }
      const model = typeof body.model === 'string' ? body.model : 'claude-mock';
      const hasTools = Array.isArray(body.tools) && body.tools.length > 0;
      const blocks: ScriptedBlock[] = hasTools
        ? (script[turn++] ?? [{ type: 'text', text: 'done' }])
        : [{ type: 'text', text: 'ok' }];
      if (body.stream === true) sse(res, blocks, model);
      else json(res, blocks, model);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: String(error) } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    mainLoop: () => requests.filter((r) => Array.isArray(r.body.tools) && (r.body.tools as unknown[]).length > 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
