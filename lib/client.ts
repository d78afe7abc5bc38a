// The SendGrid client every operation talks to. It is transport-agnostic: the Zapier face plugs in
// z.request (so Zapier's logging, censoring and middleware apply), the MCP face plugs in axios.
import { fieldErrors, InputError, rateLimitOf, SendGridError, type Failure, type RequestInfo } from './errors';
import type { Pacer } from './pacer';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

export interface HttpRequest {
  method: Method;
  url: string;
  headers: Record<string, string>;
  /** Serialized JSON, when there is a body. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON, or undefined when empty. */
  body: unknown;
}

/** What a transport hands back: the body unparsed, so the client judges whether it is SendGrid's JSON. */
export interface RawResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text: string;
}

/**
 * Sends one request and reads at most MAX_RESPONSE_BYTES of the answer; never follows a redirect.
 * Rejects when no response arrived (network error, `signal` fired, answer too large).
 */
export type Transport = (request: HttpRequest, signal: AbortSignal) => Promise<RawResponse>;

/** The most a transport reads of one answer: far above any real SendGrid page, far below harm. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Thrown by a transport that chose not to send (a dry run): it reaches the caller as it is. */
export class NotSent extends Error {}

/** Thrown by a transport whose answer passed MAX_RESPONSE_BYTES. */
export class ResponseTooLarge extends Error {
  override name = 'ResponseTooLarge';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** The answer is text, not JSON (a CSV file SendGrid serves): returned as the body, never judged as JSON. */
  text?: boolean;
}

export interface PageOptions {
  query?: Query;
  /** The array in each page's body: `result` for most endpoints; omit when the body is the array. */
  items?: string;
  /** `token`: page_size + page_token from `_metadata.next` (Marketing API); `offset`: limit + offset. */
  style: 'token' | 'offset';
  /** Query parameter that sets the page size (default page_size or limit). */
  sizeParam?: string;
  pageSize: number;
}

/**
 * Which pages a call returns. Without one, `paginate` walks every page (up to MAX_PAGES); with one,
 * it returns the single page a caller such as a Zapier dropdown asked for, keeping the token between calls.
 */
export interface PageControl {
  page: number;
  getCursor(): Promise<string | undefined>;
  setCursor(cursor: string): Promise<void>;
}

export interface ClientOptions {
  baseUrl: string;
  /** Scopes of the operation being run, named in 403 messages. */
  scopes?: readonly string[];
  /** Values never to repeat in an error (the API key), should SendGrid ever echo them. */
  secrets?: readonly string[];
  paging?: PageControl;
  /** Wait out a 429 and retry, up to this many times; 0 leaves retrying to the caller (Zapier). */
  throttleRetries?: number;
  /** Longest wait for a rate-limit reset before giving up with the 429 error. */
  maxThrottleWaitSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  /** The whole call, retries and waits included, ends by then: the caller's own timeout must not win. */
  deadlineMs?: number;
  /** The caller gave up (an MCP client cancelled): waits end, retries stop, and no request starts after it. */
  signal?: AbortSignal;
  /** Reports progress of a long wait (a contact import); the MCP face turns it into progress notifications. */
  onProgress?: (progress: number, total?: number, message?: string) => void;
  /** Rate-limit state shared by the calls of a long-lived process: waits out an exhausted window first. */
  pacer?: Pacer;
}

export interface SendGridApi {
  readonly baseUrl: string;
  /** The full response; throws SendGridError for 4xx/5xx and when no response arrives. */
  request(method: Method, path: string, options?: RequestOptions): Promise<HttpResponse>;
  get<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  post<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  put<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  patch<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  paginate<T = unknown>(path: string, options: PageOptions): Promise<T[]>;
  /** Waits, ending early with an error if the caller cancels or the deadline passes: use it for polling. */
  sleep(ms: number): Promise<void>;
  /** Milliseconds left before the call's deadline: a poll loop stops in time to report. */
  remainingMs(): number;
  /** Reports progress of a long wait; a no-op where nobody listens. */
  progress(progress: number, total?: number, message?: string): void;
}

/** A bound on "every page", so a runaway cursor cannot loop for ever. */
export const MAX_PAGES = 100;

/** A call's total time when the caller sets none: under the 60 s MCP clients wait by default. */
export const DEFAULT_DEADLINE_MS = 45_000;

