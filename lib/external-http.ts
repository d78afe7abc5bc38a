// Requests to hosts other than the SendGrid API: a file to attach to an email, a CSV file the user
// points to, the upload URL SendGrid hands out for a CSV import, an import job's error file. They never
// carry the API key: they do not go through the client (whose transports add it, and which refuses other
// hosts), but through plain node:http(s) with no credential of any kind, so no header of ours can reach
// another host. Every request is bounded (size, time, redirects), and a URL from outside never reaches a
// private, loopback or link-local address, even through a redirect or a DNS name that points there.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { InputError } from './errors';

/** The request failed or was refused; the message says why, in words fit for the person who gave the URL. */
export class ExternalHttpError extends Error {
  override name = 'ExternalHttpError';
}

// ---------- addresses ----------

const V4_PRIVATE: [number, number][] = [
  [0x00000000, 8], // "this" network
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10, carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local, cloud metadata services
  [0xac100000, 12], // 172.16/12
  [0xc0000000, 24], // IETF protocol assignments
  [0xc0000200, 24], // TEST-NET-1
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // benchmarking
  [0xc6336400, 24], // TEST-NET-2
  [0xcb007100, 24], // TEST-NET-3
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved, broadcast
];

const v4Number = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

function isPrivateV4(ip: string): boolean {
  const n = v4Number(ip);
  return V4_PRIVATE.some(([net, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(net / 2 ** (32 - bits)));
}

/** The 8 groups of an IPv6 address as numbers (an embedded IPv4 tail becomes two groups). */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase().split('%')[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = v4Number(v4[1]!);
    text = `${text.slice(0, -v4[1]!.length)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
}

/** True for any address a request must not reach: private, loopback, link-local, multicast, reserved. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return isPrivateV4(ip);
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  const g = v6Groups(ip);
  const v4Tail = () => `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  if (g.slice(0, 7).every((x) => x === 0)) return true; // :: and ::1 (and the deprecated IPv4-compatible form)
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return isPrivateV4(v4Tail()); // IPv4-mapped
  if (g[0] === 0x64 && g[1] === 0xff9b) return isPrivateV4(v4Tail()); // NAT64
  if (g[0] === 0x2002) return isPrivateV4(`${g[1]! >> 8}.${g[1]! & 255}.${g[2]! >> 8}.${g[2]! & 255}`); // 6to4
  const first = g[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // unique local
    (first & 0xffc0) === 0xfe80 || // link-local
    (first & 0xffc0) === 0xfec0 || // site-local (deprecated)
    (first & 0xff00) === 0xff00 || // multicast
    (first === 0x2001 && g[1] === 0x0db8) // documentation
  );
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * dns.lookup that refuses a name resolving to a private address. It is the address the socket then
 * connects to, so a name that changes its answer between a check and the connection gains nothing.
 */
export function safeLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const refused = list.find((a) => isPrivateAddress(a.address));
    if (refused || list.length === 0) {
      const denied = Object.assign(new ExternalHttpError(`${hostname} resolves to ${refused?.address ?? 'no address'}, a private or local address, which is not downloaded from`), { code: 'EPRIVATE' });
      return callback(denied, []);
    }
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

// ---------- who gave the URL decides what it may reach ----------

/**
 * What one URL of a chain (the first, or a redirect's target) may be. `allowHttp`: plain http too.
 * `localHost`: a host name that may be a private or local address (the API's own host, when it is
 * reached over http: a local sandbox handing out its own upload and download addresses).
 */
export interface UrlPolicy {
  allowHttp?: boolean;
  localHost?: string;
}

/** A URL a person or an agent gave: https, public addresses only. */
export const USER_URL: UrlPolicy = {};

/**
 * For a URL SendGrid returned (an upload or error-file address): https, or plain http only when the API
 * itself is reached over http (a local sandbox), and then the API's own host may be a local address.
 */
export function returnedUrlPolicy(apiBase: string): UrlPolicy {
  const base = new URL(apiBase);
  return base.protocol === 'http:' ? { allowHttp: true, localHost: base.hostname } : {};
}

const mayBeLocal = (url: URL, policy: UrlPolicy) => policy.localHost !== undefined && url.hostname === policy.localHost;

/** Checks one URL of the chain before connecting to it. */
function checkUrl(text: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ExternalHttpError(`${JSON.stringify(text.slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:'))
    throw new ExternalHttpError(`only https:// URLs are downloaded, not ${url.protocol}//`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!mayBeLocal(url, policy) && isIP(host) && isPrivateAddress(host)) throw new ExternalHttpError(`${host} is a private or local address, which is not downloaded from`);
  return url;
}

// ---------- the request ----------

export interface ExternalRequest {
  method?: 'GET' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** Refuse a response body larger than this. */
  maxBytes?: number;
  /** For the whole request, redirects included. */
  timeoutMs?: number;
  /** Redirects followed (a shared file link usually redirects), each re-checked; 0 for an upload. */
  maxRedirects?: number;
  policy?: UrlPolicy;
  /** Runs first on each URL of the chain (throws to refuse it), for a refusal worded for the caller. */
  check?: (url: string) => void;
}

export interface ExternalResponse {
  status: number;
  statusMessage?: string;
  content: Buffer;
  /** The content as UTF-8 text. */
  text: string;
  /** The MIME type the server gave, without parameters. */
  contentType?: string;
  /** From Content-Disposition, else the last segment of the final URL's path. */
  filename?: string;
}

/** The largest file read into memory: a CSV, or an import's error file. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends one request without any credential, following at most `maxRedirects` redirects (each target
 * checked against the policy), within the size and time bounds. Any final status is returned; with
 * `okOnly` a status outside 2xx is an error and its body is not read.
 */
export async function keylessRequest(url: string, options: ExternalRequest = {}, okOnly = false): Promise<ExternalResponse> {
  const { method = 'GET', headers = {}, body, maxBytes = MAX_FILE_BYTES, timeoutMs = 60_000, maxRedirects = 0, policy = USER_URL, check } = options;
  const deadline = Date.now() + timeoutMs;
  const next = (text: string) => {
    check?.(text);
    return checkUrl(text, policy);
  };
  let current = next(url);
  for (let hop = 0; ; hop++) {
    const response = await send(current, { method, headers, body }, policy, deadline, timeoutMs);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.resume();
      const location = response.headers.location;
      if (maxRedirects === 0) throw new ExternalHttpError(`${current.host} answered a redirect (${status}), which is not followed here`);
      if (!location) throw new ExternalHttpError(`${current.host} answered a redirect (${status}) without a Location`);
      if (hop >= maxRedirects) throw new ExternalHttpError(`more than ${maxRedirects} redirects`);
      current = next(new URL(location, current).toString());
      continue;
    }
    if (okOnly && (status < 200 || status >= 300)) {
      response.resume();
      throw new ExternalHttpError(`${current.host} answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      throw new ExternalHttpError(`the file is ${declared} bytes, more than the ${maxBytes} bytes allowed`);
    }
    const content = await readAll(response, maxBytes, deadline, timeoutMs);
    const type = String(response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    return {
      status,
      statusMessage: response.statusMessage,
      content,
      get text() {
        return content.toString('utf8');
      },
      contentType: type || undefined,
      filename: filenameOf(response, current),
    };
  }
}

export interface FetchFileOptions {
  /** Refuse a file larger than this. */
  maxBytes: number;
  /** For the whole download, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
}

/** Downloads a file a person or an agent gave by URL (https, public hosts only); a status outside 2xx is an error. */
export const fetchFile = (url: string, { maxBytes, timeoutMs = 20_000, maxRedirects = 5 }: FetchFileOptions) =>
  keylessRequest(url, { maxBytes, timeoutMs, maxRedirects, policy: USER_URL }, true);

function filenameOf(response: IncomingMessage, url: URL): string | undefined {
  const disposition = String(response.headers['content-disposition'] ?? '');
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  let name: string | undefined;
  try {
    name = star ? decodeURIComponent(star[1]!.trim()) : plain?.[1]?.trim();
    name ||= decodeURIComponent(url.pathname.split('/').pop() ?? '');
  } catch {
    name = url.pathname.split('/').pop();
  }
  // A name from a server is text for a header: keep it one line and without path separators.
  const clean = name?.replace(/[\r\n\\/]/g, '').trim();
  return clean || undefined;
}

const tooSlow = (timeoutMs: number) => new ExternalHttpError(`the download took longer than ${Math.round(timeoutMs / 1000)} s`);

function send(url: URL, what: { method: string; headers: Record<string, string>; body?: string }, policy: UrlPolicy, deadline: number, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const body = what.body === undefined ? undefined : Buffer.from(what.body, 'utf8');
    const options: RequestOptions = {
      method: what.method,
      // No credential of any kind: only what a browser would send for a public file, and the headers given.
      headers: {
        accept: '*/*',
        'user-agent': 'sendgrid-connector-file-fetch',
        ...what.headers,
        ...(body ? { 'content-length': String(body.length) } : {}),
      },
      ...(mayBeLocal(url, policy) ? {} : { lookup: safeLookup as RequestOptions['lookup'] }),
      timeout: Math.max(1, deadline - Date.now()),
    };
    const req = (url.protocol === 'http:' ? httpRequest : httpsRequest)(url, options, resolve);
    const timer = setTimeout(() => req.destroy(tooSlow(timeoutMs)), Math.max(1, deadline - Date.now()));
    req.on('response', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(tooSlow(timeoutMs)));
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof ExternalHttpError ? error : new ExternalHttpError(`could not download from ${url.host}: ${error.message}`));
    });
    req.end(body);
  });
}

function readAll(response: IncomingMessage, maxBytes: number, deadline: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => response.destroy(tooSlow(timeoutMs)), Math.max(1, deadline - Date.now()));
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) response.destroy(new ExternalHttpError(`the file is larger than the ${maxBytes} bytes allowed`));
      else chunks.push(chunk);
    });
    response.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    response.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof ExternalHttpError ? error : new ExternalHttpError(`the download broke off: ${error.message}`));
    });
    response.on('close', () => {
      clearTimeout(timer);
      if (!response.complete) reject(new ExternalHttpError('the download broke off before the end'));
    });
  });
}

// ---------- checks with messages for the caller ----------

/**
 * The form of a file URL a user gives, as the pattern its JSON Schema publishes: https, on a host name
 * (not an IP address), with an optional port. checkUserUrl then refuses names of this machine or its network.
 */
export const HTTPS_URL = /^https:\/\/([A-Za-z0-9-]+\.)+[A-Za-z]{2,}(:[1-5]?\d{1,4})?([/?#]\S*)?$/;

/**
 * A URL a user gave for a file, checked before any request: https on a public host (not an address on
 * this machine or its network), or an InputError naming the field. A host name is checked again, by
 * the address it resolves to, when the request connects.
 */
export function checkUserUrl(text: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError([{ field, message: 'is not a valid URL' }]);
  }
  if (url.protocol !== 'https:') throw new InputError([{ field, message: 'must be an https URL' }]);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (PRIVATE_HOST.test(url.hostname) || (isIP(host) && isPrivateAddress(host)))
    throw new InputError([{ field, message: `must be on a public host, not ${url.hostname}` }]);
  if (url.username || url.password) throw new InputError([{ field, message: 'must not contain a user name or password' }]);
  return url;
}

/** Names that only ever mean this machine or its network, refused before any lookup. */
const PRIVATE_HOST = /^(localhost|.*\.localhost|.*\.local|.*\.internal|\[.*\])$/i;

/**
 * A URL SendGrid returned (an upload or download address): https, or plain http only when the API
 * itself is reached over http (a local sandbox).
 */
export function checkReturnedUrl(text: string | undefined, apiBase: string, what: string): string {
  const fail = () => new Error(`SendGrid returned no usable ${what} (${JSON.stringify(text ?? null)}).`);
  if (!text) throw fail();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail();
  }
  const httpAllowed = new URL(apiBase).protocol === 'http:';
  if (url.protocol !== 'https:' && !(httpAllowed && url.protocol === 'http:')) throw fail();
  return url.toString();
}

/** True when the URL is on the API's own origin (then the client, with the key, must fetch it). */
export const onApiOrigin = (url: string, apiBase: string) => {
  try {
    return new URL(url).origin === new URL(apiBase).origin;
  } catch {
    return false;
  }
};
