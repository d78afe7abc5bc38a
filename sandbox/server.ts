// An embedded, stateful stand-in for the SendGrid API: the backend of `npm start` and of end-to-end
// tests. It speaks SendGrid's paths, status codes, error bodies and rate-limit headers, and answers
// every request, however malformed, without ever crashing.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { contactRoutes, runContactJobs } from './contacts';
import { sandboxRoutes } from './downloads';
import { Faults, type FaultKind } from './faults';
import { legacyRoutes } from './legacy';
import { RateLimiter, type RateLimitOptions } from './limits';
import { mailRoutes, runScheduledMail } from './mail';
import { resourceRoutes } from './resources';
import { fail, Refusal, type Route, type SandboxRequest, type SandboxResponse } from './respond';
import { ALL_SCOPES, scopeFor } from './scopes';
import { runSingleSends, singleSendRoutes } from './singlesends';
import { createState, type SandboxState } from './state';
import { statsRoutes } from './stats';
import { suppressionRoutes } from './suppressions';
import { templateRoutes } from './templates';
import { accountRoutes } from './account';
import { webhookRoutes, type Delivery } from './webhooks';

export interface SandboxOptions {
  host?: string;
  port?: number;
  /** A JSON file the state is loaded from at start (when it exists) and saved to after every change. */
  statePath?: string;
  /** How long an asynchronous contact job stays pending (default 500 ms; 0 completes it at once). */
  jobDelayMs?: number;
  /** Scopes of any key, when `keys` is not given (default: every scope). */
  scopes?: readonly string[];
  /** The only keys accepted, each with its scopes; any other key gets 401. */
  keys?: Record<string, readonly string[]>;
  /** Rate limits per endpoint family; off by default. */
  rateLimit?: RateLimitOptions | false;
  /** Event webhook delivery: true (every enabled webhook, the default), false, or a filter on the URL. */
  webhookDelivery?: boolean | ((url: string) => boolean);
  /** Shares of mail recipients whose mail bounces and who open it (default 0.05 and 0.5), by address. */
  bounceShare?: number;
  openShare?: number;
  /** How long a 'hang' fault holds a request before dropping it (default 120 s). */
  hangMs?: number;
  /** The largest request body accepted (default 32 MB); larger ones get 413. */
  maxBodyBytes?: number;
}

export interface Sandbox {
  url: string;
  state: SandboxState;
  options: SandboxOptions;
  faults: Faults;
  limits: RateLimiter;
  /** Webhook posts made, newest last. */
  deliveries: Delivery[];
  /** Errors a handler threw (answered with 500), for tests to inspect. */
  errors: Error[];
  /** The sandbox's clock: real time plus whatever `advance` added. */
  now(): number;
  /** Moves the clock forward and runs the work that fell due (scheduled mail, jobs, Single Sends). */
  advance(ms: number): Promise<void>;
  /** Runs due work now, and waits for webhook deliveries in flight. */
  settle(): Promise<void>;
  /** Writes the state to `statePath` (done after every change; a no-op without a path). */
  save(): void;
  close(): Promise<void>;
  /** Internal: webhook deliveries in flight. */
  inflight: Set<Promise<unknown>>;
}

const ROUTES: Route[] = [
  ...accountRoutes,
  ...mailRoutes,
  ...contactRoutes,
  ...resourceRoutes,
  ...templateRoutes,
  ...singleSendRoutes,
  ...suppressionRoutes,
  ...statsRoutes,
  ...webhookRoutes,
  ...legacyRoutes,
];

/** Every emulated route as "METHOD /path/:param", for coverage checks. */
export const emulatedRoutes = () => ROUTES.map((r) => `${r.method} ${r.path}`);

function match(route: Route, method: string, path: string): Record<string, string> | undefined {
  if (route.method !== method) return undefined;
  const want = route.path.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    if (part.startsWith(':')) {
      if (!got[i]) return undefined;
      try {
        params[part.slice(1)] = decodeURIComponent(got[i]!);
      } catch {
        params[part.slice(1)] = got[i]!;
      }
    } else if (part !== got[i]) return undefined;
  }
  return params;
}

