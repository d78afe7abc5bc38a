// Legacy Marketing Campaigns (/v3/contactdb, /v3/campaigns): both faces, the exact requests, custom
// fields checked by name and type before any write, emails as recipient ids, and accounts without it.
import { dateValue, recipientId, typedValue } from '../../lib/legacy-fields';
import { callMcp, countRequests, mcpClient, sendgrid, textOf, zapier } from './helpers';

const CUSTOM_FIELDS = {
  custom_fields: [
    { id: 5501, name: 'favorite_color', type: 'text' },
    { id: 5502, name: 'loyalty_points', type: 'number' },
    { id: 5503, name: 'signup_date', type: 'date' },
  ],
};
const RESERVED = {
  reserved_fields: [
    { name: 'first_name', type: 'text' },
    { name: 'last_name', type: 'text' },
    { name: 'email', type: 'text' },
    { name: 'created_at', type: 'date' },
    { name: 'lists', type: 'set' },
  ],
};
const ADA_ID = 'YWRhQGV4YW1wbGUuY29t';
const GRACE_ID = 'Z3JhY2VAZXhhbXBsZS5jb20=';
const recipient = { id: ADA_ID, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', created_at: 1767225600, custom_fields: [] };

/** Counts requests other than the reads registered before it. */
function writesAfter(...reads: [string, unknown][]) {
  for (const [path, body] of reads) sendgrid().get(path).reply(200, body as Record<string, unknown>);
  return countRequests();
}

describe('recipient ids', () => {
  it('are the URL-safe base64 of the lowercased email', () => {
    expect(recipientId('ada@example.com')).toBe(ADA_ID);
    expect(recipientId(' Ada@Example.COM ')).toBe(ADA_ID);
    expect(recipientId('grace@example.com')).toBe(GRACE_ID);
    // ">" and "?" give "+" and "/" in standard base64; the URL-safe alphabet has "-" and "_".
    expect(recipientId('a>?@example.com')).toBe(Buffer.from('a>?@example.com').toString('base64url'));
    expect(recipientId('a>?@example.com')).not.toMatch(/[+/]/);
  });
});

describe('custom field values are checked against their type', () => {
  it.each([
    ['text', 42, { value: '42' }],
    ['number', '42.5', { value: 42.5 }],
    ['number', 'many', { error: expect.stringMatching(/must be a number/) }],
    ['date', '2026-03-02', { value: '03/02/2026' }],
    ['date', '03/02/2026', { value: '03/02/2026' }],
    ['date', '2026-03-02T09:41:17Z', { value: 1772444477 }],
    ['date', '1772444477', { value: 1772444477 }],
    ['date', '02/30/2026', { error: expect.stringMatching(/must be a date/) }],
    ['date', 'next week', { error: expect.stringMatching(/must be a date/) }],
  ] as const)('%s %j', (type, value, expected) => {
    expect(typedValue(type, value)).toEqual(expected);
  });

  it('reads a day as MM/DD/YYYY and a moment as Unix seconds', () => {
    expect(dateValue('2026-12-31')).toBe('12/31/2026');
    expect(dateValue(0)).toBe(0);
    expect(dateValue(-1)).toBeUndefined();
  });
});

describe('legacy_add_contacts', () => {
  const answer = { new_count: 1, updated_count: 1, error_count: 0, error_indices: [], unmodified_indices: [], persisted_recipients: [ADA_ID, GRACE_ID] };

  it('on Zapier, sends reserved and typed custom fields as top-level keys', async () => {
    sendgrid().get('/v3/contactdb/custom_fields').reply(200, CUSTOM_FIELDS);
    let body: unknown;
    sendgrid()
      .post('/v3/contactdb/recipients', (b) => ((body = b), true))
      .reply(201, answer);
    const result = await zapier('creates', 'legacy_add_contacts', {
      recipients: [
        { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', custom_fields: { favorite_color: 'blue', loyalty_points: '120', signup_date: '2026-03-02' } },
        { email: 'grace@example.com', first_name: 'Grace' },
      ],
    });
    expect(body).toEqual([
      { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', favorite_color: 'blue', loyalty_points: 120, signup_date: '03/02/2026' },
      { email: 'grace@example.com', first_name: 'Grace' },
    ]);
    expect(result).toEqual({
      status: 'ok',
      new_count: 1,
      updated_count: 1,
      unmodified_count: 0,
      error_count: 0,
      error_indices: [],
      persisted_recipients: [ADA_ID, GRACE_ID],
      failures: [],
    });
  });

  it('on MCP, needs no custom field lookup without custom fields, and reports a partial failure as such', async () => {
    sendgrid()
      .post('/v3/contactdb/recipients', [{ email: 'ada@example.com' }, { email: 'grace@example.com' }, { email: 'bob@example.com' }])
      .reply(201, { new_count: 2, updated_count: 0, error_count: 1, error_indices: [1], persisted_recipients: [ADA_ID], errors: [{ message: 'Invalid email.', error_indices: [1] }] });
    const result = await callMcp('legacy_add_contacts', { recipients: [{ email: 'ada@example.com' }, { email: 'grace@example.com' }, { email: 'bob@example.com' }] });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ status: 'partial', error_count: 1, error_indices: [1], failures: [{ index: 1, email: 'grace@example.com', message: 'Invalid email.' }] });
    expect(textOf(result)).toMatch(/^Partly failed: SendGrid refused 1 of 3 recipient\(s\) \(#1 \(grace@example.com\): Invalid email\); the others were saved \(2 new, 0 updated\)\./);
  });

  it('makes an error of a write where every recipient was refused', async () => {
    sendgrid()
      .post('/v3/contactdb/recipients')
      .reply(201, { new_count: 0, updated_count: 0, error_count: 1, error_indices: [0], persisted_recipients: [], errors: [{ message: 'Invalid email.', error_indices: [0] }] });
    const result = await callMcp('legacy_add_contacts', { recipients: [{ email: 'ada@example.com' }] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/refused 1 recipient\(s\).*none was saved: #0 \(ada@example.com\): Invalid email\. Fix/);
    expect((result.structuredContent as { error: { result: unknown } }).error.result).toMatchObject({ error_count: 1, new_count: 0 });
  });

  it('refuses an unknown custom field, naming the known ones, after the lookup and before any write', async () => {
    const count = writesAfter(['/v3/contactdb/custom_fields', CUSTOM_FIELDS]);
    await expect(
      zapier('creates', 'legacy_add_contacts', { recipients: [{ email: 'ada@example.com', custom_fields: { favourite_colour: 'blue' } }] }),
    ).rejects.toThrow(/recipients\[0\]\.custom_fields\.favourite_colour: is not a legacy custom field of this account \(known: favorite_color \(text\), loyalty_points \(number\), signup_date \(date\)\)/);
    expect(count()).toBe(0);
  });

  it('refuses values that do not fit the type, and reserved names, before any write', async () => {
    const count = writesAfter(['/v3/contactdb/custom_fields', CUSTOM_FIELDS]);
    const result = await callMcp('legacy_add_contacts', {
      recipients: [{ email: 'ada@example.com', custom_fields: { loyalty_points: 'lots', signup_date: 'yesterday', created_at: '2026-01-01' } }],
    });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(/custom_fields\.loyalty_points: must be a number/);
    expect(text).toMatch(/custom_fields\.signup_date: must be a date/);
    expect(text).toMatch(/custom_fields\.created_at: is a reserved field/);
    expect(count()).toBe(0);
  });

  it.each([
    ['no recipients', { recipients: [] }, /recipients: Too small/],
    ['a malformed email', { recipients: [{ email: 'ada(at)example.com' }] }, /recipients\[0\]\.email/],
    ['the same email twice', { recipients: [{ email: 'ada@example.com' }, { email: 'ADA@example.com' }] }, /recipients\[1\]\.email: ada@example.com is also recipient 0/],
    ['an unknown field', { recipients: [{ email: 'ada@example.com', phone: '1' }] }, /recipients\[0\]\.phone: is not a known field/],
    ['more than 1,000', { recipients: Array.from({ length: 1001 }, (_, i) => ({ email: `c${i}@example.com` })) }, /recipients: Too big/],
  ])('refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    const result = await callMcp('legacy_add_contacts', input);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(count()).toBe(0);
  });

  it('says when the account is not on legacy Marketing Campaigns, naming the operation to use, and keeps the status', async () => {
    sendgrid().post('/v3/contactdb/recipients').reply(403, { errors: [{ field: null, message: 'access forbidden' }] });
    const result = await callMcp('legacy_add_contacts', { recipients: [{ email: 'ada@example.com' }] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/refused POST \/v3\/contactdb\/recipients \(403\): this account is not on legacy Marketing Campaigns \(or the API key lacks the permissions marketing_campaigns\.create, marketing_campaigns\.read\)\..*use upsert_contacts \(the current Marketing Campaigns API\) instead/);
    expect((result.structuredContent as { error: { status: number } }).error.status).toBe(403);
  });
});

describe('legacy_update_contacts', () => {
  it('on Zapier, PATCHes the recipients', async () => {
    sendgrid()
      .patch('/v3/contactdb/recipients', [{ email: 'ada@example.com', last_name: 'King' }])
      .reply(201, { new_count: 0, updated_count: 1, error_count: 0, persisted_recipients: [ADA_ID] });
    await expect(zapier('creates', 'legacy_update_contacts', { recipients: [{ email: 'ada@example.com', last_name: 'King' }] })).resolves.toMatchObject({
      status: 'ok',
      updated_count: 1,
    });
  });

  it('on MCP, checks custom fields the same way', async () => {
    sendgrid().get('/v3/contactdb/custom_fields').reply(200, CUSTOM_FIELDS);
    sendgrid()
      .patch('/v3/contactdb/recipients', [{ email: 'ada@example.com', loyalty_points: 7 }])
      .reply(201, { new_count: 0, updated_count: 1, error_count: 0, persisted_recipients: [ADA_ID] });
    const result = await callMcp('legacy_update_contacts', { recipients: [{ email: 'ada@example.com', custom_fields: { loyalty_points: 7 } }] });
    expect(textOf(result)).toMatch(/^SendGrid saved all 1 recipient\(s\): 0 new, 1 updated\./);
  });
});

describe('legacy_add_contacts_to_list', () => {
  it('on Zapier, turns emails into recipient ids and posts them', async () => {
    sendgrid().post('/v3/contactdb/lists/1234/recipients', [ADA_ID, GRACE_ID]).reply(201);
    await expect(zapier('creates', 'legacy_add_contacts_to_list', { list_id: '1234', recipients: ['Ada@example.com', GRACE_ID, 'ada@example.com'] })).resolves.toEqual({
      list_id: 1234,
      recipient_ids: [ADA_ID, GRACE_ID],
      count: 2,
    });
  });

  it('on MCP, adds by id as given', async () => {
    sendgrid().post('/v3/contactdb/lists/1234/recipients', [GRACE_ID]).reply(201);
    expect(textOf(await callMcp('legacy_add_contacts_to_list', { list_id: 1234, recipients: [GRACE_ID] }))).toMatch(/^Added 1 contact\(s\) to legacy list 1234\./);
  });

  it('on MCP, explains a 404: the list may not exist, or the account is not on legacy', async () => {
    sendgrid().post('/v3/contactdb/lists/99/recipients').reply(404, { errors: [{ field: 'list_id', message: 'list_id does not exist' }] });
    const result = await callMcp('legacy_add_contacts_to_list', { list_id: 99, recipients: ['ada@example.com'] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/found nothing at POST \/v3\/contactdb\/lists\/99\/recipients \(404\): list 99 or one of the contacts does not exist, or this account is not on legacy Marketing Campaigns\..*use upsert_contacts.*list_id does not exist/);
  });

  it.each([
    ['a list id that is not a number', { list_id: 'abc', recipients: ['ada@example.com'] }, /list_id/],
    ['something neither an email nor an id', { list_id: 1234, recipients: ['ada at example'] }, /recipients\[0\]: must be an email address or a legacy recipient id/],
    ['more than 1,000', { list_id: 1234, recipients: Array.from({ length: 1001 }, (_, i) => `c${i}@example.com`) }, /recipients: Too big/],
  ])('refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('creates', 'legacy_add_contacts_to_list', input)).rejects.toThrow(message);
    expect(count()).toBe(0);
  });
});

describe('legacy_create_list', () => {
  it('creates the list on both faces', async () => {
    sendgrid().post('/v3/contactdb/lists', { name: 'Webinar' }).twice().reply(201, { id: 77, name: 'Webinar', recipient_count: 0 });
    await expect(zapier('creates', 'legacy_create_list', { name: ' Webinar ' })).resolves.toEqual({ id: 77, name: 'Webinar', recipient_count: 0 });
    expect(textOf(await callMcp('legacy_create_list', { name: 'Webinar' }))).toMatch(/^Created legacy list "Webinar" \(id 77\)\./);
  });

  it('refuses an empty name before any request', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'legacy_create_list', { name: '   ' })).rejects.toThrow(/name: /);
    expect(count()).toBe(0);
  });
});

describe('legacy_create_custom_field', () => {
  it('creates the field on both faces', async () => {
    sendgrid().post('/v3/contactdb/custom_fields', { name: 'shoe_size', type: 'number' }).twice().reply(201, { id: 5504, name: 'shoe_size', type: 'number' });
    await expect(zapier('creates', 'legacy_create_custom_field', { name: 'shoe_size', type: 'number' })).resolves.toMatchObject({ id: 5504 });
    expect(textOf(await callMcp('legacy_create_custom_field', { name: 'shoe_size', type: 'number' }))).toMatch(/^Created legacy custom field "shoe_size" \(number, id 5504\)\./);
  });

  it.each([
    ['a reserved name', { name: 'first_name', type: 'text' }, /name: must not be a reserved field name/],
    ['an unknown type', { name: 'shoe_size', type: 'integer' }, /type: /],
  ])('refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('creates', 'legacy_create_custom_field', input)).rejects.toThrow(message);
    expect(count()).toBe(0);
  });
});

describe('legacy_remove_contact_from_list', () => {
  it('on Zapier, takes an email for the recipient id', async () => {
    sendgrid().delete(`/v3/contactdb/lists/1234/recipients/${ADA_ID}`).reply(204);
    await expect(zapier('creates', 'legacy_remove_contact_from_list', { list_id: '1234', recipient: 'ada@example.com' })).resolves.toEqual({
      list_id: 1234,
      recipient_id: ADA_ID,
      removed: true,
    });
  });

  it('on MCP, passes an id as given (padding included) and is marked destructive', async () => {
    sendgrid().delete(`/v3/contactdb/lists/1234/recipients/${encodeURIComponent(GRACE_ID)}`).reply(204);
    const mcp = await mcpClient();
    const { tools } = await mcp.client.listTools();
    const result = await mcp.call('legacy_remove_contact_from_list', { list_id: 1234, recipient: GRACE_ID });
    await mcp.close();
    expect(tools.find((t) => t.name === 'legacy_remove_contact_from_list')?.annotations?.destructiveHint).toBe(true);
    expect(textOf(result)).toMatch(/^Removed Z3JhY2VAZXhhbXBsZS5jb20= from legacy list 1234\./);
  });

  it('refuses a missing recipient before any request', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'legacy_remove_contact_from_list', { list_id: '1234' })).rejects.toThrow(/recipient: is required/);
    expect(count()).toBe(0);
  });
});

