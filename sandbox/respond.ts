// The shapes sandbox handlers deal in, and SendGrid's error body.
import type { SandboxState } from './state';

export interface SandboxRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The API origin the sandbox is reached at, for `_metadata` links. */
  origin: string;
}

export interface SandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  /** A path with `:name` parameters, such as /v3/marketing/lists/:id. */
  path: string;
  handle(request: SandboxRequest, state: SandboxState): SandboxResponse;
}

export const fail = (status: number, message: string, field: string | null = null): SandboxResponse => ({
  status,
  body: { errors: [{ field, message }] },
});

export const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });
