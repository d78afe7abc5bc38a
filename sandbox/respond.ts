// The shapes sandbox handlers deal in, SendGrid's error body, and checks that refuse bad input the way
// SendGrid does. A handler may throw a `Refusal`; the server turns it into the answer it carries.
import type { Sandbox } from './server';

export interface SandboxRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON, or undefined when the request had no body. */
  body: unknown;
  /** The raw body, for uploads that are not JSON. */
  raw: Buffer;
  headers: Record<string, string | string[] | undefined>;
  /** The API origin the sandbox is reached at, for `_metadata` links and download URLs. */
  origin: string;
  /** The scopes of the key that made the request. */
  scopes: readonly string[];
}

export interface SandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is, instead of JSON (exports, error pages). */
  text?: string;
}

export type Handler = (request: SandboxRequest, sandbox: Sandbox) => SandboxResponse;

export interface Route {
  method: string;
  /** A path with `:name` parameters, such as /v3/marketing/lists/:id. */
  path: string;
  handle: Handler;
}

export type Json = Record<string, unknown>;

export const fail = (status: number, message: string, field: string | null = null): SandboxResponse => ({
  status,
  body: { errors: [{ field, message }] },
});

export const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });
export const noContent = (): SandboxResponse => ({ status: 204 });

/** An answer other than success, thrown from deep inside a handler. */
export class Refusal extends Error {
  constructor(readonly response: SandboxResponse) {
    super(JSON.stringify(response.body ?? response.status));
  }
}

export const refuse = (status: number, message: string, field: string | null = null): never => {
  throw new Refusal(fail(status, message, field));
};
export const bad = (message: string, field: string | null = null): never => refuse(400, message, field);
export const notFound = (message = 'resource not found', field: string | null = null): never => refuse(404, message, field);

// Reading a body of unknown shape without ever throwing a TypeError.

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as an object, or SendGrid's 400 when it is anything else. */
export function objectBody(body: unknown, what = 'request body'): Json {
  if (!isObject(body)) bad(`The ${what} must be a JSON object.`);
  return body as Json;
}

export function arrayBody(body: unknown, what = 'request body'): unknown[] {
  if (!Array.isArray(body)) bad(`The ${what} must be a JSON array.`);
  return body as unknown[];
}

const EMAIL = /^[^\s@<>(),;:"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
export const isEmail = (value: unknown): value is string => typeof value === 'string' && value.length <= 254 && EMAIL.test(value);

interface TextRule {
  required?: boolean;
  min?: number;
  max?: number;
}

/** A string field: absent (undefined) unless required, else a string within its bounds. */
export function text(from: Json, field: string, { required = false, min = 0, max = Infinity }: TextRule = {}, path = field): string | undefined {
  const value = from[field];
  if (value === undefined || value === null) {
    if (required) bad(`${path} is required`, path);
    return undefined;
  }
  if (typeof value !== 'string') return bad(`${path} must be a string`, path);
  if (value.length < Math.max(min, required ? 1 : 0)) bad(`${path} is required and must not be empty`, path);
  if (value.length > max) bad(`${path} must be at most ${max} characters`, path);
  return value;
}

export function integer(from: Json, field: string, { required = false, min = -Infinity, max = Infinity } = {}, path = field): number | undefined {
  const value = from[field];
  if (value === undefined || value === null) {
    if (required) bad(`${path} is required`, path);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) return bad(`${path} must be an integer`, path);
  if (value < min || value > max) bad(`${path} must be between ${min} and ${max}`, path);
  return value;
}

export function boolean(from: Json, field: string, path = field): boolean | undefined {
  const value = from[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') return bad(`${path} must be a boolean`, path);
  return value;
}

export function strings(from: Json, field: string, { required = false, max = Infinity, each }: { required?: boolean; max?: number; each?: (s: string, path: string) => void } = {}, path = field): string[] | undefined {
  const value = from[field];
  if (value === undefined || value === null) {
    if (required) bad(`${path} is required`, path);
    return undefined;
  }
  if (!Array.isArray(value)) return bad(`${path} must be an array of strings`, path);
  if (value.length > max) bad(`${path} must have at most ${max} items`, path);
  value.forEach((item, i) => {
    if (typeof item !== 'string') bad(`${path}[${i}] must be a string`, `${path}[${i}]`);
    each?.(item as string, `${path}[${i}]`);
  });
  return value as string[];
}

/** A query parameter as an integer within bounds, or the default. */
export function queryInt(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) bad(`${name} must be an integer between ${min} and ${max}`, name);
  return value;
}
