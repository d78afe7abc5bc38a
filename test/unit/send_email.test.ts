import nock from 'nock';
import { fetchFile, isPrivateAddress, safeLookup } from '../../lib/external-http';
import { API, countRequests, mcpClient, sendgrid, textOf, zapier } from './helpers';

const minimal = { to: ['ada@example.com'], from_email: 'shop@example.com', subject: 'Your order has shipped', text: 'It is on its way.' };
const FILES = 'https://files.example.com';
const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
const emails = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);

/** Template data nested `levels` deep, built with a loop (a recursive builder would overflow first). */
function deep(levels: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 1; i < levels; i++) node = (node.a = {}) as Record<string, unknown>;
  node.a = 1;
  return root;
}
const deepJson = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** Records every mail send body; answers each with its own message id, or what `answer` says for the nth. */
function mailSends(answer: (n: number) => [number, unknown?] = () => [202]) {
  const bodies: { personalizations: { to: { email: string }[]; cc?: unknown[]; bcc?: unknown[] }[] }[] = [];
  sendgrid()
    .persist()
    .post('/v3/mail/send', (b) => (bodies.push(b), true))
    .reply(() => {
      const [status, body] = answer(bodies.length);
      return [status, body ?? '', status < 300 ? { 'X-Message-Id': `msg-${bodies.length}` } : {}];
    });
  return bodies;
}

