import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

/**
 * Headers the connection owns (setting them would bypass or leak the key) and hop-by-hop headers,
 * which describe one connection and would let a caller smuggle or stall a request.
 */
const RESERVED_HEADERS = ['authorization', 'host', 'content-length', 'cookie', 'transfer-encoding', 'connection', 'keep-alive', 'expect', 'te', 'trailer', 'upgrade'];
const isReserved = (name: string) => RESERVED_HEADERS.includes(name.toLowerCase()) || name.toLowerCase().startsWith('proxy-');

const isJsonText = (value: unknown) => {
  if (typeof value !== 'string') return true;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
};

export default defineOperation({
  key: 'api_request',
  noun: 'Request',
  label: 'API Request (Advanced)',
  description:
    'Sends an authenticated request to any SendGrid v3 endpoint. It can change or delete anything the key allows; POST /v3/mail/send sends email.',
  access: 'destructive',
  tags: ['advanced'],
  scopes: [],
  input: z.strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: zapier(
      z.string().check(
        z.regex(/^(\/(?!\/)|https:\/\/)/, 'must start with "/" (such as /v3/scopes) or be a full https URL on the SendGrid API host'),
        z.describe('Such as /v3/marketing/lists; full URLs only on the SendGrid API host.'),
      ),
      { label: 'Path', placeholder: '/v3/marketing/lists' },
    ),
    query: z.optional(z.record(z.string(), z.string())),
    headers: z.optional(
      z.record(z.string(), z.string()).check(
        z.refine(
          (headers) => !Object.keys(headers).some(isReserved),
          `cannot set ${RESERVED_HEADERS.join(', ')} or Proxy-*: the connection provides them`,
        ),
        z.describe('Authorization comes from the connection.'),
      ),
    ),
    body: zapier(
      z.optional(
        z.unknown().check(
          // Says that a text body is JSON (contentMediaType applies to strings only).
          z.meta({ contentMediaType: 'application/json' }),
          z.refine(isJsonText, 'must be valid JSON'),
          z.describe('An object or JSON text.'),
        ),
      ),
      { type: 'code', label: 'Body (JSON)' },
    ),
  }),
  sample: {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '599' },
    body: { scopes: ['mail.send', 'marketing.read'] },
  },
  async perform(api, { method, path, query, headers, body }) {
    const json = typeof body === 'string' ? JSON.parse(body) : body;
    const response = await api.request(method, path, { query, headers, body: json });
    return { status: response.status, headers: response.headers, body: response.body ?? null };
  },
  summary: (response, { method, path }) => `${method} ${path} answered ${response.status}.`,
});
