import { API, countRequests, mcpClient, sendgrid, textOf, zapier } from './helpers';

const minimal = { to: ['ada@example.com'], from_email: 'shop@example.com', subject: 'Your order has shipped', text: 'It is on its way.' };

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
      sandbox_mode: false,
    });
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

  it('does not retry a server error, which could send twice', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'send_email', minimal)).rejects.toThrow(/not retried automatically/);
    expect(count()).toBe(1);
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

  it('does not retry a timeout or server error on MCP either', async () => {
    const count = countRequests();
    const mcp = await mcpClient();
    const result = await mcp.call('send_email', minimal);
    await mcp.close();
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ error: { status: 500 } });
    expect(count()).toBe(1);
  });
});

describe('bad input is refused before any request, naming the field', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a missing recipient', { ...minimal, to: [] }, /to: (is required|Too small: expected array to have >=1 items)/],
    ['no sender', { ...minimal, from_email: undefined }, /from_email: is required/],
    ['a malformed address', { ...minimal, to: ['ada@'] }, /to\[0\]: must be an email address/],
    ['a malformed sender', { ...minimal, from_email: 'shop' }, /from_email: Invalid email address/],
    ['more than 1,000 recipients', { ...minimal, to: Array.from({ length: 600 }, (_, i) => `a${i}@example.com`), bcc: Array.from({ length: 401 }, (_, i) => `b${i}@example.com`) }, /at most 1000 recipients.*1001/],
    ['an empty subject without a template', { ...minimal, subject: '' }, /subject: a subject is required unless a template is chosen/],
    ['no body without a template', { ...minimal, text: undefined }, /text: give a text or HTML body/],
    ['the same address twice', { ...minimal, cc: ['ADA@example.com'] }, /ada@example.com appears more than once/],
    ['more than 10 categories', { ...minimal, categories: Array.from({ length: 11 }, (_, i) => `c${i}`) }, /categories: .*10/],
    ['send_separately with cc', { ...minimal, send_separately: true, cc: ['ops@example.com'] }, /send_separately: cannot be combined/],
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
});
