// Plain HTTP calls to a sandbox (or to Prism in front of it), with the answer parsed when it is JSON.
export const KEY = 'SG.sandbox-tests';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export async function call(base: string, method: string, path: string, body?: unknown, { key = KEY, raw }: { key?: string | null; raw?: string } = {}): Promise<Answer> {
  const response = await fetch(base + path, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
