// The embedded sandbox answers like SendGrid for what the operations use, and remembers what it was sent.
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.close());

const call = async (method: string, path: string, body?: unknown, auth = 'Bearer SG.any') => {
  const response = await fetch(sandbox.url + path, {
    method,
    headers: { ...(auth ? { authorization: auth } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
};

describe('sandbox', () => {
  it('requires a bearer key, as SendGrid does', async () => {
    expect(await call('GET', '/v3/scopes', undefined, '')).toMatchObject({ status: 401, body: { errors: [{ message: 'authorization required' }] } });
  });

  it('accepts a valid mail with 202 and a message id, and keeps it', async () => {
    const mail = { personalizations: [{ to: [{ email: 'ada@example.com' }] }], from: { email: 'shop@example.com' }, subject: 'Hi', content: [{ type: 'text/plain', value: 'Hello' }] };
    const response = await call('POST', '/v3/mail/send', mail);
    expect(response.status).toBe(202);
    const id = response.headers.get('x-message-id');
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('599');
    expect(sandbox.state.mail.at(-1)).toMatchObject({ message_id: id, request: mail });
  });

  it('refuses a mail without a sender or content with SendGrid-style field errors', async () => {
    const noFrom = await call('POST', '/v3/mail/send', { personalizations: [{ to: [{ email: 'a@example.com' }] }], subject: 'x', content: [{ type: 'text/plain', value: 'y' }] });
    expect(noFrom).toMatchObject({ status: 400, body: { errors: [{ field: 'from' }] } });
    const noContent = await call('POST', '/v3/mail/send', { personalizations: [{ to: [{ email: 'a@example.com' }] }], from: { email: 'b@example.com' }, subject: 'x' });
    expect(noContent).toMatchObject({ status: 400, body: { errors: [{ field: 'content' }] } });
  });

  it('does not queue a mail in sandbox mode', async () => {
    const before = sandbox.state.mail.length;
    const mail = { personalizations: [{ to: [{ email: 'a@example.com' }] }], from: { email: 'b@example.com' }, template_id: 'd-1', mail_settings: { sandbox_mode: { enable: true } } };
    expect((await call('POST', '/v3/mail/send', mail)).status).toBe(200);
    expect(sandbox.state.mail.length).toBe(before);
  });

  it('creates lists and pages through them with page tokens', async () => {
    for (const name of ['A', 'B', 'C']) expect((await call('POST', '/v3/marketing/lists', { name })).status).toBe(201);
    const first = await call('GET', '/v3/marketing/lists?page_size=2');
    expect(first.body.result).toHaveLength(2);
    const next = new URL(first.body._metadata.next);
    const second = await call('GET', `/v3/marketing/lists${next.search}`);
    expect([...first.body.result, ...second.body.result].map((l: { name: string }) => l.name)).toEqual(['Newsletter Subscribers', 'A', 'B', 'C']);
    expect(second.body._metadata.next).toBeUndefined();
  });

  it('answers unknown paths with 404 in SendGrid\'s error shape', async () => {
    expect(await call('GET', '/v3/nothing-here')).toMatchObject({ status: 404, body: { errors: [{ message: 'resource not found' }] } });
  });
});
