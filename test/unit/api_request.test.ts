import { countRequests, KEY, mcpClient, sendgrid, textOf, zapier } from './helpers';

describe('api_request', () => {
  it('sends an authenticated request and returns status, headers and parsed body', async () => {
    let body: unknown;
    sendgrid()
      .post('/v3/marketing/lists', (b) => ((body = b), true))
      .query({ dry: 'no' })
      .matchHeader('x-custom', 'yes')
      .reply(201, { id: 'abc', name: 'VIP' }, { 'X-RateLimit-Remaining': '99' });
    const result = await zapier('creates', 'api_request', {
      method: 'POST',
      path: '/v3/marketing/lists',
      query: { dry: 'no' },
      headers: { 'X-Custom': 'yes' },
      body: '{"name": "VIP"}', // JSON text, as typed in Zapier
    });
    expect(body).toEqual({ name: 'VIP' });
    expect(result).toMatchObject({ status: 201, body: { id: 'abc', name: 'VIP' }, headers: { 'x-ratelimit-remaining': '99' } });
  });

  it('accepts a full URL on the API host, and an object body from an agent', async () => {
    sendgrid().patch('/v3/marketing/lists/abc', { name: 'VIPs' }).reply(200, { id: 'abc', name: 'VIPs' });
    const mcp = await mcpClient();
    const result = await mcp.call('api_request', { method: 'PATCH', path: 'https://api.sendgrid.com/v3/marketing/lists/abc', body: { name: 'VIPs' } });
    await mcp.close();
    expect(result.structuredContent).toMatchObject({ status: 200, body: { name: 'VIPs' } });
    expect(textOf(result)).toMatch(/^PATCH https:\/\/api.sendgrid.com\/v3\/marketing\/lists\/abc answered 200\./);
  });

  it('fails the step on an error status, with SendGrid\'s message', async () => {
    sendgrid().get('/v3/marketing/lists/nope').reply(404, { errors: [{ message: 'list not found' }] });
    await expect(zapier('creates', 'api_request', { method: 'GET', path: '/v3/marketing/lists/nope' })).rejects.toThrow(/found nothing.*list not found/);
  });

  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['another host', { method: 'GET', path: 'https://evil.example/v3/scopes' }, /refusing to send the API key to https:\/\/evil.example/],
    ['a protocol-relative URL', { method: 'GET', path: '//evil.example/v3/scopes' }, /path: must start with/],
    ['plain http to the API host', { method: 'GET', path: 'http://api.sendgrid.com/v3/scopes' }, /path: must start with/],
    ['an Authorization header', { method: 'GET', path: '/v3/scopes', headers: { Authorization: 'Bearer other' } }, /headers: cannot set authorization/],
    ['a body that is not JSON', { method: 'POST', path: '/v3/marketing/lists', body: '{name: VIP' }, /body: must be valid JSON/],
    ['an unknown method', { method: 'TRACE', path: '/v3/scopes' }, /method: /],
  ];

  it.each(refused)('refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    const error = (await zapier('creates', 'api_request', input).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(KEY);
    expect(count()).toBe(0);
  });
});
