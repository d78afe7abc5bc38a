import { fail, ok, type Route } from './respond';

export const accountRoutes: Route[] = [
  { method: 'GET', path: '/v3/scopes', handle: (_request, state) => ok({ scopes: state.scopes }) },
  { method: 'GET', path: '/v3/user/username', handle: () => ok({ username: 'sandbox', user_id: 1 }) },
  { method: 'GET', path: '/v3/asm/groups', handle: (_request, state) => ok(state.unsubscribeGroups) },
  {
    method: 'GET',
    path: '/v3/templates',
    handle({ query, origin }, state) {
      const size = Number(query.get('page_size'));
      if (!Number.isInteger(size) || size < 1 || size > 200) return fail(400, 'page_size is required and must be between 1 and 200', 'page_size');
      const generations = (query.get('generations') ?? 'legacy').split(',');
      const result = state.templates.filter((t) => generations.includes(t.generation)).slice(0, size);
      return ok({ result, _metadata: { self: `${origin}/v3/templates`, count: result.length } });
    },
  },
];
