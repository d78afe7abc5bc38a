import type { ContractCase } from '../case';

export default [
  { name: 'GET /v3/scopes', input: { method: 'GET', path: '/v3/scopes' } },
  {
    name: 'POST /v3/marketing/lists with a JSON text body',
    input: { method: 'POST', path: '/v3/marketing/lists', body: '{"name": "Webinar Attendees"}' },
  },
  {
    name: 'GET /v3/marketing/lists with a page_size query',
    input: { method: 'GET', path: '/v3/marketing/lists', query: { page_size: '50' } },
  },
] satisfies ContractCase[];
