// Dynamic template sends, mail batches and scheduled sends, and Single Sender identities.
import app from '../../index';
import { appTester, authData, countRequests, mcpClient, sendgrid, textOf, zapier } from './helpers';

const TEMPLATE = 'd-2c214ac919e84170b21855cc129b4a5f';
const BATCH = 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi';
const sender = (id: number, verified = true) => ({
  id,
  nickname: `Sender ${id}`,
  from_email: `s${id}@example.com`,
  from_name: `Sender ${id}`,
  reply_to: `s${id}@example.com`,
  reply_to_name: '',
  address: '1234 Market St.',
  address2: '',
  state: 'CA',
  city: 'San Francisco',
  country: 'USA',
  zip: '94105',
  verified,
  locked: false,
});

function deep(levels: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 1; i < levels; i++) node = (node.a = {}) as Record<string, unknown>;
  return root;
}

describe('send_dynamic_template_email', () => {
  it('on Zapier, sends shared and per-recipient data (JSON text) to each recipient separately', async () => {
    let body: Record<string, unknown> = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(202, '', { 'X-Message-Id': 'tmpl-1' });
    const result = await zapier('creates', 'send_dynamic_template_email', {
      to: ['Ada Lovelace <ada@example.com>', 'grace@example.com'],
      from_email: 'orders@example.com',
      from_name: 'Acme Orders',
      template_id: TEMPLATE,
      dynamic_template_data: { shop: 'Acme' },
      dynamic_template_data_json: '{"order": {"items": [{"name": "Pen"}]}}',
      send_separately: 'true',
      recipient_data: [{ email: 'ada@example.com', data: '{"first_name": "Ada", "shop": "Acme EU"}' }],
    });
    expect(body).toEqual({
      personalizations: [
        { to: [{ email: 'ada@example.com', name: 'Ada Lovelace' }], dynamic_template_data: { shop: 'Acme EU', order: { items: [{ name: 'Pen' }] }, first_name: 'Ada' } },
        { to: [{ email: 'grace@example.com' }], dynamic_template_data: { shop: 'Acme', order: { items: [{ name: 'Pen' }] } } },
      ],
      from: { email: 'orders@example.com', name: 'Acme Orders' },
      template_id: TEMPLATE,
    });
    expect(result).toMatchObject({ message_id: 'tmpl-1', status: 'accepted', recipient_count: 2, requests: [{ message_id: 'tmpl-1', recipient_count: 2 }] });
  });

  it('on MCP, takes per-recipient data as objects and says which template went out', async () => {
    let body: { personalizations?: unknown[] } = {};
    sendgrid()
      .post('/v3/mail/send', (b) => ((body = b), true))
      .reply(202, '', { 'X-Message-Id': 'tmpl-2' });
    const mcp = await mcpClient();
    const result = await mcp.call('send_dynamic_template_email', {
      to: ['ada@example.com', 'grace@example.com'],
      from_email: 'orders@example.com',
      template_id: TEMPLATE,
      send_separately: true,
      recipient_data: [
        { email: 'ada@example.com', data: { first_name: 'Ada', items: [{ name: 'Pen' }] } },
        { email: 'GRACE@example.com', data: { first_name: 'Grace' } },
      ],
    });
    await mcp.close();
    expect(result.isError).toBeFalsy();
    expect(body.personalizations).toEqual([
      { to: [{ email: 'ada@example.com' }], dynamic_template_data: { first_name: 'Ada', items: [{ name: 'Pen' }] } },
      { to: [{ email: 'grace@example.com' }], dynamic_template_data: { first_name: 'Grace' } },
    ]);
    expect(textOf(result)).toMatch(/^SendGrid accepted template d-2c214ac919e84170b21855cc129b4a5f for 2 recipient\(s\) \(message id tmpl-2\)\./);
  });

  const base = { to: ['ada@example.com'], from_email: 'orders@example.com', template_id: TEMPLATE };
  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['a legacy template id', { ...base, template_id: '1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b' }, /template_id: must be a dynamic template id/],
    ['per-recipient data without sending separately', { ...base, recipient_data: [{ email: 'ada@example.com', data: '{"a": 1}' }] }, /recipient_data: per-recipient values need send_separately/],
    ['per-recipient data for an address not in To', { ...base, send_separately: true, recipient_data: [{ email: 'eve@example.com', data: '{"a": 1}' }] }, /recipient_data\[0\]\.email: eve@example.com is not one of the To addresses/],
    ['per-recipient data that is not a JSON object', { ...base, send_separately: true, recipient_data: [{ email: 'ada@example.com', data: 'first_name=Ada' }] }, /recipient_data\[0\]\.data: must be a JSON object/],
    ['a subject, which the template gives', { ...base, subject: 'Hi' }, /subject: is not a known field/],
    ['a send_at in the past', { ...base, send_at: '2021-04-01T07:00:00Z' }, /send_at: .* is in the past/],
  ];

  it.each(refused)('on Zapier, refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('creates', 'send_dynamic_template_email', input)).rejects.toThrow(message);
    expect(count()).toBe(0);
  });

  it.each(refused)('on MCP, refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    const mcp = await mcpClient();
    const result = await mcp.call('send_dynamic_template_email', input);
    await mcp.close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(count()).toBe(0);
  });

  it('on MCP, refuses per-recipient data 10,000 levels deep with a clear error', async () => {
    const count = countRequests();
    const mcp = await mcpClient();
    const result = await mcp.call('send_dynamic_template_email', { ...base, send_separately: true, recipient_data: [{ email: 'ada@example.com', data: deep(10_000) }] });
    await mcp.close();
    expect(textOf(result)).toMatch(/recipient_data\[0\]\.data: is nested more than 32 levels deep/);
    expect(count()).toBe(0);
  });

  it('on Zapier, refuses per-recipient JSON text 10,000 levels deep with a clear error', async () => {
    const count = countRequests();
    const data = '['.repeat(10_000) + ']'.repeat(10_000);
    await expect(
      zapier('creates', 'send_dynamic_template_email', { ...base, send_separately: 'true', recipient_data: [{ email: 'ada@example.com', data: `{"a": ${data}}` }] }),
    ).rejects.toThrow(/recipient_data\[0\]\.data: is nested more than 32 levels deep/);
    expect(count()).toBe(0);
  });
});