describe('send_email on Zapier', () => {
  it('sends the mail SendGrid expects and returns the message id', async () => {
    let body: unknown;
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .matchHeader('content-type', 'application/json')
      .matchHeader('accept', 'application/json')
      .reply(202, '', { 'X-Message-Id': 'W8Tfb2KQTRGyE3rRPSuk9A' });
    const result = await zapier('creates', 'send_email', {
      to: ['Ada Lovelace <ada@example.com>', 'grace@example.com'],
      cc: ['ops@example.com'],
      bcc: 'audit@example.com', // one mapped value rather than a list
      from_email: 'shop@example.com',
      from_name: 'Acme Shop',
      reply_to: 'Support <support@example.com>',
      subject: 'Your order has shipped',
      text: 'It is on its way.',
      html: '<p>It is on its way.</p>',
      categories: ['orders', 'orders', 'shipping'],
      unsubscribe_group_id: '4127', // Zapier sends numbers as text
      sandbox_mode: '',
    });
    expect(body).toEqual({
      personalizations: [
        {
          to: [{ email: 'ada@example.com', name: 'Ada Lovelace' }, { email: 'grace@example.com' }],
          cc: [{ email: 'ops@example.com' }],
          bcc: [{ email: 'audit@example.com' }],
        },
      ],
      from: { email: 'shop@example.com', name: 'Acme Shop' },
      reply_to: { email: 'support@example.com', name: 'Support' },
      subject: 'Your order has shipped',
      // SendGrid wants text/plain before text/html.
      content: [
        { type: 'text/plain', value: 'It is on its way.' },
        { type: 'text/html', value: '<p>It is on its way.</p>' },
      ],
      categories: ['orders', 'shipping'],
      asm: { group_id: 4127 },
    });
    expect(result).toEqual({
      message_id: 'W8Tfb2KQTRGyE3rRPSuk9A',
      status: 'accepted',
      recipient_count: 4,
      to: ['ada@example.com', 'grace@example.com'],
      subject: 'Your order has shipped',
      send_at: null,
      batch_id: null,
      sandbox_mode: false,
      requests: [{ message_id: 'W8Tfb2KQTRGyE3rRPSuk9A', recipient_count: 4 }],
    });
  });

  it('sends reply-to list, headers, custom args, schedule, batch, groups to display, IP pool and tracking', async () => {
    let body: Record<string, unknown> = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(202, '', { 'X-Message-Id': 'sched-1' });
    const sendAt = inHours(24);
    const result = await zapier('creates', 'send_email', {
      ...minimal,
      reply_to_list: ['Support <support@example.com>', 'sales@example.com'],
      headers: { 'X-Order-Id': '1042' },
      custom_args: { order_id: '1042', channel: 'zapier' },
      send_at: sendAt,
      batch_id: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi',
      unsubscribe_group_id: '4127',
      groups_to_display: ['4127', '4128'],
      ip_pool_name: 'transactional',
      click_tracking: 'false',
      open_tracking: 'true',
    });
    expect(body).toEqual({
      personalizations: [{ to: [{ email: 'ada@example.com' }], custom_args: { order_id: '1042', channel: 'zapier' } }],
      from: { email: 'shop@example.com' },
      reply_to_list: [{ email: 'support@example.com', name: 'Support' }, { email: 'sales@example.com' }],
      subject: 'Your order has shipped',
      content: [{ type: 'text/plain', value: 'It is on its way.' }],
      headers: { 'X-Order-Id': '1042' },
      send_at: Math.floor(Date.parse(sendAt) / 1000),
      batch_id: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi',
      asm: { group_id: 4127, groups_to_display: [4127, 4128] },
      ip_pool_name: 'transactional',
      tracking_settings: { click_tracking: { enable: false }, open_tracking: { enable: true } },
    });
    expect(result).toMatchObject({ status: 'scheduled', send_at: sendAt, batch_id: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi', message_id: 'sched-1' });
  });

  it('sends a dynamic template with its data, without subject or body', async () => {
    let body: Record<string, unknown> = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(202);
    await zapier('creates', 'send_email', {
      to: ['ada@example.com'],
      from_email: 'shop@example.com',
      template_id: 'd-2c214ac919e84170b21855cc129b4a5f',
      dynamic_template_data: { first_name: 'Ada', order: '1042' },
    });
    expect(body.template_id).toBe('d-2c214ac919e84170b21855cc129b4a5f');
    expect(body.personalizations).toEqual([{ to: [{ email: 'ada@example.com' }], dynamic_template_data: { first_name: 'Ada', order: '1042' } }]);
    expect(body).not.toHaveProperty('subject');
    expect(body).not.toHaveProperty('content');
  });

  it('takes nested template data as JSON text, merged with the dict', async () => {
    let body: { personalizations?: unknown[] } = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(202);
    await zapier('creates', 'send_email', {
      to: ['ada@example.com'],
      from_email: 'shop@example.com',
      template_id: 'd-2c214ac919e84170b21855cc129b4a5f',
      dynamic_template_data: { first_name: 'Ada' },
      dynamic_template_data_json: '{"order": {"id": 1042, "items": [{"name": "Pen", "price": 2.5}]}}',
    });
    expect(body.personalizations).toEqual([
      { to: [{ email: 'ada@example.com' }], dynamic_template_data: { first_name: 'Ada', order: { id: 1042, items: [{ name: 'Pen', price: 2.5 }] } } },
    ]);
  });

  it('gives each recipient a copy of their own when sending separately', async () => {
    let body: { personalizations?: unknown[] } = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(202);
    await zapier('creates', 'send_email', { ...minimal, to: ['a@example.com', 'b@example.com'], send_separately: 'true' });
    expect(body.personalizations).toEqual([{ to: [{ email: 'a@example.com' }] }, { to: [{ email: 'b@example.com' }] }]);
  });

  it('checks without delivering in sandbox mode', async () => {
    let body: Record<string, unknown> = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(200);
    const result = await zapier('creates', 'send_email', { ...minimal, sandbox_mode: true });
    expect(body.mail_settings).toEqual({ sandbox_mode: { enable: true } });
    expect(result).toMatchObject({ status: 'checked', message_id: null, sandbox_mode: true });
  });

  it('explains an unverified sender', async () => {
    sendgrid()
      .post('/v3/mail/send')
      .reply(403, { errors: [{ field: 'from', message: 'The from address does not match a verified Sender Identity.', help: null }] });
    await expect(zapier('creates', 'send_email', minimal)).rejects.toThrow(/not a verified sender.*sender_auth/);
  });

  it('turns a 429 into a throttle timed by X-RateLimit-Reset, and sends once', async () => {
    const reset = Math.floor(Date.now() / 1000) + 30;
    const scope = sendgrid().post('/v3/mail/send').reply(429, { errors: [{ message: 'too many requests' }] }, { 'X-RateLimit-Reset': String(reset) });
    const error = await zapier('creates', 'send_email', minimal).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ThrottledError' });
    expect(JSON.parse((error as Error).message).delay).toBeGreaterThanOrEqual(29);
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry a server error, which could send twice, and says it may or may not have been sent', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'send_email', minimal)).rejects.toThrow(/not retried automatically.*may or may not have been sent.*Email Activity/);
    expect(count()).toBe(1);
  });
});

describe('attachments', () => {
  it('downloads a URL without any credential, and sends it base64-encoded with its type and name', async () => {
    const pdf = Buffer.from('%PDF-1.7 invoice 1042');
    nock(FILES, { badheaders: ['authorization'] })
      .get('/invoices/1042.pdf')
      .reply(200, pdf, { 'Content-Type': 'application/pdf; charset=binary', 'Content-Length': String(pdf.length) });
    let body: Record<string, unknown> = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(202);
    await zapier('creates', 'send_email', {
      ...minimal,
      html: '<p><img src="cid:logo"></p>',
      attachments: [
        { url: `${FILES}/invoices/1042.pdf` },
        { content: Buffer.from('PNG').toString('base64'), filename: 'logo.png', type: 'image/png', disposition: 'inline', cid: 'logo' },
      ],
    });
    expect(body.attachments).toEqual([
      { content: pdf.toString('base64'), filename: '1042.pdf', type: 'application/pdf' },
      { content: Buffer.from('PNG').toString('base64'), filename: 'logo.png', type: 'image/png', disposition: 'inline', content_id: 'logo' },
    ]);
  });

  it('follows a redirect to another public host, on MCP too', async () => {
    nock(FILES).get('/a').reply(302, '', { Location: 'https://cdn.example.net/b.txt' });
    nock('https://cdn.example.net').get('/b.txt').reply(200, 'hello', { 'Content-Type': 'text/plain', 'Content-Disposition': 'attachment; filename="notes.txt"' });
    let body: Record<string, unknown> = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(202);
    const mcp = await mcpClient();
    const result = await mcp.call('send_email', { ...minimal, attachments: [{ url: `${FILES}/a` }] });
    await mcp.close();
    expect(result.isError).toBeFalsy();
    expect(body.attachments).toEqual([{ content: Buffer.from('hello').toString('base64'), filename: 'notes.txt', type: 'text/plain' }]);
  });

  const refused: [string, () => void, Record<string, unknown>, RegExp][] = [
    ['a URL that answers 404', () => nock(FILES).get('/gone.pdf').reply(404), { url: `${FILES}/gone.pdf` }, /attachments\[0\]\.url: could not be attached: files.example.com answered 404/],
    [
      'a file over the 30 MB limit (by its Content-Length)',
      () => nock(FILES).get('/huge.zip').reply(200, 'x', { 'Content-Length': String(31 * 1024 * 1024) }),
      { url: `${FILES}/huge.zip` },
      /attachments\[0\]\.url: could not be attached: the file is \d+ bytes, more than .*30 MB/,
    ],
    ['plain http', () => undefined, { url: 'http://files.example.com/a.pdf' }, /attachments\[0\]\.url: must be an https:\/\/ URL/],
    ['a loopback address', () => undefined, { url: 'https://127.0.0.1/secret' }, /attachments\[0\]\.url: could not be attached: 127.0.0.1 is a private or local address/],
    [
      'a redirect to the cloud metadata address',
      () => nock(FILES).get('/r').reply(302, '', { Location: 'https://169.254.169.254/latest/meta-data/' }),
      { url: `${FILES}/r` },
      /attachments\[0\]\.url: could not be attached: 169.254.169.254 is a private or local address/,
    ],
    ['both url and content', () => undefined, { url: `${FILES}/a.pdf`, content: 'UERG', filename: 'a.pdf' }, /attachments\[0\]\.url: give either a url or base64 content/],
    ['content without a filename', () => undefined, { content: 'UERG' }, /attachments\[0\]\.filename: is required with content/],
    ['inline without a content id', () => undefined, { content: 'UERG', filename: 'a.png', disposition: 'inline' }, /attachments\[0\]\.cid: is required for an inline attachment/],
    ['a filename with a line break', () => undefined, { content: 'UERG', filename: 'a.pdf\r\nBcc: x@example.com' }, /attachments\[0\]\.filename: must be one line/],
  ];

  it.each(refused)('refuses %s before any request to SendGrid (Zapier)', async (_name, setup, file, message) => {
    setup();
    const count = countRequests();
    await expect(zapier('creates', 'send_email', { ...minimal, attachments: [file] })).rejects.toThrow(message);
    expect(count()).toBe(0);
  });

  it('refuses base64 content that makes the email larger than 30 MB, before any request (MCP)', async () => {
    const count = countRequests();
    const mcp = await mcpClient();
    const big = Buffer.alloc(23 * 1024 * 1024, 1).toString('base64'); // ~30.7 MB once encoded
    const result = await mcp.call('send_email', { ...minimal, attachments: [{ content: big, filename: 'big.bin' }] });
    await mcp.close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/attachments: the email would be 30\.\d MB, over SendGrid's limit of 30 MB/);
    expect(count()).toBe(0);
  });

  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const ip of ['10.1.2.3', '127.0.0.1', '169.254.169.254', '172.20.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', 'not-an-ip'])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
  });

  it('refuses a name that resolves to a private address when connecting', async () => {
    const error = await new Promise<Error | null>((done) => safeLookup('localhost', {}, (e) => done(e)));
    expect(error?.message).toMatch(/localhost resolves to .*private or local address/);
    // The real socket path (nock lets localhost through): the check runs where the connection is made.
    await expect(fetchFile('https://localhost:9/file.pdf', { maxBytes: 1024 })).rejects.toThrow(/localhost resolves to .*private or local address/);
  });
});

