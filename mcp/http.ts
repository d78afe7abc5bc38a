// Streamable HTTP, stateless: every POST gets its own server and transport, so nothing is shared
// between clients and nothing needs cleaning up.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { MAX_MESSAGE_BYTES } from './limits';

export interface HttpOptions {
  host: string;
  port: number;
  /** A server for one request; `agent` and `secret` come from `agentOf` when it is set. */
  makeServer: (agent?: string, secret?: string) => Server;
  /** Required in `Authorization: Bearer …` when set; the CLI insists on one off loopback. */
  authToken?: string;
  /** After this moment every request is answered 401. */
  expiresAt?: Date;
  /**
   * Several agents (instead of `authToken`): the agent a secret names, from the path `/mcp/<secret>`
   * or `Authorization: Bearer <secret>`, or undefined (unknown or expired: 404 by path, 401 by header).
   */
  agentOf?: (secret: string) => string | undefined;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export const isLoopback = (host: string) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host) || /^127\./.test(host);

/** Host name and port of a URL, with the scheme's default port filled in. */
function place(url: string): { scheme: string; name: string; port: number } | undefined {
  try {
    const parsed = new URL(url);
    return { scheme: parsed.protocol, name: parsed.hostname, port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)) };
  } catch {
    return undefined;
  }
}

/**
 * DNS-rebinding guard: a browser page on another site may reach this port, but it cannot make the
 * Host header or its Origin name this server. Origins are compared whole: scheme, host and port.
 */
function allowed(request: IncomingMessage, names: Set<string>, port: number): boolean {
  const host = request.headers.host ? place(`http://${request.headers.host}`) : undefined;
  if (!host || !names.has(host.name) || host.port !== port) return false;
  if (request.headers.origin === undefined) return true;
  const origin = place(request.headers.origin);
  return Boolean(origin && origin.scheme === 'http:' && names.has(origin.name) && origin.port === port);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time: the comparison takes as long whatever the first wrong character. */
function authorized(request: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

/** The answers to an unknown secret: the same whatever the secret, and a path's the same as any unknown path's. */
const NOT_FOUND = 'Not found.';
const UNKNOWN_AGENT = 'Unauthorized: send an agent\'s token as "Authorization: Bearer <token>", or use its URL /mcp/<token>.';

const reply = (response: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
};

class TooLarge extends Error {}

/** The most messages one JSON-RPC batch may hold. */
export const MAX_BATCH = 20;

/**
 * The body, kept up to the limit. Past it the rest is read and thrown away (so the client can read
 * the 413 instead of meeting a broken pipe), and a sender that never stops is cut off.
 */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(request.headers['content-length']) > MAX_MESSAGE_BYTES ? Infinity : 0;
    const cutOff = setTimeout(() => request.socket.destroy(), 30_000);
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_MESSAGE_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.once('end', () => {
      clearTimeout(cutOff);
      if (size > MAX_MESSAGE_BYTES) reject(new TooLarge());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.once('error', (error) => {
      clearTimeout(cutOff);
      reject(error);
    });
  });
}

/** A URL a client can use: a wildcard address is shown as this machine's first LAN address. */
function shownHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0' || address.address === '::') {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((nic) => nic && nic.family === 'IPv4' && !nic.internal);
    return lan?.address ?? '127.0.0.1';
  }
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}

export async function serveHttp({ host, port, makeServer, authToken, expiresAt, agentOf }: HttpOptions) {
  const names = new Set([...LOOPBACK_NAMES]);
  let boundPort = port;
  const http = createHttpServer(async (request, response) => {
    try {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      // With agents, /mcp/<secret> names one (for clients that cannot send headers); /mcp takes a bearer.
      const route = agentOf ? /^\/mcp(?:\/([^/]+))?$/.exec(path) : path === '/mcp' ? [path] : null;
      if (!route) return reply(response, 404, -32000, agentOf ? NOT_FOUND : 'Not found: the MCP endpoint is /mcp.');
      if (!allowed(request, names, boundPort)) return reply(response, 403, -32000, 'Forbidden: Host or Origin is not this server.');
      let agent: string | undefined;
      let secret: string | undefined;
      if (agentOf) {
        const byPath = route[1] !== undefined;
        secret = byPath ? route[1]! : (/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
        agent = secret ? agentOf(secret) : undefined;
        if (agent === undefined)
          return byPath ? reply(response, 404, -32000, NOT_FOUND) : reply(response, 401, -32000, UNKNOWN_AGENT, { 'www-authenticate': 'Bearer' });
      }
      if (expiresAt && Date.now() >= expiresAt.getTime())
        return reply(response, 401, -32000, `Unauthorized: this server's access ended at ${expiresAt.toISOString()}.`);
      if (!authorized(request, authToken))
        return reply(response, 401, -32000, 'Unauthorized: send the server token as "Authorization: Bearer <token>".', { 'www-authenticate': 'Bearer' });
      if (request.method !== 'POST') return reply(response, 405, -32000, 'This server is stateless: use POST.', { allow: 'POST' });
      let body: unknown;
      try {
        body = JSON.parse(await readBody(request));
      } catch (error) {
        if (error instanceof TooLarge)
          return reply(response, 413, -32600, `The message is larger than this server accepts (${MAX_MESSAGE_BYTES / 1024 / 1024} MiB).`);
        return reply(response, 400, -32700, 'Parse error: the body is not valid JSON.');
      }
      // Clients of older protocol versions may batch; a bounded batch keeps one POST from fanning out
      // into hundreds of SendGrid calls at once.
      if (Array.isArray(body) && body.length > MAX_BATCH)
        return reply(response, 400, -32600, `Invalid Request: a batch may hold at most ${MAX_BATCH} messages; this one holds ${body.length}.`);
      const server = makeServer(agent, secret);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      // Closing the server when the client goes away aborts its running tool calls (their signal fires).
      response.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(request, response, body);
    } catch (error) {
      if (!response.headersSent) reply(response, 500, -32603, `Internal error: ${(error as Error).message}`);
      else response.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolve());
  });
  const bound = http.address() as AddressInfo;
  boundPort = bound.port;
  const shown = shownHost(bound);
  for (const name of [host, shown]) {
    const found = place(`http://${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}`);
    if (found) names.add(found.name);
  }
  return {
    url: `http://${shown}:${bound.port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