describe("send_dynamic_template_email's form on Zapier", () => {
  const TEMPLATE = 'd-2c214ac919e84170b21855cc129b4a5f';
  const guide = async (inputData: Record<string, unknown>) => {
    const fields = (app.creates as Record<string, { operation: { inputFields: unknown[] } }>).send_dynamic_template_email!.operation.inputFields;
    const dynamic = fields.find((f) => typeof f === 'function');
    return (await appTester(dynamic as never, { authData, inputData } as never)) as { key: string; type: string; helpText: string }[];
  };

  it('reloads when the template changes, and then shows its active version\'s test data as a guide', async () => {
    const fields = (app.creates as Record<string, { operation: { inputFields: { key?: string; altersDynamicFields?: boolean }[] } }>).send_dynamic_template_email!.operation.inputFields;
    expect(fields.find((f) => f.key === 'template_id')?.altersDynamicFields).toBe(true);
    sendgrid()
      .get(`/v3/templates/${TEMPLATE}`)
      .reply(200, {
        id: TEMPLATE,
        versions: [
          { id: 'v1', name: 'Old', active: 0, test_data: '{"old": true}' },
          { id: 'v2', name: 'Order Shipped v2', active: 1, test_data: '{"first_name":"Ada","order":{"id":1042}}' },
        ],
      });
    const [field] = await guide({ template_id: TEMPLATE });
    expect(field).toMatchObject({ key: 'template_data_guide', type: 'copy' });
    expect(field!.helpText).toContain('"Order Shipped v2"');
    expect(field!.helpText).toContain('"first_name": "Ada"');
    expect(field!.helpText).not.toContain('old');
  });

  it('shows nothing, and asks nothing, before a dynamic template is chosen', async () => {
    const count = countRequests();
    expect(await guide({})).toEqual([]);
    expect(await guide({ template_id: 'not-a-template' })).toEqual([]);
    expect(count()).toBe(0);
  });

  it('still loads the form when the template cannot be read', async () => {
    sendgrid().get(`/v3/templates/${TEMPLATE}`).reply(403, { errors: [{ field: null, message: 'access forbidden' }] });
    expect(await guide({ template_id: TEMPLATE })).toEqual([]);
  });
});