describe('more than 1,000 recipients are split into requests', () => {
  it('sends 2,500 recipients separately as 3 requests of 1,000, 1,000 and 500, listing each message id', async () => {
    const bodies = mailSends();
    const result = await zapier('creates', 'send_email', { ...minimal, to: emails(2500), send_separately: 'true' });
    expect(bodies.map((b) => b.personalizations.length)).toEqual([1000, 1000, 500]);
    expect(bodies[1]!.personalizations[0]).toEqual({ to: [{ email: 'r1000@example.com' }] });
    expect(result).toMatchObject({
      message_id: 'msg-1',
      recipient_count: 2500,
      requests: [
        { message_id: 'msg-1', recipient_count: 1000 },
        { message_id: 'msg-2', recipient_count: 1000 },
        { message_id: 'msg-3', recipient_count: 500 },
      ],
    });
  });

  it('when request 2 fails after request 1 went out, names who was sent and who was not, and never sends request 3', async () => {
    const bodies = mailSends((n) => (n === 2 ? [400, { errors: [{ field: 'personalizations.0.to', message: 'Does not contain a valid address.' }] }] : [202]));
    const error = (await zapier('creates', 'send_email', { ...minimal, to: emails(2500), send_separately: 'true' }).catch((e: Error) => e)) as Error;
    expect(bodies).toHaveLength(2); // request 3 never went out
    expect(error.message).toMatch(/^Only part of the email went out: request 2 of 3 failed \(SendGrid rejected POST \/v3\/mail\/send \(400\)/);
    expect(error.message).toMatch(/SENT, do not send again: 1000 recipient\(s\) in request\(s\) 1-1 \(message id\(s\) msg-1\): r0@example.com, .*r999@example.com\./);
    expect(error.message).toMatch(/NOT SENT: 1500 recipient\(s\): r1000@example.com, .*r2499@example.com\./);
    expect(error.message).not.toMatch(/MAY OR MAY NOT/);
  });

  it('on a server error in request 2, says request 2 may or may not have been sent (MCP)', async () => {
    const bodies = mailSends((n) => (n === 2 ? [500] : [202]));
    const mcp = await mcpClient();
    const result = await mcp.call('send_email', { ...minimal, to: emails(2500), send_separately: true });
    await mcp.close();
    expect(bodies).toHaveLength(2);
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(/SENT, do not send again: 1000 recipient\(s\)/);
    expect(text).toMatch(/MAY OR MAY NOT HAVE BEEN SENT \(request 2; check Email Activity in SendGrid before sending to them\): 1000 recipient\(s\): r1000@example.com, .*r1999@example.com\./);
    expect(text).toMatch(/NOT SENT: 500 recipient\(s\): r2000@example.com, .*r2499@example.com\./);
  });

  it('without sending separately, puts Cc and Bcc in the first request only', async () => {
    const bodies = mailSends();
    const result = await zapier('creates', 'send_email', { ...minimal, to: emails(1500), cc: ['ops@example.com'], bcc: ['audit@example.com'] });
    expect(bodies.map((b) => b.personalizations.map((p) => [p.to.length, p.cc?.length ?? 0, p.bcc?.length ?? 0]))).toEqual([[[998, 1, 1]], [[502, 0, 0]]]);
    expect(result.requests).toEqual([
      { message_id: 'msg-1', recipient_count: 1000 },
      { message_id: 'msg-2', recipient_count: 502 },
    ]);
  });

  it('a refusal of request 1 is SendGrid\'s own error, and nothing else is sent', async () => {
    const bodies = mailSends(() => [400, { errors: [{ field: 'from', message: 'Invalid from' }] }]);
    await expect(zapier('creates', 'send_email', { ...minimal, to: emails(1500) })).rejects.toThrow(/SendGrid rejected POST \/v3\/mail\/send \(400\): from: Invalid from/);
    expect(bodies).toHaveLength(1);
  });
});

describe('send_email on MCP', () => {
  it('returns the message id with a one-line summary', async () => {
    sendgrid().post('/v3/mail/send').reply(202, '', { 'X-Message-Id': 'abc123' });
    const mcp = await mcpClient();
    const result = await mcp.call('send_email', minimal);
    await mcp.close();
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ message_id: 'abc123', status: 'accepted', recipient_count: 1 });
    expect(textOf(result)).toMatch(/^SendGrid accepted the email "Your order has shipped" for 1 recipient\(s\) \(message id abc123\)\./);
  });

  it('sends nested template data as given', async () => {
    let body: { personalizations?: unknown[] } = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(202);
    const data = { first_name: 'Ada', order: { id: 1042, items: [{ name: 'Pen', tags: ['blue'] }] }, ...deep(30) };
    const mcp = await mcpClient();
    const result = await mcp.call('send_email', { to: ['ada@example.com'], from_email: 'shop@example.com', template_id: 'd-2c214ac919e84170b21855cc129b4a5f', dynamic_template_data: data });
    await mcp.close();
    expect(result.isError).toBeFalsy();
    expect(body.personalizations).toEqual([{ to: [{ email: 'ada@example.com' }], dynamic_template_data: data }]);
  });

  it('schedules a send and says when', async () => {
    sendgrid().post('/v3/mail/send').reply(202, '', { 'X-Message-Id': 'later-1' });
    const sendAt = inHours(2);
    const mcp = await mcpClient();
    const result = await mcp.call('send_email', { ...minimal, send_at: sendAt, batch_id: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi' });
    await mcp.close();
    expect(textOf(result)).toMatch(new RegExp(`to be sent at ${sendAt.replace(/[.]/g, '\\.')} \\(batch HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi\\)`));
  });

  it('does not retry a timeout or server error on MCP either', async () => {
    const count = countRequests();
    const mcp = await mcpClient();
    const result = await mcp.call('send_email', minimal);
    await mcp.close();
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ error: { status: 500 } });
    expect(textOf(result)).toMatch(/may or may not have been sent.*Email Activity/);
    expect(count()).toBe(1);
  });
});