describe('legacy_delete_contacts', () => {
  it('deletes by ids and emails on both faces', async () => {
    sendgrid().delete('/v3/contactdb/recipients', [ADA_ID, GRACE_ID]).twice().reply(200, {});
    await expect(zapier('creates', 'legacy_delete_contacts', { recipients: ['ada@example.com', GRACE_ID] })).resolves.toEqual({ recipient_ids: [ADA_ID, GRACE_ID], count: 2 });
    expect(textOf(await callMcp('legacy_delete_contacts', { recipients: [ADA_ID, 'grace@example.com'] }))).toMatch(/^Deleted 2 legacy contact\(s\)\./);
  });

  it('refuses an empty list before any request', async () => {
    const count = countRequests();
    expect((await callMcp('legacy_delete_contacts', { recipients: [] })).isError).toBe(true);
    expect(count()).toBe(0);
  });
});

describe('legacy_list_contacts', () => {
  it('on Zapier, returns one page', async () => {
    sendgrid().get('/v3/contactdb/recipients').query({ page: 2, page_size: 50 }).reply(200, { recipients: [recipient] });
    await expect(zapier('searches', 'legacy_list_contacts', { page: '2', page_size: '50' })).resolves.toEqual([recipient]);
  });

  const grace = { ...recipient, id: GRACE_ID, email: 'grace@example.com' };
  const page = (n: number, size: number) => sendgrid().get('/v3/contactdb/recipients').query({ page: n, page_size: size });

  it('on MCP, reads every page until a short one', async () => {
    page(1, 1).reply(200, { recipients: [recipient] });
    page(2, 1).reply(200, { recipients: [grace] });
    page(3, 1).reply(200, { recipients: [] });
    sendgrid().get('/v3/contactdb/recipients/count').reply(200, { recipient_count: 2 });
    const result = await callMcp('legacy_list_contacts', { all_pages: true, page_size: 1 });
    expect((result.structuredContent as { items: unknown[] }).items).toEqual([recipient, grace]);
    expect(textOf(result)).toMatch(/^Found 2 legacy contact\(s\)\./);
  });

  it('goes on past an empty page when the count says more follow, and ends at a 404', async () => {
    page(1, 2).reply(200, { recipients: [recipient, grace] });
    page(2, 2).reply(200, { recipients: [] });
    sendgrid().get('/v3/contactdb/recipients/count').reply(200, { recipient_count: 5 });
    page(3, 2).reply(200, { recipients: [{ ...recipient, id: 'Ym9iQGV4YW1wbGUuY29t', email: 'bob@example.com' }, recipient] });
    page(4, 2).reply(404, { errors: [{ message: 'not found' }] });
    const contacts = await zapier('searches', 'legacy_list_contacts', { all_pages: 'true', page_size: '2' });
    expect(contacts.map((c: { email: string }) => c.email)).toEqual(['ada@example.com', 'grace@example.com', 'bob@example.com']);
  });

  it('says when the account has no legacy contacts at all', async () => {
    sendgrid().get('/v3/contactdb/recipients').query(true).reply(404, { errors: [{ message: 'not found' }] });
    await expect(zapier('searches', 'legacy_list_contacts', {})).rejects.toThrow(/not on legacy Marketing Campaigns.*use search_contacts/);
  });

  it.each([
    ['a page size over 1,000', { page_size: '1001' }, /page_size: Too big/],
    ['a page with all_pages', { page: '2', all_pages: 'true' }, /page: cannot be combined with all_pages/],
  ])('refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('searches', 'legacy_list_contacts', input)).rejects.toThrow(message);
    expect(count()).toBe(0);
  });
});

