import { randomUUID } from 'node:crypto';
import { fail, ok, type Route } from './respond';

export const listRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v3/marketing/lists',
    handle({ query, origin }, state) {
      const size = Number(query.get('page_size') ?? 100);
      if (!Number.isInteger(size) || size < 1 || size > 1000) return fail(400, 'page_size must be between 1 and 1000', 'page_size');
      // The token is an offset here; SendGrid's is opaque, and clients only pass it back.
      const start = Number(query.get('page_token') ?? 0) || 0;
      const result = state.lists.slice(start, start + size);
      const next = start + size < state.lists.length ? `${origin}/v3/marketing/lists?page_size=${size}&page_token=${start + size}` : undefined;
      return ok({ result, _metadata: { self: `${origin}/v3/marketing/lists?page_size=${size}`, ...(next ? { next } : {}), count: state.lists.length } });
    },
  },
  {
    method: 'POST',
    path: '/v3/marketing/lists',
    handle({ body, origin }, state) {
      const name = (body as { name?: unknown })?.name;
      if (typeof name !== 'string' || name.length < 1 || name.length > 100) return fail(400, 'name is required and must be 1 to 100 characters', 'name');
      const list = { id: randomUUID(), name, contact_count: 0 };
      state.lists.push(list);
      return ok({ ...list, _metadata: { self: `${origin}/v3/marketing/lists/${list.id}` } }, 201);
    },
  },
];
