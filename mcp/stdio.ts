// MCP over stdio, one JSON-RPC message per line. The SDK's transport re-copies its whole buffer for
// every chunk (slow past a few MB) and, past its limit, drops the message and closes in silence; this
// one keeps the chunks of a line apart, answers an oversized or unreadable line with an error, and
// goes on serving.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { MAX_MESSAGE_BYTES } from './limits';

const NEWLINE = 0x0a;

export class LineTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  private chunks: Buffer[] = [];
  private size = 0;
  /** Inside a line already refused for its size: everything up to its end is dropped. */
  private skipping = false;

  constructor(
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
  ) {}

  async start() {
    this.input.on('data', this.read);
    this.input.once('end', () => void this.close());
  }

  async send(message: JSONRPCMessage) {
    if (!this.output.write(`${JSON.stringify(message)}\n`)) await new Promise((done) => this.output.once('drain', done));
  }

  async close() {
    this.input.off('data', this.read);
    this.chunks = [];
    this.onclose?.();
  }

  private read = (chunk: Buffer | string) => {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
      this.take(data.subarray(start, end));
      start = end + 1;
      if (this.skipping) this.skipping = false;
      else this.deliver(Buffer.concat(this.chunks).toString('utf8'));
      this.chunks = [];
      this.size = 0;
    }
    this.take(data.subarray(start));
  };

  /** Adds part of a line, or starts skipping it once it passes the limit. */
  private take(part: Buffer) {
    if (this.skipping) return;
    this.size += part.length;
    if (this.size <= this.maxBytes) return void this.chunks.push(part);
    this.skipping = true;
    this.chunks = [];
    this.fail(-32600, `Request too large: a message was larger than ${this.maxBytes / 1024 / 1024} MiB, the most this server accepts. It was ignored.`);
  }

  private deliver(line: string) {
    const text = line.replace(/\r$/, '');
    if (!text.trim()) return;
    let message: JSONRPCMessage;
    try {
      message = JSONRPCMessageSchema.parse(JSON.parse(text));
    } catch {
      return this.fail(-32700, 'Parse error: a line was not a JSON-RPC message. It was ignored.');
    }
    this.onmessage?.(message);
  }

  /** An error the client can see (id null: the message's own id could not be read), and a note for the log. */
  private fail(code: number, message: string) {
    void this.send({ jsonrpc: '2.0', id: null, error: { code, message } } as unknown as JSONRPCMessage);
    this.onerror?.(new Error(message));
  }
}
