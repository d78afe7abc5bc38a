// What real accounts and networks do to a client, on demand: keys with fewer scopes, rate limits,
// server errors, broken answers, hangs, resets; and a sandbox that survives any request thrown at it.
import { request } from 'node:http';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { call } from './helpers';

let sandbox: Sandbox;
afterEach(() => sandbox?.close());

describe('keys and scopes', () => {
  it('gives the default key every scope, and GET /v3/scopes says so', async () => {
    sandbox = await startSandbox();
    const { body } = await call(sandbox.url, 'GET', '/v3/scopes');
    expect(body.scopes).toEqual(expect.arrayContaining(['mail.send', 'marketing.read', 'templates.read', 'asm.groups.read', 'suppression.bounces.read', 'stats.read', 'email_activity.read']));
  });

  it("answers 403 with SendGrid's body where a configured key lacks the scope, and lists its scopes truthfully", async () => {
    sandbox = await startSandbox({ keys: { 'SG.reader': ['marketing.read'], 'SG.sender': ['mail.send'] } });
    const reader = { key: 'SG.reader' };
    expect((await call(sandbox.url, 'GET', '/v3/scopes', undefined, reader)).body).toEqual({ scopes: ['marketing.read'] });
    expect((await call(sandbox.url, 'GET', '/v3/marketing/lists', undefined, reader)).status).toBe(200);
    // marketing.read covers writes on the Marketing API too; mail needs its own scope.
    expect((await call(sandbox.url, 'POST', '/v3/marketing/lists', { name: 'X' }, reader)).status).toBe(201);
    const mail = { personalizations: [{ to: [{ email: 'ada@example.com' }] }], from: { email: 'orders@example.com' }, subject: 'Hi', content: [{ type: 'text/plain', value: 'Hi' }] };
    expect(await call(sandbox.url, 'POST', '/v3/mail/send', mail, reader)).toMatchObject({ status: 403, body: { errors: [{ field: null, message: 'access forbidden' }] } });
    expect((await call(sandbox.url, 'GET', '/v3/templates?page_size=10', undefined, reader)).status).toBe(403);
    expect((await call(sandbox.url, 'GET', '/v3/scopes', undefined, { key: 'SG.unknown' })).status).toBe(401);
  });
});

describe('rate limits', () => {
  it('are off by default, with generous headers', async () => {
    sandbox = await startSandbox();
    for (let i = 0; i < 20; i++) expect((await call(sandbox.url, 'GET', '/v3/scopes')).status).toBe(200);
  });

  it('count per endpoint family and answer 429 with X-RateLimit headers when exhausted', async () => {
    sandbox = await startSandbox({ rateLimit: { limit: 100, windowMs: 60_000, families: { 'mail/send': 2 } } });
    const mail = { personalizations: [{ to: [{ email: 'a@example.com' }] }], from: { email: SEED.senderEmail }, subject: 'x', content: [{ type: 'text/plain', value: 'y' }] };
    const first = await call(sandbox.url, 'POST', '/v3/mail/send', mail);
    expect([first.status, first.headers.get('x-ratelimit-limit'), first.headers.get('x-ratelimit-remaining')]).toEqual([202, '2', '1']);
    expect((await call(sandbox.url, 'POST', '/v3/mail/send', mail)).status).toBe(202);
    const limited = await call(sandbox.url, 'POST', '/v3/mail/send', mail);
    expect(limited).toMatchObject({ status: 429, body: { errors: [{ message: 'too many requests' }] } });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    // Another family has its own budget.
    expect((await call(sandbox.url, 'GET', '/v3/marketing/lists')).headers.get('x-ratelimit-limit')).toBe('100');
  });
});

