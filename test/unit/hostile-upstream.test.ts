// What each face tells a user when "SendGrid" misbehaves: redirects, pages that are not its API,
// answers that trickle, hang or never end, keys echoed back, absurd rate-limit headers.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { apiFor } from '../../lib/zapier';
import { appTester, authData, KEY, mcpClient, textOf, zapier } from './helpers';
import { json, startUpstream, type Upstream } from './upstream';

jest.setTimeout(20_000);

const mail = { to: ['ada@example.com'], from_email: 'orders@example.com', subject: 'Hi', text: 'Hello' };

type Outcome = { ok: true; result: unknown } | { ok: false; message: string; error?: Error & { doNotContextify?: boolean } };

/** A step on each face, run against the upstream, as the user would see it. */
const faces: [string, (upstream: Upstream, kind: 'creates' | 'triggers', key: string, input: Record<string, unknown>) => Promise<Outcome>][] = [
  [
    'Zapier',
    async (upstream, kind, key, input) => {
      process.env.SENDGRID_API_BASE_URL = upstream.url;
      try {
        return { ok: true, result: await zapier(kind, key, input, { page: 0 }) };
      } catch (error) {
        return { ok: false, message: (error as Error).message, error: error as Error };
      } finally {
        delete process.env.SENDGRID_API_BASE_URL;
      }
    },
  ],
  [
    'MCP',
    async (upstream, _kind, key, input) => {
      const mcp = await mcpClient(upstream.url);
      try {
        const result = await mcp.call(key, input);
        return result.isError ? { ok: false, message: textOf(result) + JSON.stringify(result.structuredContent ?? {}) } : { ok: true, result: result.structuredContent };
      } finally {
        await mcp.close();
      }
    },
  ],
];

let upstreams: Upstream[] = [];
const upstream = async (handle: Parameters<typeof startUpstream>[0]) => {
  const started = await startUpstream(handle);
  upstreams.push(started);
  return started;
};
afterEach(async () => {
  await Promise.all(upstreams.map((u) => u.close()));
  upstreams = [];
});