describe('mail batches and scheduled sends', () => {
  it('create_mail_batch returns the new batch id, on both faces', async () => {
    sendgrid().post('/v3/mail/batch').reply(201, { batch_id: BATCH });
    await expect(zapier('creates', 'create_mail_batch', { count: '' })).resolves.toEqual({ batch_id: BATCH, batch_ids: [BATCH] });
    sendgrid().post('/v3/mail/batch').reply(201, { batch_id: 'b1' }).post('/v3/mail/batch').reply(201, { batch_id: 'b2' });
    const mcp = await mcpClient();
    const result = await mcp.call('create_mail_batch', { count: 2 });
    await mcp.close();
    expect(result.structuredContent).toEqual({ batch_id: 'b1', batch_ids: ['b1', 'b2'] });
    expect(textOf(result)).toMatch('Created 2 mail batches: b1, b2');
  });

  it('create_mail_batch refuses more than 10 before any request', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'create_mail_batch', { count: '11' })).rejects.toThrow(/count: Too big/);
    expect(count()).toBe(0);
  });

  it('cancel_scheduled_send posts the batch id and status, on both faces', async () => {
    sendgrid().post('/v3/user/scheduled_sends', { batch_id: BATCH, status: 'cancel' }).reply(201, { batch_id: BATCH, status: 'cancel' });
    await expect(zapier('creates', 'cancel_scheduled_send', { batch_id: ` ${BATCH} `, status: 'cancel' })).resolves.toEqual({ batch_id: BATCH, status: 'cancel' });
    sendgrid().post('/v3/user/scheduled_sends', { batch_id: BATCH, status: 'pause' }).reply(201, { batch_id: BATCH, status: 'pause' });
    const mcp = await mcpClient();
    const result = await mcp.call('cancel_scheduled_send', { batch_id: BATCH, status: 'pause' });
    await mcp.close();
    expect(textOf(result)).toMatch(`Paused the scheduled emails of batch ${BATCH}.`);
  });

  it('cancel_scheduled_send explains a batch already paused (400)', async () => {
    sendgrid().post('/v3/user/scheduled_sends').reply(400, { errors: [{ field: null, message: 'batch id is already paused' }] });
    await expect(zapier('creates', 'cancel_scheduled_send', { batch_id: BATCH, status: 'cancel' })).rejects.toThrow(/rejected POST \/v3\/user\/scheduled_sends \(400\): batch id is already paused/);
  });

  it.each([
    ['a status other than cancel or pause', { batch_id: BATCH, status: 'delete' }, /status: Invalid option/],
    ['a malformed batch id', { batch_id: 'a b', status: 'cancel' }, /batch_id: must be a batch id/],
  ])('cancel_scheduled_send refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('creates', 'cancel_scheduled_send', input)).rejects.toThrow(message);
    expect(count()).toBe(0);
  });

  it('list_scheduled_sends lists paused and cancelled batches with an id and a label', async () => {
    sendgrid().get('/v3/user/scheduled_sends').twice().reply(200, [{ batch_id: BATCH, status: 'pause' }]);
    const item = { id: BATCH, batch_id: BATCH, status: 'pause', label: `${BATCH} (paused)` };
    await expect(zapier('triggers', 'list_scheduled_sends', {}, { page: 0 })).resolves.toEqual([item]);
    const mcp = await mcpClient();
    const result = await mcp.call('list_scheduled_sends', {});
    await mcp.close();
    expect(result.structuredContent).toEqual({ items: [item] });
  });
});