describe('legacy_search_contacts', () => {
  const reads: [string, unknown][] = [
    ['/v3/contactdb/reserved_fields', RESERVED],
    ['/v3/contactdb/custom_fields', CUSTOM_FIELDS],
  ];

  it('on Zapier, checks the conditions against the field types and sends them as SendGrid wants', async () => {
    for (const [path, body] of reads) sendgrid().get(path).reply(200, body as Record<string, unknown>);
    let body: unknown;
    sendgrid()
      .post('/v3/contactdb/recipients/search', (b) => ((body = b), true))
      .reply(200, { recipients: [recipient], recipient_count: 1 });
    const result = await zapier('searches', 'legacy_search_contacts', {
      list_id: '1234',
      conditions: [
        { field_name: 'email', operator: 'contains', value: '@example.com' },
        { field_name: 'signup_date', operator: 'gt', value: '2026-01-31', and_or: 'or' },
        { field_name: 'first_name', operator: 'not_empty' },
        { field_name: 'opens.campaign_identifier', operator: 'eq', value: '986724' },
      ],
    });
    expect(body).toEqual({
      list_id: 1234,
      conditions: [
        { field: 'email', value: '@example.com', operator: 'contains', and_or: '' },
        { field: 'signup_date', value: '01/31/2026', operator: 'gt', and_or: 'or' },
        { field: 'first_name', value: '', operator: 'not_empty', and_or: 'and' },
        { field: 'opens.campaign_identifier', value: '986724', operator: 'eq', and_or: 'and' },
      ],
    });
    expect(result).toEqual([recipient]);
  });

  it('on MCP, searches every contact when no list is given', async () => {
    for (const [path, body] of reads) sendgrid().get(path).reply(200, body as Record<string, unknown>);
    sendgrid()
      .post('/v3/contactdb/recipients/search', { conditions: [{ field: 'loyalty_points', value: '100', operator: 'gt', and_or: '' }] })
      .reply(200, { recipients: [recipient], recipient_count: 1 });
    const result = await callMcp('legacy_search_contacts', { conditions: [{ field_name: 'loyalty_points', operator: 'gt', value: '100' }] });
    expect(textOf(result)).toMatch(/^Found 1 legacy contact\(s\) meeting the conditions\./);
  });

  it('refuses unknown fields, operators that do not fit the type and bad values, before searching', async () => {
    const count = writesAfter(...reads);
    const result = await callMcp('legacy_search_contacts', {
      conditions: [
        { field_name: 'favourite_colour', operator: 'eq', value: 'blue' },
        { field_name: 'loyalty_points', operator: 'contains', value: '1', and_or: 'and' },
        { field_name: 'signup_date', operator: 'lt', value: 'soon', and_or: 'and' },
        { field_name: 'lists', operator: 'eq', value: '1', and_or: 'and' },
      ],
    });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(/conditions\[0\]\.field_name: "favourite_colour" is not a searchable legacy field \(known: first_name, last_name, email, created_at, favorite_color/);
    expect(text).toMatch(/conditions\[1\]\.operator: contains does not apply to loyalty_points, a number field/);
    expect(text).toMatch(/conditions\[2\]\.value: must be a date/);
    expect(text).toMatch(/conditions\[3\]\.field_name: "lists" is not a searchable/);
    expect(count()).toBe(0);
  });

  it.each([
    ['no conditions', { conditions: [] }, /conditions: is required/], // Zapier drops an empty list
    ['and_or on the first condition', { conditions: [{ field_name: 'email', operator: 'eq', value: 'a@example.com', and_or: 'and' }] }, /conditions\[0\]\.and_or: must be left out/],
    ['a value with not_empty', { conditions: [{ field_name: 'email', operator: 'not_empty', value: 'x' }] }, /conditions\[0\]\.value: must be left out with not_empty/],
    ['an unknown operator', { conditions: [{ field_name: 'email', operator: 'starts_with', value: 'a' }] }, /conditions\[0\]\.operator/],
  ])('refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('searches', 'legacy_search_contacts', input)).rejects.toThrow(message);
    expect(count()).toBe(0);
  });
});