/** The route for a request: literal segments win over parameters (/lists/search before /lists/:id). */
export function findRoute(routes: Route[], method: string, path: string) {
  let best: { route: Route; params: Record<string, string>; score: number } | undefined;
  for (const route of routes) {
    const params = match(route, method, path);
    if (!params) continue;
    const score = -Object.keys(params).length;
    if (!best || score > best.score) best = { route, params, score };
  }
  return best;
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const HTML_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/** The saved state when there is one (collections added since it was saved start as seeded), else the seed. */
function loadState(path: string | undefined): SandboxState {
  if (!path || !existsSync(path)) return createState();
  let saved: SandboxState;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as SandboxState;
  } catch (error) {
    throw new Error(`cannot read the sandbox state in ${path} (${(error as Error).message}); move the file away to start afresh`);
  }
  if (saved?.version !== 1) throw new Error(`${path} is not a sandbox state file (version 1)`);
  return { ...createState(), ...saved };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { host = '127.0.0.1', port = 0 } = options;
  let offset = 0;
  let dirty = false;
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();
  const sandbox: Sandbox = {
    url: '',
    state: loadState(options.statePath),
    options,
    faults: new Faults(),
    limits: new RateLimiter(options.rateLimit),
    deliveries: [],
    errors: [],
    inflight: new Set(),
    now: () => Date.now() + offset,
    async advance(ms) {
      offset += ms;
      await sandbox.settle();
    },
    async settle() {
      runDue();
      while (sandbox.inflight.size) await Promise.allSettled([...sandbox.inflight]);
    },
    save() {
      if (!options.statePath) return;
      const tmp = `${options.statePath}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(sandbox.state));
      renameSync(tmp, options.statePath);
      dirty = false;
    },
    close: async () => {
      clearInterval(timer);
      try {
        runDue();
        if (dirty) sandbox.save();
      } catch {
        // Closing must not fail for a state that cannot be written.
      }
      for (const response of hung) response.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };

  /** Runs work that fell due: contact jobs, scheduled mail, Single Sends. Never throws. */
  function runDue() {
    try {
      const changed = [runContactJobs(sandbox), runSingleSends(sandbox), runScheduledMail(sandbox)].some(Boolean);
      if (changed) dirty = true;
      if (dirty && options.statePath) sandbox.save();
    } catch (error) {
      sandbox.errors.push(error as Error);
    }
  }

  function scopesOf(authorization: string | undefined): readonly string[] | undefined {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!key) return undefined;
    if (options.keys) return options.keys[key];
    return options.scopes ?? sandbox.state.scopes ?? ALL_SCOPES;
  }

  async function answer(request: IncomingMessage, url: URL, raw: Buffer): Promise<SandboxResponse | FaultKind> {
    const method = (request.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const found = findRoute(path.startsWith('/_sandbox/') ? sandboxRoutes : ROUTES, method, path);
    const fault = sandbox.faults.take(method, path, found?.route.path);
    if (fault !== undefined) return fault;

    const own = path.startsWith('/_sandbox/');
    const scopes = own ? ALL_SCOPES : scopesOf(request.headers.authorization);
    if (!scopes) return fail(401, 'authorization required');
    if (!found) {
      const response = fail(404, `the sandbox does not emulate ${method} ${path}`);
      return { ...response, headers: { 'x-sandbox-not-emulated': 'true' } };
    }
    const scope = scopeFor(method, path);
    if (scope && !scopes.includes(scope)) return fail(403, 'access forbidden');

    let body: unknown;
    const type = String(request.headers['content-type'] ?? '');
    const textBody = raw.toString('utf8');
    if (raw.length && (type.includes('json') || (!own && (/^\s*[[{"]/.test(textBody) || !type)))) {
      try {
        body = JSON.parse(textBody);
      } catch {
        return fail(400, 'Bad Request: the body is not valid JSON');
      }
    }
    runDue();
    const input: SandboxRequest = {
      method,
      path,
      params: found.params,
      query: url.searchParams,
      body,
      raw,
      headers: request.headers,
      // The address the client used, so links work whatever interface the sandbox listens on.
      origin: /^[\w.:[\]-]+$/.test(request.headers.host ?? '') ? `http://${request.headers.host}` : sandbox.url,
      scopes,
    };
    try {
      const response = found.route.handle(input, sandbox);
      if (method !== 'GET' && response.status < 400) {
        dirty = true;
        if (options.statePath) sandbox.save();
      }
      return response;
    } catch (error) {
      if (error instanceof Refusal) return error.response;
      if (sandbox.errors.push(error as Error) > 100) sandbox.errors.shift();
      return fail(500, 'internal server error');
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse) {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://sandbox');
    } catch {
      url = new URL('http://sandbox/');
    }
    const raw = await readBody(request, options.maxBodyBytes ?? 32 * 1024 * 1024);
    const { headers: limitHeaders, limited } = sandbox.limits.take(url.pathname, sandbox.now());
    let result: SandboxResponse | FaultKind;
    if (raw === 'too large') result = fail(413, 'The request is too large. The maximum size of a request is 32 MB.');
    else if (limited && !url.pathname.startsWith('/_sandbox/')) result = fail(429, 'too many requests');
    else result = await answer(request, url, raw);

    if (result === 'reset') return void request.socket.destroy();
    if (result === 'hang') {
      hung.add(response);
      const timer = setTimeout(() => response.destroy(), options.hangMs ?? 120_000);
      timer.unref();
      response.once('close', () => {
        clearTimeout(timer);
        hung.delete(response);
      });
      return;
    }
    if (typeof result === 'number') result = fail(result, result === 500 ? 'internal server error' : result === 503 ? 'service unavailable' : result === 504 ? 'gateway timeout' : 'bad gateway');
    else if (result === 'html') result = { status: 502, text: HTML_PAGE, headers: { 'content-type': 'text/html' } };
    else if (result === 'malformed') result = { status: 200, text: '{"result": [{"id": "', headers: { 'content-type': 'application/json' } };

    const hasJson = result.body !== undefined && result.text === undefined;
    response.writeHead(result.status, {
      ...(hasJson ? { 'content-type': 'application/json' } : {}),
      ...limitHeaders,
      ...result.headers,
    });
    response.end(result.text ?? (hasJson ? JSON.stringify(result.body) : undefined));
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: Error) => {
      sandbox.errors.push(error);
      try {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errors: [{ field: null, message: 'internal server error' }] }));
      } catch {
        response.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"errors":[{"field":null,"message":"Bad Request"}]}');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  sandbox.url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  // Due work runs on requests, and on this tick for what happens with nobody asking (webhooks, sends).
  const timer = setInterval(runDue, 200);
  timer.unref();
  if (options.statePath && !existsSync(options.statePath)) sandbox.save();
  return sandbox;
}