describe.each(faces)('%s face', (_face, run) => {
  it.each([301, 307, 308])('reports a %s redirect on a mail send and never follows it (no body or key goes elsewhere)', async (status) => {
    const elsewhere = await upstream((_req, res) => res.writeHead(202).end());
    const api = await upstream((_req, res) => res.writeHead(status, { location: `${elsewhere.url}/v3/mail/send` }).end());
    const outcome = await run(api, 'creates', 'send_email', mail);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/with a redirect .*not followed/) });
    expect(api.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('reports a 304 on a read instead of an empty list', async () => {
    const api = await upstream((_req, res) => res.writeHead(304).end());
    expect(await run(api, 'triggers', 'list_lists', {})).toMatchObject({ ok: false, message: expect.stringMatching(/redirect \(304/) });
  });

  it.each([
    ['an HTML page', 'text/html', '<!DOCTYPE html><html><body>Sign in to the Wi-Fi</body></html>', /an HTML page/],
    ['broken JSON', 'application/json', '{"result": [', /text that is not JSON/],
    ['an empty body', 'application/json', '', /an empty answer/],
  ])('refuses a 200 with %s on a read: never "found 0 lists"', async (_what, type, body, detail) => {
    const api = await upstream((_req, res) => res.writeHead(200, { 'content-type': type }).end(body));
    const outcome = await run(api, 'triggers', 'list_lists', {});
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/something that is not its API/) });
    expect((outcome as { message: string }).message).toMatch(detail);
  });

  it('refuses a 200 HTML page on a mail send, saying it may or may not have taken effect', async () => {
    const api = await upstream((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy</html>'));
    expect(await run(api, 'creates', 'send_email', mail)).toMatchObject({ ok: false, message: expect.stringMatching(/not its API.*may or may not have taken effect/) });
  });

  it('still takes the real mail-send 202 with an empty body as success', async () => {
    const api = await upstream((_req, res) => res.writeHead(202, { 'x-message-id': 'abc123' }).end());
    expect(await run(api, 'creates', 'send_email', mail)).toMatchObject({ ok: true, result: { message_id: 'abc123' } });
  });

  it('never shows the key that an upstream echoes in errors[].field and message', async () => {
    const api = await upstream((req, res) => json(res, 400, { errors: [{ field: req.headers.authorization, message: `bad ${req.headers.authorization}` }] }));
    const outcome = await run(api, 'creates', 'create_list', { name: 'Echo' });
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain(KEY);
    expect((outcome as { message: string }).message).toContain('[redacted]');
  });

  it('never shows the key on a 401 whose body echoes it', async () => {
    const api = await upstream((req, res) => json(res, 401, { errors: [{ message: `key ${req.headers.authorization} refused` }], echo: req.headers.authorization }));
    const outcome = await run(api, 'triggers', 'list_lists', {});
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/did not accept the API key/) });
    expect(JSON.stringify(outcome)).not.toContain(KEY);
    expect((outcome as { message: string }).message).not.toMatch(/What happened/);
  });

  it('never returns the key from api_request when the upstream echoes it in headers and body', async () => {
    const api = await upstream((req, res) => json(res, 200, { you_sent: req.headers.authorization, [String(req.headers.authorization)]: 1 }, { 'x-echo': String(req.headers.authorization) }));
    const outcome = await run(api, 'creates', 'api_request', { method: 'GET', path: '/v3/scopes' });
    expect(outcome.ok).toBe(true);
    expect(JSON.stringify(outcome)).not.toContain(KEY);
    expect(JSON.stringify(outcome)).toContain('Bearer [redacted]');
  });

  it('caps what it reads: a 40 MB answer is an error, not a 40 MB result', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const api = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"result":["');
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.end('"]}');
    });
    expect(await run(api, 'triggers', 'list_lists', {})).toMatchObject({ ok: false, message: expect.stringMatching(/larger than the 32 MB/) });
  });

  it.each([
    ['a reset far in the future', () => '99999999999999'],
    ['a reset in milliseconds', () => String(Date.now() + 30_000)],
  ])('clamps %s into a sensible retry time', async (_what, reset) => {
    const api = await upstream((_req, res) => json(res, 429, { errors: [{ message: 'too many requests' }] }, { 'x-ratelimit-reset': reset() }));
    const outcome = await run(api, 'creates', 'create_list', { name: 'Busy' });
    expect(outcome).toMatchObject({ ok: false });
    const message = (outcome as { message: string }).message;
    expect(message).not.toMatch(/Invalid time|RangeError/);
    const seconds = Number(/Try again in (\d+) s/.exec(message)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(3600);
    if (_face === 'Zapier') expect(JSON.parse(message).delay).toBeLessThanOrEqual(3600);
  });

  it.each([
    ['a header value with a line break', { 'x-note': 'a\r\nInjected: yes' }, /headers\.x-note: contains a line break/],
    ['a header name with a space', { 'x bad': '1' }, /headers\.x bad: is not a valid header name/],
    ['a hop-by-hop header', { 'Transfer-Encoding': 'chunked' }, /cannot set .*transfer-encoding/],
    ['a proxy header', { 'Proxy-Authorization': 'Basic x' }, /Proxy-\*/],
  ])('refuses %s before sending anything, and says nothing was sent', async (_what, headers, message) => {
    const api = await upstream((_req, res) => json(res, 200, {}));
    const outcome = await run(api, 'creates', 'api_request', { method: 'GET', path: '/v3/scopes', headers });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    expect((outcome as { message: string }).message).toMatch(/Nothing was sent/);
    expect(api.requests).toHaveLength(0);
  });

  it('refuses unknown arguments, naming them and the accepted ones, before any request', async () => {
    const api = await upstream((_req, res) => res.writeHead(202).end());
    const outcome = await run(api, 'creates', 'send_email', { ...mail, BCC: 'boss@example.com', template_data: '{"a":1}' });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/BCC: is not a known field \(accepted fields: to, from_email, .*bcc/) });
    expect((outcome as { message: string }).message).toMatch(/template_data: is not a known field/);
    expect(api.requests).toHaveLength(0);
  });
});