describe('verified senders', () => {
  it('list_verified_senders follows lastSeenID until a short page, labelling each sender', async () => {
    const first = Array.from({ length: 100 }, (_, i) => sender(1000 + i));
    sendgrid().get('/v3/verified_senders').query({ limit: 100 }).reply(200, { results: first });
    sendgrid().get('/v3/verified_senders').query({ limit: 100, lastSeenID: 1099 }).reply(200, { results: [sender(2000, false)] });
    const senders = await zapier('triggers', 'list_verified_senders', {}, { page: 0 });
    expect(senders).toHaveLength(101);
    expect(senders[0]).toMatchObject({ id: 1000, label: 'Sender 1000 <s1000@example.com>' });
    expect(senders[100]).toMatchObject({ id: 2000, verified: false, label: 'Sender 2000 <s2000@example.com> (not verified yet)' });
  });

  it('list_verified_senders on MCP', async () => {
    sendgrid().get('/v3/verified_senders').query({ limit: 100 }).reply(200, { results: [sender(1), sender(2, false)] });
    const mcp = await mcpClient();
    const result = await mcp.call('list_verified_senders', {});
    await mcp.close();
    expect(textOf(result)).toMatch(/^Found 2 sender identities, 1 verified\./);
  });

  it('create_verified_sender sends the spec\'s fields, reply-to defaulting to the from address', async () => {
    const created = { ...sender(3920112, false), nickname: 'Acme Orders', from_email: 'orders@example.com', reply_to: 'orders@example.com' };
    sendgrid()
      .post('/v3/verified_senders', { nickname: 'Acme Orders', from_email: 'orders@example.com', from_name: 'Acme Orders', reply_to: 'orders@example.com', city: 'San Francisco', state: 'CA', country: 'USA' })
      .reply(201, created);
    const result = await zapier('creates', 'create_verified_sender', {
      nickname: 'Acme Orders',
      from_email: 'orders@example.com',
      from_name: 'Acme Orders',
      city: 'San Francisco',
      state: 'CA',
      country: 'USA',
      address2: '',
    });
    expect(result).toMatchObject({ id: 3920112, verified: false, label: 'Acme Orders <orders@example.com> (not verified yet)' });
  });

  it('create_verified_sender on MCP says a verification email went out', async () => {
    sendgrid().post('/v3/verified_senders').reply(201, { ...sender(7, false), nickname: 'Support', from_email: 'support@example.com' });
    const mcp = await mcpClient();
    const result = await mcp.call('create_verified_sender', { nickname: 'Support', from_email: 'support@example.com', reply_to: 'help@example.com' });
    await mcp.close();
    expect(textOf(result)).toMatch(/SendGrid emailed a verification link to support@example.com/);
  });

  it.each([
    ['a line break in the from name', { nickname: 'Acme', from_email: 'a@example.com', from_name: 'Acme\r\nBcc: eve@example.com' }, /from_name: must be one line/],
    ['a state that is not a 2-letter code', { nickname: 'Acme', from_email: 'a@example.com', state: 'California' }, /state: must be a 2-letter state code/],
    ['a nickname over 100 characters', { nickname: 'x'.repeat(101), from_email: 'a@example.com' }, /nickname: Too big/],
    ['a malformed reply-to', { nickname: 'Acme', from_email: 'a@example.com', reply_to: 'nobody' }, /reply_to: Invalid email address/],
  ])('create_verified_sender refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('creates', 'create_verified_sender', input)).rejects.toThrow(message);
    expect(count()).toBe(0);
  });

  it('resend_sender_verification posts to the sender\'s resend path, on both faces', async () => {
    sendgrid().post('/v3/verified_senders/resend/3920112').twice().reply(204);
    await expect(zapier('creates', 'resend_sender_verification', { id: '3920112' })).resolves.toEqual({ id: 3920112, resent: true });
    const mcp = await mcpClient();
    const result = await mcp.call('resend_sender_verification', { id: 3920112 });
    await mcp.close();
    expect(textOf(result)).toMatch(/emailed the verification link of sender 3920112 again/);
  });

  it('resend_sender_verification reports an unknown sender as not found', async () => {
    sendgrid().post('/v3/verified_senders/resend/1').reply(404, { errors: [{ message: 'resource not found', error_id: 'x' }] });
    await expect(zapier('creates', 'resend_sender_verification', { id: 1 })).rejects.toThrow(/found nothing at POST \/v3\/verified_senders\/resend\/1 \(404\)/);
  });

  it('resend_sender_verification refuses an id that is not a positive integer', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'resend_sender_verification', { id: '../scopes' })).rejects.toThrow(/id: /);
    expect(count()).toBe(0);
  });
});
