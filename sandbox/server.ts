// An embedded, stateful stand-in for the SendGrid API: the backend of `npm start` and of end-to-end
// tests. It speaks SendGrid's paths, status codes, error bodies and rate-limit headers.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRoutes } from './account';
import { listRoutes } from './lists';
import { mailRoutes } from './mail';
import { fail, type Route, type SandboxResponse } from './respond';
import { createState, type SandboxState } from './state';

const ROUTES: Route[] = [...accountRoutes, ...mailRoutes, ...listRoutes];

export interface Sandbox {
  url: string;
  state: SandboxState;
  close(): Promise<void>;
}

function match(route: Route, method: string, path: string): Record<string, string> | undefined {
  if (route.method !== method) return undefined;
  const want = route.path.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[i]!);
    else if (part !== got[i]) return undefined;
  }
  return params;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export async function startSandbox({ host = '127.0.0.1', port = 0 } = {}): Promise<Sandbox> {
  const state = createState();
  let origin = '';
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const answer = await (async (): Promise<SandboxResponse> => {
      if (!/^Bearer \S+/.test(request.headers.authorization ?? '')) return fail(401, 'authorization required');
      let body: unknown;
      try {
        body = await readJson(request);
      } catch {
        return fail(400, 'Bad Request: the body is not valid JSON');
      }
      for (const route of ROUTES) {
        const params = match(route, request.method ?? 'GET', url.pathname);
        if (params) return route.handle({ method: route.method, path: url.pathname, params, query: url.searchParams, body, origin }, state);
      }
      return fail(404, 'resource not found');
    })();
    const reset = Math.ceil(Date.now() / 1000) + 60;
    response.writeHead(answer.status, {
      ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-ratelimit-limit': '600',
      'x-ratelimit-remaining': '599',
      'x-ratelimit-reset': String(reset),
      ...answer.headers,
    });
    response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { url: origin, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