describe('bad input is refused before any request, naming the field', () => {
  const template = { to: ['ada@example.com'], from_email: 'shop@example.com', template_id: 'd-2c214ac919e84170b21855cc129b4a5f' };
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a missing recipient', { ...minimal, to: [] }, /to: (is required|Too small: expected array to have >=1 items)/],
    ['no sender', { ...minimal, from_email: undefined }, /from_email: is required/],
    ['a malformed address', { ...minimal, to: ['ada@'] }, /to\[0\]: must be an email address/],
    ['a malformed sender', { ...minimal, from_email: 'shop' }, /from_email: Invalid email address/],
    ['more than 10,000 recipients', { ...minimal, to: emails(10_001) }, /to: Too big: expected array to have <=10000 items/],
    ['Cc and Bcc with 1,000 addresses together', { ...minimal, cc: emails(600, 'c'), bcc: emails(400, 'b') }, /cc: Cc and Bcc together may have at most 999 addresses/],
    ['an empty subject without a template', { ...minimal, subject: '' }, /subject: a subject is required unless a template is chosen/],
    ['no body without a template', { ...minimal, text: undefined }, /text: give a text or HTML body/],
    ['the same address twice', { ...minimal, cc: ['ADA@example.com'] }, /ada@example.com appears more than once/],
    ['more than 10 categories', { ...minimal, categories: Array.from({ length: 11 }, (_, i) => `c${i}`) }, /categories: .*10/],
    ['send_separately with cc', { ...minimal, send_separately: true, cc: ['ops@example.com'] }, /send_separately: cannot be combined/],
    ['a send_at in the past', { ...minimal, send_at: '2020-01-01T00:00:00Z' }, /send_at: 2020-01-01T00:00:00Z is in the past/],
    ['a send_at more than 72 hours ahead', { ...minimal, send_at: inHours(73) }, /send_at: .* is more than 72 hours ahead/],
    ['a send_at without a zone', { ...minimal, send_at: '2030-01-01T09:00:00' }, /send_at: Invalid ISO datetime/],
    ['template data for a legacy template', { ...template, template_id: '1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b', dynamic_template_data: { a: '1' } }, /dynamic_template_data: template data works only with a dynamic template/],
    ['template data without a template', { ...minimal, dynamic_template_data: { a: '1' } }, /dynamic_template_data: template data needs a dynamic template/],
    ['template data JSON that is not an object', { ...template, dynamic_template_data_json: '[1, 2]' }, /dynamic_template_data_json: must be a JSON object/],
    ['the same template value twice', { ...template, dynamic_template_data: { a: '1' }, dynamic_template_data_json: '{"a": 2}' }, /dynamic_template_data_json: a is also in dynamic_template_data/],
    ['template data JSON 10,000 levels deep', { ...template, dynamic_template_data_json: deepJson(10_000) }, /dynamic_template_data_json: is nested more than 32 levels deep/],
    ['template data JSON 33 levels deep', { ...template, dynamic_template_data_json: deepJson(33) }, /dynamic_template_data_json: is nested more than 32 levels deep/],
    ['a line break in a display name', { ...minimal, to: ['Ada\r\nBcc: eve@example.com <ada@example.com>'] }, /to\[0\]: must be one line: it may not contain a line break/],
    ['a line break in from_name', { ...minimal, from_name: 'Acme\nBcc: eve@example.com' }, /from_name: must be one line/],
    ['a line break in the subject', { ...minimal, subject: 'Hello\r\nBcc: eve@example.com' }, /subject: must be one line/],
    ['a line break in a reply-to name', { ...minimal, reply_to: 'Support\n <support@example.com>' }, /reply_to: must be one line/],
    ['reply_to and reply_to_list together', { ...minimal, reply_to: 'a@example.com', reply_to_list: ['b@example.com'] }, /reply_to_list: give reply_to or reply_to_list, not both/],
    ['groups to display without a group', { ...minimal, groups_to_display: [4127] }, /groups_to_display: needs an unsubscribe group/],
    ['a header SendGrid reserves', { ...minimal, headers: { 'Reply-To': 'x@example.com' } }, /headers\.Reply-To: SendGrid does not let you set Reply-To/],
    ['a line break in a header value', { ...minimal, headers: { 'X-Order': '1\r\nBcc: eve@example.com' } }, /headers\.X-Order: must be one line/],
    ['a malformed batch id', { ...minimal, batch_id: 'not a batch!' }, /batch_id: must be a batch id/],
    ['an unknown field', { ...minimal, BCC: ['x@example.com'] }, /BCC: is not a known field/],
  ];

  it.each(cases)('on Zapier: %s', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('creates', 'send_email', input)).rejects.toThrow(message);
    expect(count()).toBe(0);
  });

  it.each(cases)('on MCP: %s', async (_name, input, message) => {
    const count = countRequests();
    const mcp = await mcpClient(API);
    const result = await mcp.call('send_email', input);
    await mcp.close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(textOf(result)).toMatch(/Nothing was sent to SendGrid/);
    expect(count()).toBe(0);
  });

  it('on MCP: template data 10,000 levels deep as an object, with a clear error and no stack overflow', async () => {
    const count = countRequests();
    const mcp = await mcpClient(API);
    const result = await mcp.call('send_email', { ...template, dynamic_template_data: deep(10_000) });
    await mcp.close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/dynamic_template_data: is nested more than 32 levels deep/);
    expect(textOf(result)).not.toMatch(/call stack/);
    expect(count()).toBe(0);
  });
});
