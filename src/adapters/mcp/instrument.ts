import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';
import type { EndRequest, RedMetrics } from '../../metrics/red.js';

/** The `tool` label of a call to a tool this server does not have: client input must not mint label values. */
export const UNKNOWN_TOOL = 'unknown';

type Id = string | number;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Wraps a transport to time every `tools/call` from request to response, whatever decides the outcome:
 * the handler, the SDK's input validation, an unknown tool name. `status` is `error` for an `isError`
 * result or a JSON-RPC error, `ok` otherwise. Works the same over stdio, HTTP and in-memory transports.
 */
export class InstrumentedTransport implements Transport {
  readonly #inner: Transport;
  readonly #red: RedMetrics;
  readonly #tools: ReadonlySet<string>;
  readonly #pending = new Map<Id, { tool: string; end: EndRequest }>();
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: (<T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void) | undefined;

  constructor(inner: Transport, red: RedMetrics, tools: Iterable<string>) {
    this.#inner = inner;
    this.#red = red;
    this.#tools = new Set(tools);
    inner.onmessage = (message, extra) => {
      this.#received(message);
      this.onmessage?.(message, extra);
    };
    inner.onerror = (error) => this.onerror?.(error);
    inner.onclose = () => {
      // A call whose answer never left (client gone, transport closed) is a failed call.
      for (const call of this.#pending.values()) call.end({ tool: call.tool }, 'error');
      this.#pending.clear();
      this.onclose?.();
    };
  }

  get sessionId(): string | undefined {
    return this.#inner.sessionId;
  }

  setProtocolVersion = (version: string): void => this.#inner.setProtocolVersion?.(version);

  start(): Promise<void> {
    return this.#inner.start();
  }

  close(): Promise<void> {
    return this.#inner.close();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    this.#sent(message);
    return this.#inner.send(message, options);
  }

  #received(message: JSONRPCMessage): void {
    const m = message as Record<string, unknown>;
    if (m.method !== 'tools/call' || !('id' in m)) return;
    const name = isRecord(m.params) ? m.params.name : undefined;
    const tool = typeof name === 'string' && this.#tools.has(name) ? name : UNKNOWN_TOOL;
    this.#pending.get(m.id as Id)?.end({ tool }, 'error');
    this.#pending.set(m.id as Id, { tool, end: this.#red.start() });
  }

  #sent(message: JSONRPCMessage): void {
    if (!isRecord(message) || !('id' in message) || 'method' in message) return;
    const call = this.#pending.get(message.id as Id);
    if (!call) return;
    this.#pending.delete(message.id as Id);
    const failed = 'error' in message || (isRecord(message.result) && message.result.isError === true);
    call.end({ tool: call.tool }, failed ? 'error' : 'ok');
  }
}