describe('writes that may have taken effect are never replayed', () => {
  it.each([
    ['a 500', (res: import('node:http').ServerResponse) => json(res, 500, { errors: [{ message: 'internal' }] })],
    ['a dropped connection', (res: import('node:http').ServerResponse) => res.socket?.destroy()],
  ])('on Zapier, a mail send that meets %s halts the step (so Autoreplay cannot send it twice)', async (_what, answer) => {
    const api = await upstream((_req, res) => answer(res));
    const [, run] = faces[0]!;
    const outcome = await run(api, 'creates', 'send_email', mail);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/may or may not have been sent/) });
    expect((outcome as { error: Error }).error.name).toBe('HaltedError');
    expect(api.requests).toHaveLength(1);
  });

  it('on Zapier, a read that meets a 500 is an ordinary error, retried and then reported', async () => {
    const api = await upstream((_req, res) => json(res, 500, { errors: [{ message: 'internal' }] }));
    const [, run] = faces[0]!;
    const outcome = await run(api, 'triggers', 'list_lists', {});
    expect((outcome as { error: Error }).error.name).not.toBe('HaltedError');
    expect(api.requests).toHaveLength(3);
  });
});

describe('one deadline per call, retries included', () => {
  /** Headers at once, then one byte every 200 ms, for ever. */
  const trickle = () =>
    upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(timer));
    });
  const hang = () => upstream(() => undefined);

  it.each([
    ['trickles', trickle],
    ['never answers', hang],
  ])('on MCP, a mail send to an upstream that %s ends at the deadline, saying it may have been sent', async (_what, start) => {
    const api = await start();
    const mcp = await mcpClient(api.url, { deadlineMs: 1500 });
    const began = Date.now();
    const result = await mcp.call('send_email', mail);
    await mcp.close();
    expect(Date.now() - began).toBeLessThan(4000);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/did not answer POST \/v3\/mail\/send in time .*may or may not have been sent/);
    expect(api.requests).toHaveLength(1);
  });

  it('on MCP, a read that never answers is retried only within the deadline', async () => {
    const api = await hang();
    const mcp = await mcpClient(api.url, { deadlineMs: 1500 });
    const began = Date.now();
    const result = await mcp.call('list_lists', {});
    await mcp.close();
    expect(Date.now() - began).toBeLessThan(4000);
    expect(textOf(result)).toMatch(/did not answer GET \/v3\/marketing\/lists in time/);
  });

  it.each([
    ['trickles', trickle],
    ['never answers', hang],
  ])('on Zapier, the transport stops at the deadline when the upstream %s', async (_what, start) => {
    const api = await start();
    process.env.SENDGRID_API_BASE_URL = api.url;
    const began = Date.now();
    const send = (z: ZObject, bundle: Bundle) => apiFor(z, bundle, ['mail.send'], undefined, 1500).post('/v3/mail/send', { body: {} });
    await expect(appTester(send as never, { authData } as never)).rejects.toThrow(/did not answer POST \/v3\/mail\/send in time/);
    delete process.env.SENDGRID_API_BASE_URL;
    expect(Date.now() - began).toBeLessThan(4000);
  });
});

describe('cancellation', () => {
  it('a cancelled send during a rate-limit wait is never sent', async () => {
    const api = await upstream((_req, res) => json(res, 429, { errors: [{ message: 'slow down' }] }, { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 2) }));
    const mcp = await mcpClient(api.url, { retry429: 2 });
    const controller = new AbortController();
    const call = mcp.client.callTool({ name: 'send_email', arguments: mail }, undefined, { signal: controller.signal });
    await new Promise((done) => setTimeout(done, 300));
    controller.abort();
    await expect(call).rejects.toThrow();
    // Past the reset: a retry, had one been made, would have arrived by now.
    await new Promise((done) => setTimeout(done, 3000));
    await mcp.close();
    expect(api.requests).toHaveLength(1);
  });
});
