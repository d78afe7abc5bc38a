// Downloads a file to attach to an email, from a URL a person or an agent gave (a Zapier file field is
// such a URL). It is plain HTTPS without any credential: the SendGrid key travels only through the API
// client, which refuses every other host. Because the URL comes from outside, the download is bounded
// (size, time, redirects) and never reaches a private, loopback or link-local address, even through a
// redirect or a DNS name that points there.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The download failed; the message says why, in words fit for the person who gave the URL. */
export class FetchFileError extends Error {
  override name = 'FetchFileError';
}

export interface FetchedFile {
  content: Buffer;
  /** The MIME type the server gave, without parameters. */
  contentType?: string;
  /** From Content-Disposition, else the last segment of the final URL's path. */
  filename?: string;
}

export interface FetchFileOptions {
  /** Refuse a file larger than this. */
  maxBytes: number;
  /** For the whole download, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
}

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

/** True for any address a download must not reach: private, loopback, link-local, multicast, reserved. */
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
      const denied = Object.assign(new FetchFileError(`${hostname} resolves to ${refused?.address ?? 'no address'}, a private or local address, which is not downloaded from`), { code: 'EPRIVATE' });
      return callback(denied, []);
    }
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

/** Checks one URL of the chain (the first, or a redirect's target) before connecting to it. */
function checkUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchFileError(`${JSON.stringify(text.slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== 'https:') throw new FetchFileError(`only https:// URLs are downloaded, not ${url.protocol}//`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isPrivateAddress(host)) throw new FetchFileError(`${host} is a private or local address, which is not downloaded from`);
  return url;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

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

/** Downloads `url` (https only), following at most `maxRedirects` redirects, within the size and time bounds. */
export async function fetchFile(url: string, { maxBytes, timeoutMs = 20_000, maxRedirects = 5 }: FetchFileOptions): Promise<FetchedFile> {
  const deadline = Date.now() + timeoutMs;
  let current = checkUrl(url);
  for (let hop = 0; ; hop++) {
    const response = await get(current, deadline, timeoutMs);
    if (REDIRECTS.has(response.statusCode ?? 0)) {
      response.resume();
      const location = response.headers.location;
      if (!location) throw new FetchFileError(`${current.host} answered a redirect (${response.statusCode}) without a Location`);
      if (hop >= maxRedirects) throw new FetchFileError(`more than ${maxRedirects} redirects`);
      current = checkUrl(new URL(location, current).toString());
      continue;
    }
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      response.resume();
      throw new FetchFileError(`${current.host} answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      throw new FetchFileError(`the file is ${declared} bytes, more than the ${maxBytes} bytes allowed`);
    }
    const content = await readAll(response, maxBytes, deadline, timeoutMs);
    const type = String(response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    return { content, contentType: type || undefined, filename: filenameOf(response, current) };
  }
}

const tooSlow = (timeoutMs: number) => new FetchFileError(`the download took longer than ${Math.round(timeoutMs / 1000)} s`);

function get(url: URL, deadline: number, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const options: RequestOptions = {
      method: 'GET',
      // No credential of any kind: only what a browser would send for a public file.
      headers: { accept: '*/*', 'user-agent': 'sendgrid-connector-attachment-fetch' },
      lookup: safeLookup as RequestOptions['lookup'],
      timeout: Math.max(1, deadline - Date.now()),
    };
    const req = request(url, options, resolve);
    const timer = setTimeout(() => req.destroy(tooSlow(timeoutMs)), Math.max(1, deadline - Date.now()));
    req.on('response', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(tooSlow(timeoutMs)));
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof FetchFileError ? error : new FetchFileError(`could not download from ${url.host}: ${error.message}`));
    });
    req.end();
  });
}

function readAll(response: IncomingMessage, maxBytes: number, deadline: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => response.destroy(tooSlow(timeoutMs)), Math.max(1, deadline - Date.now()));
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) response.destroy(new FetchFileError(`the file is larger than the ${maxBytes} bytes allowed`));
      else chunks.push(chunk);
    });
    response.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    response.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof FetchFileError ? error : new FetchFileError(`the download broke off: ${error.message}`));
    });
    response.on('close', () => {
      clearTimeout(timer);
      if (!response.complete) reject(new FetchFileError('the download broke off before the end'));
    });
  });
}
