// The sandbox answers like SendGrid for the basics: keys, mail send and its checks, page tokens, and
// a distinct answer for what it does not emulate.
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { call } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false })));
afterAll(() => sandbox.close());

const api = (method: string, path: string, body?: unknown, key?: string | null) => call(sandbox.url, method, path, body, { key });
const mail = (extra: Record<string, unknown> = {}) => ({
  personalizations: [{ to: [{ email: 'ada@example.com' }] }],
  from: { email: SEED.senderEmail },
  subject: 'Hi',
  content: [{ type: 'text/plain', value: 'Hello' }],
  ...extra,
});

describe('keys', () => {
  it('requires a bearer key, as SendGrid does', async () => {
    expect(await api('GET', '/v3/scopes', undefined, null)).toMatchObject({ status: 401, body: { errors: [{ message: 'authorization required' }] } });
  });
});

describe('mail send', () => {
  it('accepts a valid mail with 202 and a message id, and keeps it', async () => {
    const response = await api('POST', '/v3/mail/send', mail());
    expect(response.status).toBe(202);
    const id = response.headers.get('x-message-id');
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('599');
    expect(sandbox.state.mail.at(-1)).toMatchObject({ message_id: id, request: mail(), status: 'sent' });
  });

  it.each([
    ['no from', { from: undefined }, 'from'],
    ['no content and no template', { content: undefined }, 'content'],
    ['no subject', { subject: undefined }, 'subject'],
    ['a bad recipient', { personalizations: [{ to: [{ email: 'not-an-address' }] }] }, 'personalizations.0.to.0.email'],
    ['a null personalization', { personalizations: [null] }, 'personalizations.0'],
    ['1,001 personalizations', { personalizations: Array.from({ length: 1001 }, (_, i) => ({ to: [{ email: `r${i}@example.com` }] })) }, 'personalizations'],
    ['a duplicate between to and cc', { personalizations: [{ to: [{ email: 'a@example.com' }], cc: [{ email: 'a@example.com' }] }] }, 'personalizations.0.cc'],
    ['send_at beyond 72 hours', { send_at: Math.floor(Date.now() / 1000) + 73 * 3600 }, 'send_at'],
    ['an unknown batch id', { batch_id: 'NoSuchBatch' }, 'batch_id'],
    ['an unknown template', { template_id: 'd-00000000000000000000000000000000' }, 'template_id'],
    ['html before plain text', { content: [{ type: 'text/html', value: '<p>x</p>' }, { type: 'text/plain', value: 'x' }] }, 'content'],
    ['11 categories', { categories: Array.from({ length: 11 }, (_, i) => `c${i}`) }, 'categories'],
  ])('refuses a mail with %s, naming the field', async (_name, change, field) => {
    const response = await api('POST', '/v3/mail/send', JSON.parse(JSON.stringify(mail(change))));
    expect(response).toMatchObject({ status: 400, body: { errors: [{ field }] } });
    expect(typeof response.body.errors[0].message).toBe('string');
  });

  it('refuses a sender that is not verified with 403', async () => {
    expect(await api('POST', '/v3/mail/send', mail({ from: { email: 'stranger@example.net' } }))).toMatchObject({ status: 403, body: { errors: [{ field: 'from' }] } });
  });

  it('accepts a template in place of subject and content', async () => {
    expect((await api('POST', '/v3/mail/send', mail({ subject: undefined, content: undefined, template_id: SEED.dynamicTemplateId }))).status).toBe(202);
  });

  it('does not queue a mail in sandbox mode', async () => {
    const before = sandbox.state.mail.length;
    expect((await api('POST', '/v3/mail/send', mail({ mail_settings: { sandbox_mode: { enable: true } } }))).status).toBe(200);
    expect(sandbox.state.mail.length).toBe(before);
  });
});

describe('pagination', () => {
  it('pages lists with page_size and the page_token of _metadata.next', async () => {
    for (const name of ['A', 'B', 'C']) expect((await api('POST', '/v3/marketing/lists', { name })).status).toBe(201);
    const names: string[] = [];
    let path = '/v3/marketing/lists?page_size=2';
    for (let pages = 0; path; pages++) {
      const page = await api('GET', path);
      expect(page.body.result.length).toBeLessThanOrEqual(2);
      names.push(...page.body.result.map((l: { name: string }) => l.name));
      path = page.body._metadata.next ? new URL(page.body._metadata.next).pathname + new URL(page.body._metadata.next).search : '';
      expect(pages).toBeLessThan(5);
    }
    expect(names).toEqual(['Newsletter Subscribers', 'Webinar Attendees', 'A', 'B', 'C']);
  });

  it('pages suppressions with limit and offset', async () => {
    await api('POST', '/v3/asm/suppressions/global', { recipient_emails: ['u1@example.com', 'u2@example.com'] });
    const all = (await api('GET', '/v3/suppression/unsubscribes')).body as { email: string }[];
    const first = (await api('GET', '/v3/suppression/unsubscribes?limit=2&offset=0')).body;
    const rest = (await api('GET', '/v3/suppression/unsubscribes?limit=2&offset=2')).body;
    expect([...first, ...rest]).toEqual(all);
    expect(all.length).toBe(3);
  });

  it('filters suppressions by start_time and end_time', async () => {
    const now = Math.floor(Date.now() / 1000);
    const recent = (await api('GET', `/v3/suppression/bounces?start_time=${now - 86_400 * 4}&end_time=${now}`)).body;
    expect(recent.map((b: { email: string }) => b.email)).toEqual(['bounced@example.com']);
    expect((await api('GET', `/v3/suppression/bounces?start_time=${now - 3600}`)).body).toEqual([]);
  });

  it('requires page_size on templates, as SendGrid does', async () => {
    expect(await api('GET', '/v3/templates')).toMatchObject({ status: 400, body: { errors: [{ field: 'page_size' }] } });
    const dynamic = await api('GET', '/v3/templates?generations=dynamic&page_size=10');
    expect(dynamic.body.result.map((t: { id: string }) => t.id)).toEqual([SEED.dynamicTemplateId]);
  });
});

describe('error bodies', () => {
  it("gives verified sender errors SendGrid's error_id", async () => {
    expect(await api('POST', '/v3/verified_senders', { nickname: 'No address' })).toEqual(
      expect.objectContaining({ status: 400, body: { errors: [{ field: 'from_email', message: 'from_email is required', error_id: 'invalid_field' }] } }),
    );
  });

  it('answers a body that is not JSON with 400 in the usual shape', async () => {
    expect(await call(sandbox.url, 'POST', '/v3/marketing/lists', undefined, { raw: '{"name": ' })).toMatchObject({ status: 400, body: { errors: [{ field: null }] } });
  });
});

describe('what the sandbox does not emulate', () => {
  it('answers with a distinct 404 that names the route', async () => {
    const response = await api('GET', '/v3/nothing-here');
    expect(response).toMatchObject({ status: 404, body: { errors: [{ message: 'the sandbox does not emulate GET /v3/nothing-here' }] } });
    expect(response.headers.get('x-sandbox-not-emulated')).toBe('true');
  });

  it('answers a missing item with SendGrid\'s own 404, not that one', async () => {
    const response = await api('GET', '/v3/marketing/lists/00000000-0000-0000-0000-000000000000');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-sandbox-not-emulated')).toBeNull();
  });
});
