// Streamable HTTP, stateless: every POST gets its own server and transport, so nothing is shared
// between clients and nothing needs cleaning up.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface HttpOptions {
  host: string;
  port: number;
  makeServer: () => Server;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const hostnameOf = (hostHeader: string) => {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
};

/**
 * DNS-rebinding guard: a browser page on another site may reach 127.0.0.1, but it cannot make the
 * Host or Origin name this machine. The SDK leaves this check to us.
 */
function allowed(request: IncomingMessage, boundHost: string): boolean {
  const names = new Set([...LOOPBACK, boundHost]);
  const host = request.headers.host && hostnameOf(request.headers.host);
  if (!host || !names.has(host)) return false;
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return names.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}

const reply = (response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
};

export async function serveHttp({ host, port, makeServer }: HttpOptions) {
  const http = createHttpServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/mcp') return reply(response, 404, 'Not found: the MCP endpoint is /mcp.');
    if (!allowed(request, host)) return reply(response, 403, 'Forbidden: Host or Origin is not this server.');
    if (request.method !== 'POST') return reply(response, 405, 'This server is stateless: use POST.', { allow: 'POST' });
    const server = makeServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(request, response);
    } catch (error) {
      if (!response.headersSent) reply(response, 500, `Internal error: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolve());
  });
  const bound = http.address() as AddressInfo;
  const shownHost = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${shownHost}:${bound.port}/mcp`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