describe('legacy dropdowns', () => {
  it('legacy_list_lists returns the lists on Zapier and MCP', async () => {
    sendgrid().get('/v3/contactdb/lists').twice().reply(200, { lists: [{ id: 1234, name: 'Newsletter', recipient_count: 5 }] });
    await expect(zapier('triggers', 'legacy_list_lists', {}, { page: 0 })).resolves.toEqual([{ id: 1234, name: 'Newsletter', recipient_count: 5 }]);
    expect(textOf(await callMcp('legacy_list_lists', {}))).toMatch(/^Found 1 legacy contact list\(s\)\./);
  });

  it('legacy_list_custom_fields returns the custom fields', async () => {
    sendgrid().get('/v3/contactdb/custom_fields').twice().reply(200, CUSTOM_FIELDS);
    await expect(zapier('triggers', 'legacy_list_custom_fields', {}, { page: 0 })).resolves.toEqual(CUSTOM_FIELDS.custom_fields);
    expect((await callMcp('legacy_list_custom_fields', {})).structuredContent).toEqual({ items: CUSTOM_FIELDS.custom_fields });
  });

  it('legacy_list_reserved_fields gives each field its name as id', async () => {
    sendgrid().get('/v3/contactdb/reserved_fields').twice().reply(200, RESERVED);
    const fields = await zapier('triggers', 'legacy_list_reserved_fields', {}, { page: 0 });
    expect(fields[0]).toEqual({ id: 'first_name', name: 'first_name', type: 'text' });
    expect(textOf(await callMcp('legacy_list_reserved_fields', {}))).toMatch(/^Found 5 legacy reserved field\(s\)\./);
  });

  it('legacy_list_searchable_fields joins reserved and custom fields with their types, without sets', async () => {
    sendgrid().get('/v3/contactdb/reserved_fields').twice().reply(200, RESERVED);
    sendgrid().get('/v3/contactdb/custom_fields').twice().reply(200, CUSTOM_FIELDS);
    const fields = await zapier('triggers', 'legacy_list_searchable_fields', {}, { page: 0 });
    expect(fields.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual([
      'first_name:text',
      'last_name:text',
      'email:text',
      'created_at:date',
      'favorite_color:text',
      'loyalty_points:number',
      'signup_date:date',
      'opens.campaign_identifier:campaign',
      'clicks.campaign_identifier:campaign',
    ]);
    expect((await callMcp('legacy_list_searchable_fields', {})).isError).toBeFalsy();
  });

  it('say which operation replaces them on an account without legacy Marketing Campaigns', async () => {
    sendgrid().get('/v3/contactdb/lists').reply(403, { errors: [{ message: 'access forbidden' }] });
    await expect(zapier('triggers', 'legacy_list_lists', {}, { page: 0 })).rejects.toThrow(/not on legacy Marketing Campaigns.*use list_lists/);
  });
});

const campaign = { id: 986724, title: 'March Newsletter', subject: 'Spring', status: 'Draft', list_ids: [1234] };

describe('legacy_list_campaigns', () => {
  it('on Zapier, returns one page by limit and offset', async () => {
    sendgrid().get('/v3/campaigns').query({ limit: 5, offset: 10 }).reply(200, { result: [campaign] });
    await expect(zapier('searches', 'legacy_list_campaigns', { limit: '5', offset: '10' })).resolves.toEqual([campaign]);
  });

  it('on MCP, follows every page', async () => {
    sendgrid().get('/v3/campaigns').query({ limit: 1, offset: 0 }).reply(200, { result: [campaign] });
    sendgrid().get('/v3/campaigns').query({ limit: 1, offset: 1 }).reply(200, { result: [{ ...campaign, id: 986723 }] });
    sendgrid().get('/v3/campaigns').query({ limit: 1, offset: 2 }).reply(200, { result: [] });
    const result = await callMcp('legacy_list_campaigns', { all_pages: true, limit: 1 });
    expect((result.structuredContent as { items: unknown[] }).items).toHaveLength(2);
  });

  it('refuses an offset with all_pages before any request', async () => {
    const count = countRequests();
    await expect(zapier('searches', 'legacy_list_campaigns', { offset: '10', all_pages: 'true' })).rejects.toThrow(/offset: cannot be combined/);
    expect(count()).toBe(0);
  });
});

describe('legacy_get_campaign', () => {
  it('returns the campaign on both faces', async () => {
    sendgrid().get('/v3/campaigns/986724').twice().reply(200, campaign);
    await expect(zapier('searches', 'legacy_get_campaign', { campaign_id: '986724' })).resolves.toEqual([campaign]);
    expect(textOf(await callMcp('legacy_get_campaign', { campaign_id: 986724 }))).toMatch(/^Found legacy campaign "March Newsletter" \(id 986724, Draft\)\./);
  });

  it('a 404 says the campaign may not exist, or the account is not on legacy, and keeps the status', async () => {
    sendgrid().get('/v3/campaigns/5').reply(404, { errors: [{ field: null, message: 'not found' }] });
    const result = await callMcp('legacy_get_campaign', { campaign_id: 5 });
    expect(textOf(result)).toMatch(/\(404\): campaign 5 does not exist, or this account is not on legacy Marketing Campaigns\..*use get_single_send/);
    expect((result.structuredContent as { error: { status: number } }).error.status).toBe(404);
  });

  it('refuses an id that is not a whole number before any request', async () => {
    const count = countRequests();
    await expect(zapier('searches', 'legacy_get_campaign', { campaign_id: 'abc' })).rejects.toThrow(/campaign_id/);
    expect(count()).toBe(0);
  });

  it('the campaign dropdown follows every page on MCP', async () => {
    sendgrid().get('/v3/campaigns').query({ limit: 100, offset: 0 }).reply(200, { result: [campaign] });
    const result = await callMcp('legacy_campaign_choices', {});
    expect(result.structuredContent).toEqual({ items: [{ id: 986724, title: 'March Newsletter', status: 'Draft' }] });
  });

  it('the campaign dropdown pages by offset on Zapier', async () => {
    sendgrid().get('/v3/campaigns').query({ limit: 100, offset: 100 }).reply(200, { result: [campaign] });
    await expect(zapier('triggers', 'legacy_campaign_choices', {}, { page: 1 })).resolves.toEqual([{ id: 986724, title: 'March Newsletter', status: 'Draft' }]);
  });
});

// Prism lets an undeclared property through (the spec rarely says additionalProperties: false), and
// SendGrid drops it silently; so each body is held against the spec here. The one exception is the
// custom fields a legacy recipient carries as top-level keys, which the spec cannot name.
describe('request bodies declare nothing the legacy spec does not', () => {
  type Schema = { $ref?: string; type?: string; items?: Schema; properties?: Record<string, Schema> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const spec = require('../../spec/sendgrid-oai/tsg_lmc_contactdb_v3.json') as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
    components: { schemas: Record<string, Schema> };
  };
  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(spec.components.schemas[schema.$ref.split('/').pop()!]!) : schema);
  function undeclared(schema: Schema, value: unknown, at: string, customFields: string[]): string[] {
    const s = resolve(schema);
    if (Array.isArray(value)) return value.flatMap((item, i) => undeclared(s.items ?? {}, item, `${at}[${i}]`, customFields));
    if (!value || typeof value !== 'object' || !s.properties) return [];
    return Object.entries(value).flatMap(([key, child]) =>
      s.properties![key] ? undeclared(s.properties![key]!, child, `${at}.${key}`, customFields) : customFields.includes(key) ? [] : [`${at}.${key}`],
    );
  }

  const cases: [string, Record<string, unknown>, string, string, unknown][] = [
    ['legacy_add_contacts', { recipients: [{ email: 'ada@example.com', first_name: 'Ada', last_name: 'L', custom_fields: { favorite_color: 'blue', loyalty_points: 3, signup_date: '2026-01-02' } }] }, 'post', '/v3/contactdb/recipients', { new_count: 1, updated_count: 0, error_count: 0, persisted_recipients: [ADA_ID] }],
    ['legacy_update_contacts', { recipients: [{ email: 'ada@example.com', first_name: 'Ada', last_name: 'L', custom_fields: { favorite_color: 'red' } }] }, 'patch', '/v3/contactdb/recipients', { new_count: 0, updated_count: 1, error_count: 0, persisted_recipients: [ADA_ID] }],
    ['legacy_add_contacts_to_list', { list_id: 1234, recipients: ['ada@example.com'] }, 'post', '/v3/contactdb/lists/{list_id}/recipients', null],
    ['legacy_create_list', { name: 'Webinar' }, 'post', '/v3/contactdb/lists', { id: 1, name: 'Webinar', recipient_count: 0 }],
    ['legacy_create_custom_field', { name: 'shoe_size', type: 'number' }, 'post', '/v3/contactdb/custom_fields', { id: 1, name: 'shoe_size', type: 'number' }],
    ['legacy_delete_contacts', { recipients: [ADA_ID] }, 'delete', '/v3/contactdb/recipients', {}],
    ['legacy_search_contacts', { list_id: 1234, conditions: [{ field_name: 'email', operator: 'contains', value: 'example' }, { field_name: 'favorite_color', operator: 'eq', value: 'blue', and_or: 'or' }] }, 'post', '/v3/contactdb/recipients/search', { recipients: [] }],
  ];

  it('catches an undeclared property (the check can fail)', () => {
    const recipients = spec.paths['/v3/contactdb/recipients']!.post!.requestBody!.content['application/json']!.schema;
    const search = spec.paths['/v3/contactdb/recipients/search']!.post!.requestBody!.content['application/json']!.schema;
    expect(undeclared(recipients, [{ email: 'a@example.com', phone: '1', favorite_color: 'x' }], 'body', ['favorite_color'])).toEqual(['body[0].phone']);
    expect(undeclared(search, { conditions: [{ field: 'email', value: 'x', operator: 'eq', and_or: '', join: 'and' }] }, 'body', [])).toEqual(['body.conditions[0].join']);
  });

  it.each(cases)('%s', async (key, args, method, specPath, answer) => {
    sendgrid().get('/v3/contactdb/custom_fields').optionally().reply(200, CUSTOM_FIELDS);
    sendgrid().get('/v3/contactdb/reserved_fields').optionally().reply(200, RESERVED);
    let sent: unknown;
    const path = specPath.replace('{list_id}', '1234');
    (sendgrid() as unknown as Record<string, (p: string, b: (body: unknown) => boolean) => { reply: (s: number, b?: unknown) => void }>)
      [method]!(path, (b) => ((sent = b), true))
      .reply(method === 'post' ? 201 : 200, answer ?? undefined);
    const result = await callMcp(key, args);
    expect(result.isError).toBeFalsy();
    const schema = spec.paths[specPath]![method]!.requestBody!.content['application/json']!.schema;
    expect(sent).toBeDefined();
    expect(undeclared(schema, sent, 'body', CUSTOM_FIELDS.custom_fields.map((f) => f.name))).toEqual([]);
  });
});
