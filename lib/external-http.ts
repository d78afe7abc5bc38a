// Requests to hosts other than the SendGrid API: the upload URL SendGrid hands out for a CSV import,
// a CSV file the user points to, an import job's error file. They never carry the API key: they do not
// go through the client (whose transports add it, and which refuses other hosts), but through Node's
// fetch with no credentials, so no header of ours can reach another host.
import { InputError } from './errors';

export interface ExternalResponse {
  status: number;
  text: string;
}

export interface ExternalRequest {
  headers?: Record<string, string>;
  body?: string;
  /** Refuse a response body larger than this. */
  maxBytes?: number;
  timeoutMs?: number;
  /** Follow redirects (a shared file link usually redirects); never for an upload. */
  followRedirects?: boolean;
  /** Checks each address a redirect leads to (throws to refuse it), so a public link cannot bounce to a private host. */
  checkRedirect?: (url: string) => void;
}

const MAX_REDIRECTS = 5;

/** The largest file read into memory: a CSV, or an import's error file. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export async function keylessRequest(method: 'GET' | 'PUT', url: string, options: ExternalRequest = {}): Promise<ExternalResponse> {
  const { headers = {}, body, maxBytes = MAX_FILE_BYTES, timeoutMs = 60_000, followRedirects = false, checkRedirect } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let target = url;
  for (let hop = 0; ; hop++) {
    const response = await fetch(target, {
      method,
      headers,
      body,
      // Redirects are followed here, one by one, so that each address can be checked.
      redirect: followRedirects ? 'manual' : 'error',
      credentials: 'omit',
      signal,
    });
    const location = response.headers.get('location');
    if (followRedirects && response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new Error(`${hostOf(url)} redirected more than ${MAX_REDIRECTS} times`);
      target = new URL(location, target).toString();
      checkRedirect?.(target);
      continue;
    }
    return { status: response.status, text: await readLimited(response, maxBytes, target) };
  }
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`The file at ${hostOf(url)} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, more than this connector reads.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return 'that address';
  }
};

const PRIVATE_HOST = /^(localhost|.*\.localhost|.*\.local|.*\.internal|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|169\.254\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|0\.0\.0\.0|\[.*\])$/i;

/**
 * A URL a user gave for a file: https on a public host name (not an address on this machine or its
 * network), or an InputError naming the field.
 */
export function checkUserUrl(text: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError([{ field, message: 'is not a valid URL' }]);
  }
  if (url.protocol !== 'https:') throw new InputError([{ field, message: 'must be an https URL' }]);
  if (PRIVATE_HOST.test(url.hostname)) throw new InputError([{ field, message: `must be on a public host, not ${url.hostname}` }]);
  if (url.username || url.password) throw new InputError([{ field, message: 'must not contain a user name or password' }]);
  return url;
}

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