const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((done, fail) => {
    if (signal?.aborted) return fail(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      done();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      fail(signal!.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });

export function createApi(transport: Transport, options: ClientOptions): SendGridApi {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const remainingMs = () => Math.max(0, deadline - Date.now());
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  const redact = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  /** Every string in SendGrid's answer, redacted: an upstream that echoes the key back leaks it nowhere. */
  const redactDeep = (node: unknown): unknown =>
    typeof node === 'string'
      ? redact(node)
      : Array.isArray(node)
        ? node.map(redactDeep)
        : node && typeof node === 'object'
          ? Object.fromEntries(Object.entries(node).map(([key, value]) => [redact(key), redactDeep(value)]))
          : node;

  // Waits stop at the caller's cancellation and never run past the deadline.
  const sleep = async (ms: number, info?: RequestInfo) => {
    if (ms > remainingMs()) throw new SendGridError(0, [], {}, info ?? { method: 'WAIT', path: '' }, `the ${Math.round((options.deadlineMs ?? DEFAULT_DEADLINE_MS) / 1000)} s limit of one call`, 'timeout');
    try {
      await (options.sleep ? options.sleep(ms) : realSleep(ms, options.signal));
      if (options.signal?.aborted) throw options.signal.reason;
    } catch {
      throw new SendGridError(0, [], {}, info ?? { method: 'WAIT', path: '' }, 'while waiting', 'cancelled');
    }
  };

  async function request(method: Method, path: string, { query, body, headers, text }: RequestOptions = {}) {
    const url = urlFor(baseUrl, path, query);
    checkHeaders(headers);
    const info: RequestInfo = { method, path: new URL(url).pathname, scopes: options.scopes };
    const http: HttpRequest = {
      method,
      url,
      headers: { accept: text ? 'text/csv, text/plain, */*' : 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    const lost = (failure: Failure, detail: string) => new SendGridError(0, [], {}, info, redact(detail), failure);
    for (let attempt = 0; ; attempt++) {
      // Only reads are retried after a lost response or a server error: a write may have taken
      // effect (a mail, sent), and sending it again could do it twice.
      const retryRead = method === 'GET' && attempt < 2;
      // The family's window is used up: wait for its reset (when short enough) rather than meet a 429.
      const pace = options.pacer?.delayFor(info.path) ?? 0;
      if (pace > 0 && pace <= (options.maxThrottleWaitSeconds ?? 30) * 1000 && pace < remainingMs()) await sleep(pace, info);
      if (options.signal?.aborted) throw lost('cancelled', 'before it was sent');
      if (remainingMs() <= 0) throw lost('timeout', 'the time for this call ran out before it was sent');
      const timeout = AbortSignal.timeout(remainingMs());
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      let raw: RawResponse;
      try {
        raw = await transport(http, signal);
      } catch (error) {
        if (error instanceof NotSent) throw error;
        if (options.signal?.aborted) throw lost('cancelled', 'while waiting for the answer');
        if (timeout.aborted) throw lost('timeout', `no complete answer within the ${Math.round((options.deadlineMs ?? DEFAULT_DEADLINE_MS) / 1000)} s limit of one call`);
        if (error instanceof ResponseTooLarge) throw lost('too_large', `${MAX_RESPONSE_BYTES / 1024 / 1024} MB`);
        if (retryRead) {
          await sleep(500 * 2 ** attempt, info);
          continue;
        }
        throw lost('no_answer', (error as Error).message);
      }
      options.pacer?.record(info.path, rateLimitOf(raw.headers));
      const response = { status: raw.status, headers: redactDeep(raw.headers) as Record<string, string>, body: undefined as unknown };
      const parsed = text && raw.status < 300 ? raw.text : parseJson(raw.text);
      const notJson = parsed === NOT_JSON ? describeText(raw) : undefined;
      response.body = parsed === NOT_JSON ? undefined : redactDeep(parsed);
      if (raw.status >= 300 && raw.status < 400) throw new SendGridError(raw.status, [], {}, info, redact(raw.headers.location ?? ''), 'redirect');
      if (raw.status < 300) {
        // SendGrid's API answers JSON; an empty body is fine only where nothing is returned (202, 204, writes).
        if (notJson || (method === 'GET' && parsed === undefined && raw.status !== 204))
          throw new SendGridError(raw.status, [], {}, info, notJson ?? 'an empty answer', 'not_api');
        return response;
      }
      const errors = fieldErrors(response.body).map((e) => ({ field: e.field && redact(e.field), message: redact(e.message) }));
      const failure = new SendGridError(raw.status, errors, rateLimitOf(raw.headers), info, notJson);
      // A 429 means nothing was done, so waiting and retrying is safe for every method.
      const wait = failure.retryAfter ?? 1;
      if (raw.status === 429 && attempt < (options.throttleRetries ?? 0) && wait <= (options.maxThrottleWaitSeconds ?? 30) && wait * 1000 < remainingMs()) {
        await sleep(wait * 1000, info);
        continue;
      }
      if (raw.status >= 500 && retryRead && 500 * 2 ** attempt < remainingMs()) {
        await sleep(500 * 2 ** attempt, info);
        continue;
      }
      throw failure;
    }
  }

  const bodyOf =
    (method: Method) =>
    async <T>(path: string, opts?: RequestOptions) =>
      (await request(method, path, opts)).body as T;

  async function paginate<T>(path: string, page: PageOptions): Promise<T[]> {
    const sizeParam = page.sizeParam ?? (page.style === 'token' ? 'page_size' : 'limit');
    const fetchPage = async (position: string | number | undefined) => {
      const where = page.style === 'token' ? { page_token: position } : { offset: position ?? 0 };
      const body = await bodyOf('GET')<unknown>(path, { query: { ...page.query, [sizeParam]: page.pageSize, ...where } });
      const items = page.items ? (body as Record<string, unknown>)?.[page.items] : body;
      if (!Array.isArray(items))
        throw new SendGridError(200, [], {}, { method: 'GET', path }, `no list in ${page.items ?? 'the body'}`, 'not_api');
      const next = page.style === 'token' ? nextToken(body) : items.length < page.pageSize ? undefined : Number(position ?? 0) + items.length;
      return { items: items as T[], next };
    };

    const paging = options.paging;
    if (paging) {
      let position: string | number | undefined;
      if (page.style === 'offset') position = paging.page * page.pageSize;
      else if (paging.page > 0) {
        position = await paging.getCursor();
        if (!position) return []; // the previous page was the last
      }
      const { items, next } = await fetchPage(position);
      if (page.style === 'token' && next !== undefined) await paging.setCursor(String(next));
      return items;
    }

    const all: T[] = [];
    let position: string | number | undefined;
    for (let n = 0; n < MAX_PAGES; n++) {
      const { items, next } = await fetchPage(position);
      all.push(...items);
      if (next === undefined) return all;
      position = next;
    }
    throw new Error(`GET ${path} still had more pages after ${MAX_PAGES}; narrow the request.`);
  }

  return {
    baseUrl,
    request,
    get: bodyOf('GET'),
    post: bodyOf('POST'),
    put: bodyOf('PUT'),
    patch: bodyOf('PATCH'),
    delete: bodyOf('DELETE'),
    paginate,
    sleep: (ms) => sleep(ms),
    remainingMs,
    progress: (progress, total, message) => options.onProgress?.(progress, total, message),
  };
}

/** RFC 9110 token characters for header names; values without CR, LF or NUL. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Headers Node would refuse are refused here first, so the error can say truly that nothing was sent. */
function checkHeaders(headers: Record<string, string> | undefined) {
  const bad = Object.entries(headers ?? {}).flatMap(([name, value]) =>
    !HEADER_NAME.test(name)
      ? [{ field: `headers.${name}`, message: 'is not a valid header name' }]
      : !HEADER_VALUE.test(String(value))
        ? [{ field: `headers.${name}`, message: 'contains a line break or a control character' }]
        : [],
  );
  if (bad.length) throw new InputError(bad);
}

const NOT_JSON = Symbol('not JSON');

/** JSON, undefined when empty, NOT_JSON otherwise. */
function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

const describeText = (raw: RawResponse) => {
  const type = raw.headers['content-type']?.split(';')[0]?.trim();
  return /<html|<!doctype/i.test(raw.text.slice(0, 512)) ? `an HTML page${type ? ` (${type})` : ''}` : `text that is not JSON${type ? ` (${type})` : ''}`;
};

/**
 * The URL for a path under the API base. An absolute URL is accepted only on the API's own origin,
 * so that the key, which the transport adds, can never be sent to another host.
 */
export function urlFor(baseUrl: string, path: string, query?: Query): string {
  const base = new URL(baseUrl);
  const absolute = /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(path);
  let url: URL;
  try {
    url = absolute ? new URL(path, base) : new URL(base.pathname.replace(/\/$/, '') + (path.startsWith('/') ? path : `/${path}`), base);
  } catch {
    throw new InputError([{ field: 'path', message: `${JSON.stringify(path)} is not a valid URL or path` }]);
  }
  if (url.origin !== base.origin)
    throw new InputError([{ field: 'path', message: `refusing to send the API key to ${url.origin}; only ${base.origin} is allowed` }]);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return url.toString();
}

/** The page_token of `_metadata.next`, SendGrid's cursor for the Marketing API. */
function nextToken(body: unknown): string | undefined {
  const next = (body as { _metadata?: { next?: unknown } })?._metadata?.next;
  if (typeof next !== 'string' || !next) return undefined;
  try {
    return new URL(next, 'https://api.sendgrid.com').searchParams.get('page_token') || undefined;
  } catch {
    return undefined;
  }
}

/** Lower-cases header names and joins repeated values, for either transport. */
export function plainHeaders(entries: Iterable<[string, string]>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}