describe('faults', () => {
  beforeEach(async () => (sandbox = await startSandbox({ hangMs: 5_000 })));

  it.each([500, 502, 503, 504] as const)('answers the next request of a route with %i, then recovers', async (status) => {
    sandbox.faults.next('GET /v3/marketing/lists', status, 2);
    expect((await call(sandbox.url, 'GET', '/v3/marketing/lists')).status).toBe(status);
    expect((await call(sandbox.url, 'GET', '/v3/scopes')).status).toBe(200);
    expect((await call(sandbox.url, 'GET', '/v3/marketing/lists')).status).toBe(status);
    expect((await call(sandbox.url, 'GET', '/v3/marketing/lists')).status).toBe(200);
  });

  it('matches a route template too, and serves an HTML error page or malformed JSON', async () => {
    sandbox.faults.next('GET /v3/marketing/lists/:id', 'html').next('GET /v3/scopes', 'malformed');
    const html = await call(sandbox.url, 'GET', `/v3/marketing/lists/${SEED.listId}`);
    expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html']);
    const malformed = await call(sandbox.url, 'GET', '/v3/scopes');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
  });

  it('resets the connection, or hangs past the client timeout', async () => {
    sandbox.faults.next('*', 'reset');
    await expect(fetch(`${sandbox.url}/v3/scopes`, { headers: { authorization: 'Bearer x' } })).rejects.toThrow();
    sandbox.faults.next('*', 'hang');
    await expect(fetch(`${sandbox.url}/v3/scopes`, { headers: { authorization: 'Bearer x' }, signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout|abort/i);
  });

  it('fails a share of all requests', async () => {
    let n = 0;
    sandbox.faults.all(0.5, 503, () => (n++ % 2 === 0 ? 0 : 0.9));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(sandbox.url, 'GET', '/v3/scopes')).status);
    expect(statuses).toEqual([503, 200, 503, 200]);
    sandbox.faults.clear();
    expect((await call(sandbox.url, 'GET', '/v3/scopes')).status).toBe(200);
  });

  it('takes faults from another process through POST /_sandbox/faults', async () => {
    expect((await call(sandbox.url, 'POST', '/_sandbox/faults', { route: 'GET /v3/scopes', kind: 503, count: 1 })).status).toBe(204);
    expect((await call(sandbox.url, 'GET', '/v3/scopes')).status).toBe(503);
  });
});

/** A raw HTTP exchange, for requests fetch would not send. */
const rawRequest = (url: string, method: string, path: string, body: Buffer | string, headers: Record<string, string> = {}) =>
  new Promise<number>((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, method, path, headers: { authorization: 'Bearer SG.x', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('robustness', () => {
  it('answers 1,000 malformed requests with 400s in SendGrid\'s shape (or 500s), and keeps serving', async () => {
    sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false, maxBodyBytes: 1024 * 1024 });
    const routes = ['POST /v3/mail/send', 'PUT /v3/marketing/contacts', 'POST /v3/marketing/lists', 'POST /v3/marketing/contacts/search', 'POST /v3/marketing/segments/2.0', 'POST /v3/templates', 'POST /v3/asm/groups', 'POST /v3/contactdb/recipients', 'PATCH /v3/marketing/lists/' + SEED.listId, 'PUT /v3/marketing/singlesends/' + SEED.singleSendId + '/schedule', 'POST /v3/user/webhooks/event/settings', 'POST /v3/validations/email', 'DELETE /v3/contactdb/recipients', 'POST /v3/contactdb/recipients/search', 'POST /v3/user/scheduled_sends', 'PATCH /v3/user/webhooks/event/settings/signed/' + SEED.webhookId];
    const bodies: string[] = [
      '{"personalizations":[null]}',
      'not json at all',
      '[]',
      '[1,2,3]',
      'null',
      '"a string"',
      '{"contacts":[null, 1, "x"]}',
      '{"personalizations":[{"to":[{"email":{"nested":true}}]}],"from":[],"content":{}}',
      '{"query":42}',
      '{"name":{"a":1},"query_dsl":["x"],"send_at":{}}',
      '{"personalizations":"x","from":{"email":null},"send_at":"tomorrow","batch_id":[]}',
      '{"recipient_emails":[null]}',
      '{"list_id":"x","conditions":[null]}',
      '{"url":123,"enabled":"yes"}',
      '{' + '"a":'.repeat(1) + '"' + 'x'.repeat(2000) + '"}',
      '\u0000\u0001\u0002',
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
    ];
    let served = 0;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const [method, path] = routes[i % routes.length]!.split(' ');
      const body = bodies[i % bodies.length]!;
      const response = await call(sandbox.url, method!, path!, undefined, { raw: body });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 400) {
        expect(response.body).toEqual({ errors: expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]) });
        expect(response.status === 400 || response.status === 404 || response.status === 500).toBe(true);
      }
      served++;
    }
    expect(served).toBe(1000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A body over the limit is refused with 413, not read into memory.
    expect(await rawRequest(sandbox.url, 'POST', '/v3/mail/send', Buffer.alloc(2 * 1024 * 1024, 'a'), { 'content-type': 'application/json' })).toBe(413);
    // Still serving, and no handler threw on any of these bodies.
    expect((await call(sandbox.url, 'GET', '/v3/scopes')).status).toBe(200);
    expect(sandbox.errors.map((e) => e.message)).toEqual([]);
    expect([...statuses.keys()].every((s) => s < 300 || s === 400 || s === 404 || s === 413)).toBe(true);
  }, 60_000);
});
