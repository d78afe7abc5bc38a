// Lists, Segments 2.0 and custom fields of Marketing Campaigns, and their dropdowns, on both faces.
import { callMcp, countRequests, mcpClient, refusedOnBothFaces, sendgrid, textOf, zapier } from './helpers';

const LIST = 'ca7a3796-e8a8-4029-9ccb-df8937940562';
const SEGMENT = '7f3b2c1d-9e8a-4b6c-a5d4-3e2f1a0b9c8d';
const CONTACT = '0a7a1a0e-5a2b-4c2e-8d3b-1f6f5e8c9d10';
const CONTACT2 = '1b8b2b1f-6b3c-4d3f-9e4c-2a7a6f9d0e21';

const list = { id: LIST, name: 'Newsletter', contact_count: 5000 };
const segment = {
  id: SEGMENT,
  name: 'Loyal',
  query_dsl: 'SELECT contact_id, updated_at FROM contact_data WHERE loyalty_points > 100',
  contacts_count: 1250,
  contacts_sample: [],
  created_at: '2026-03-01T10:30:00Z',
  updated_at: '2026-03-01T10:30:00Z',
  sample_updated_at: '2026-03-01T10:30:00Z',
  next_sample_update: '2026-03-02T10:30:00Z',
  parent_list_ids: [],
  query_version: '2',
  status: { query_validation: 'VALID' },
};
const definitions = {
  custom_fields: [
    { id: 'e1_T', name: 'favorite_color', field_type: 'Text' },
    { id: 'e2_N', name: 'loyalty_points', field_type: 'Number' },
    { id: 'e3_D', name: 'signup_date', field_type: 'Date' },
  ],
  reserved_fields: [
    { id: '_rf2_T', name: 'email', field_type: 'Text' },
    { id: '_rf21_D', name: 'created_at', field_type: 'Date', read_only: true },
  ],
};

describe('get_list', () => {
  it('gets a list with its contact sample, on Zapier', async () => {
    sendgrid().get(`/v3/marketing/lists/${LIST}`).query({ contact_sample: 'true' }).reply(200, { ...list, contact_sample: { id: CONTACT, email: 'ada@example.com' } });
    await expect(zapier('searches', 'get_list', { id: LIST, contact_sample: 'true' })).resolves.toEqual([
      expect.objectContaining({ id: LIST, label: 'Newsletter (5,000 contacts)', contact_sample: expect.objectContaining({ email: 'ada@example.com' }) }),
    ]);
  });

  it('gets a list without a sample by default, on MCP', async () => {
    sendgrid().get(`/v3/marketing/lists/${LIST}`).query({}).reply(200, list);
    const result = await callMcp('get_list', { id: LIST });
    expect(result.structuredContent).toMatchObject({ id: LIST, name: 'Newsletter' });
    expect(textOf(result)).toContain('List "Newsletter" (id ca7a3796-e8a8-4029-9ccb-df8937940562) has 5,000 contact(s).');
  });

  it('reports a missing list as not found, on both faces', async () => {
    sendgrid().get(`/v3/marketing/lists/${LIST}`).twice().reply(404, { errors: [{ field: null, message: 'list not found' }] });
    await expect(zapier('searches', 'get_list', { id: LIST })).rejects.toThrow(/found nothing at GET .*list not found/);
    const result = await callMcp('get_list', { id: LIST });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/404/);
  });

  it('refuses an id that is not a UUID before any request', async () => {
    await refusedOnBothFaces('searches', 'get_list', { id: 'Newsletter' }, /id: must be a list id \(a UUID\)/);
  });
});

describe('find_list_by_name', () => {
  const page = (items: object[], next?: string) => ({ result: items, _metadata: next ? { next: `https://api.sendgrid.com/v3/marketing/lists?page_token=${next}` } : {} });

  it('searches every page for an exact name, ignoring case, on Zapier', async () => {
    sendgrid().get('/v3/marketing/lists').query({ page_size: 1000 }).reply(200, page([{ ...list, name: 'Other' }], 't2'));
    sendgrid().get('/v3/marketing/lists').query({ page_size: 1000, page_token: 't2' }).reply(200, page([list, { ...list, id: 'x', name: 'Newsletter 2' }]));
    await expect(zapier('searches', 'find_list_by_name', { name: ' newsletter ' })).resolves.toEqual([expect.objectContaining({ id: LIST, name: 'Newsletter' })]);
  });

  it('matches names containing the text, on MCP; and says when none matches', async () => {
    sendgrid().get('/v3/marketing/lists').query({ page_size: 1000 }).reply(200, page([list, { ...list, id: 'x', name: 'Newsletter 2' }, { ...list, name: 'Other' }]));
    const result = await callMcp('find_list_by_name', { name: 'NEWS', match: 'contains' });
    expect((result.structuredContent as { items: unknown[] }).items).toHaveLength(2);
    sendgrid().get('/v3/marketing/lists').query({ page_size: 1000 }).reply(200, page([list]));
    expect(textOf(await callMcp('find_list_by_name', { name: 'Missing' }))).toContain('No list named "Missing".');
  });

  it('refuses an empty name or an unknown match before any request', async () => {
    await refusedOnBothFaces('searches', 'find_list_by_name', { name: '   ' }, /name: Too small/);
    await refusedOnBothFaces('searches', 'find_list_by_name', { name: 'a', match: 'fuzzy' }, /match:/);
  });
});

describe('rename_list', () => {
  it('patches the name, on both faces', async () => {
    sendgrid().patch(`/v3/marketing/lists/${LIST}`, { name: 'Weekly' }).twice().reply(200, { ...list, name: 'Weekly' });
    await expect(zapier('creates', 'rename_list', { id: LIST, name: ' Weekly ' })).resolves.toMatchObject({ name: 'Weekly' });
    expect(textOf(await callMcp('rename_list', { id: LIST, name: 'Weekly' }))).toContain(`Renamed list ${LIST} to "Weekly".`);
  });

  it('refuses a name over 100 characters before any request', async () => {
    await refusedOnBothFaces('creates', 'rename_list', { id: LIST, name: 'x'.repeat(101) }, /name: Too big/);
  });
});

describe('delete_list', () => {
  it('deletes the list only, keeping the contacts, on Zapier', async () => {
    const scope = sendgrid().delete(`/v3/marketing/lists/${LIST}`).query({}).reply(204);
    await expect(zapier('creates', 'delete_list', { id: LIST, delete_contacts: 'false' })).resolves.toEqual({ id: LIST, deleted: true, contacts_deleted: false });
    expect(scope.isDone()).toBe(true);
  });

  it('deletes the contacts too when asked, returning the job, on MCP', async () => {
    sendgrid().delete(`/v3/marketing/lists/${LIST}`).query({ delete_contacts: 'true' }).reply(200, { job_id: 'job-1' });
    const result = await callMcp('delete_list', { id: LIST, delete_contacts: true });
    expect(result.structuredContent).toEqual({ id: LIST, deleted: true, contacts_deleted: true, job_id: 'job-1' });
    expect(textOf(result)).toContain('its contacts are being deleted (job job-1)');
  });

  it('is marked destructive for agents', async () => {
    const client = await mcpClient();
    const { tools } = await client.client.listTools();
    await client.close();
    for (const key of ['delete_list', 'remove_contacts_from_list', 'delete_segment', 'delete_custom_field'])
      expect(tools.find((t) => t.name === key)?.annotations?.destructiveHint).toBe(true);
  });

  it('refuses a bad id before any request', async () => {
    await refusedOnBothFaces('creates', 'delete_list', { id: 'all' }, /id: must be a list id/);
  });
});

describe('remove_contacts_from_list', () => {
  it('sends the ids comma-separated, on both faces', async () => {
    sendgrid().delete(`/v3/marketing/lists/${LIST}/contacts`).query({ contact_ids: `${CONTACT},${CONTACT2}` }).twice().reply(202, { job_id: 'job-2' });
    await expect(zapier('creates', 'remove_contacts_from_list', { id: LIST, contact_ids: [CONTACT, CONTACT2] })).resolves.toEqual({
      list_id: LIST,
      contact_ids: [CONTACT, CONTACT2],
      job_id: 'job-2',
    });
    expect(textOf(await callMcp('remove_contacts_from_list', { id: LIST, contact_ids: [CONTACT, CONTACT2, CONTACT.toUpperCase()] }))).toContain('Removing 2 contact(s)');
  });

  it('refuses contact ids that are not UUIDs, or too many, before any request', async () => {
    await refusedOnBothFaces('creates', 'remove_contacts_from_list', { id: LIST, contact_ids: ['ada@example.com'] }, /contact_ids\[0\]: must be a contact id/);
    const many = Array.from({ length: 101 }, () => CONTACT);
    await refusedOnBothFaces('creates', 'remove_contacts_from_list', { id: LIST, contact_ids: many }, /contact_ids: Too big/);
  });
});

describe('create_segment', () => {
  it('compiles conditions on reserved fields without reading field definitions, on Zapier', async () => {
    sendgrid()
      .post('/v3/marketing/segments/2.0', {
        name: 'Example US',
        query_dsl: `SELECT contact_id, updated_at FROM contact_data WHERE (email LIKE '%@example.com%' OR country = 'US') AND CONTAINS(list_ids, '${LIST}')`,
        parent_list_ids: [LIST],
      })
      .reply(201, { ...segment, name: 'Example US' });
    const result = await zapier('creates', 'create_segment', {
      name: 'Example US',
      parent_list_id: LIST,
      conditions: [
        { field_name: 'email', operator: 'contains', value: '@example.com' },
        { join: 'or', field_name: 'country', operator: 'eq', value: 'US' },
        { join: 'and', field_name: 'list_ids', operator: 'in_list', value: LIST },
      ],
    });
    expect(result).toMatchObject({ id: SEGMENT, name: 'Example US' });
  });

  it('reads the field definitions for custom fields and types the values, on MCP', async () => {
    sendgrid().get('/v3/marketing/field_definitions').reply(200, definitions);
    sendgrid()
      .post('/v3/marketing/segments/2.0', {
        name: 'Loyal',
        query_dsl: "SELECT contact_id, updated_at FROM contact_data WHERE loyalty_points > 100 AND signup_date >= '2026-01-02T00:00:00Z'",
      })
      .reply(201, segment);
    const result = await callMcp('create_segment', {
      name: 'Loyal',
      conditions: [
        { field_name: 'loyalty_points', operator: 'gt', value: 100 },
        { field_name: 'signup_date', operator: 'gt', value: '2026-01-01' },
      ],
    });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toContain(`Created segment "Loyal" (id ${SEGMENT})`);
  });

  it('sends raw SGQL as given, completing a bare condition to a full query', async () => {
    sendgrid().post('/v3/marketing/segments/2.0', { name: 'Raw', query_dsl: "SELECT contact_id, updated_at FROM contact_data WHERE city = 'Paris'" }).twice().reply(201, segment);
    await zapier('creates', 'create_segment', { name: 'Raw', query_dsl: "city = 'Paris'" });
    expect((await callMcp('create_segment', { name: 'Raw', query_dsl: "SELECT contact_id, updated_at FROM contact_data WHERE city = 'Paris'" })).isError).toBeFalsy();
  });

  it('refuses an operator the reserved field type does not support, before any request', async () => {
    await refusedOnBothFaces('creates', 'create_segment', { name: 'x', conditions: [{ field_name: 'created_at', operator: 'contains', value: '2026' }] }, /conditions\[0\]\.operator: contains does not apply to created_at, a Date field/);
  });

  it('refuses a value with a quote or backslash, before any request', async () => {
    await refusedOnBothFaces('creates', 'create_segment', { name: 'x', conditions: [{ field_name: 'city', operator: 'eq', value: "O'Hare" }] }, /conditions\[0\]\.value: must not contain quotes/);
    await refusedOnBothFaces('creates', 'create_segment', { name: 'x', conditions: [{ field_name: 'city', operator: 'eq', value: 'a\\b' }] }, /conditions\[0\]\.value: must not contain quotes/);
  });

  it('refuses a custom field with an unsupported operator or an unknown field after reading definitions, with no write', async () => {
    sendgrid().get('/v3/marketing/field_definitions').twice().reply(200, definitions);
    const count = countRequests();
    await expect(zapier('creates', 'create_segment', { name: 'x', conditions: [{ field_name: 'loyalty_points', operator: 'contains', value: '1' }] })).rejects.toThrow(
      /conditions\[0\]\.operator: contains does not apply to loyalty_points, a Number field/,
    );
    const result = await callMcp('create_segment', { name: 'x', conditions: [{ field_name: 'shoe_size', operator: 'eq', value: 42 }] });
    expect(textOf(result)).toMatch(/conditions\[0\]\.field_name: "shoe_size" is not a field of this SendGrid account/);
    expect(count()).toBe(0);
  });

  it('refuses both or neither query, and a bad parent list, before any request', async () => {
    await refusedOnBothFaces('creates', 'create_segment', { name: 'x' }, /query_dsl: give the segment's query/);
    await refusedOnBothFaces('creates', 'create_segment', { name: 'x', query_dsl: 'a = 1', conditions: [{ field_name: 'email', operator: 'is_empty' }] }, /conditions: give query_dsl or conditions, not both/);
    await refusedOnBothFaces('creates', 'create_segment', { name: 'x', parent_list_id: 'nope', query_dsl: 'a = 1' }, /parent_list_id: must be a list id/);
  });
});

describe('list_segments, get_segment, update_segment, delete_segment', () => {
  it('lists segments with labels, on both faces', async () => {
    sendgrid().get('/v3/marketing/segments/2.0').twice().reply(200, { results: [segment], _metadata: {} });
    await expect(zapier('triggers', 'list_segments', {}, { page: 0 })).resolves.toEqual([expect.objectContaining({ id: SEGMENT, label: 'Loyal (1,250 contacts)' })]);
    expect((await callMcp('list_segments', {})).structuredContent).toEqual({ items: [expect.objectContaining({ id: SEGMENT })] });
  });

  it('gets a segment, passing contacts_sample only when given', async () => {
    sendgrid().get(`/v3/marketing/segments/2.0/${SEGMENT}`).query({ contacts_sample: 'false' }).reply(200, segment);
    await expect(zapier('searches', 'get_segment', { segment_id: SEGMENT, contacts_sample: 'false' })).resolves.toEqual([expect.objectContaining({ id: SEGMENT })]);
    sendgrid().get(`/v3/marketing/segments/2.0/${SEGMENT}`).query({}).reply(200, segment);
    expect(textOf(await callMcp('get_segment', { segment_id: SEGMENT }))).toContain('has 1,250 contact(s)');
  });

  it('reports a missing segment as not found', async () => {
    sendgrid().get(`/v3/marketing/segments/2.0/${SEGMENT}`).reply(404, {});
    await expect(zapier('searches', 'get_segment', { segment_id: SEGMENT })).rejects.toThrow(/found nothing/);
  });

  it('updates the name and query, on both faces', async () => {
    sendgrid().patch(`/v3/marketing/segments/2.0/${SEGMENT}`, { name: 'Renamed' }).reply(200, { ...segment, name: 'Renamed' });
    await expect(zapier('creates', 'update_segment', { segment_id: SEGMENT, name: 'Renamed' })).resolves.toMatchObject({ name: 'Renamed' });
    sendgrid()
      .patch(`/v3/marketing/segments/2.0/${SEGMENT}`, { query_dsl: "SELECT contact_id, updated_at FROM contact_data WHERE first_name IS NOT NULL" })
      .reply(200, segment);
    expect((await callMcp('update_segment', { segment_id: SEGMENT, conditions: [{ field_name: 'first_name', operator: 'is_not_empty' }] })).isError).toBeFalsy();
  });

  it('refuses an update with nothing to change, or a bad id, before any request', async () => {
    await refusedOnBothFaces('creates', 'update_segment', { segment_id: SEGMENT }, /name: give a new name, a new query/);
    await refusedOnBothFaces('creates', 'delete_segment', { segment_id: 'vip' }, /segment_id: must be a segment id/);
    await refusedOnBothFaces('searches', 'get_segment', { segment_id: SEGMENT, contacts_sample: 'maybe' }, /contacts_sample:/);
  });

  it('deletes a segment, on both faces', async () => {
    sendgrid().delete(`/v3/marketing/segments/2.0/${SEGMENT}`).twice().reply(202);
    await expect(zapier('creates', 'delete_segment', { segment_id: SEGMENT })).resolves.toEqual({ id: SEGMENT, deleted: true });
    expect(textOf(await callMcp('delete_segment', { segment_id: SEGMENT }))).toContain(`Deleted segment ${SEGMENT}; its contacts were kept.`);
  });
});

describe('custom fields', () => {
  it('creates a field, on both faces', async () => {
    sendgrid().post('/v3/marketing/field_definitions', { name: 'loyalty_points', field_type: 'Number' }).twice().reply(200, { id: 'e2_N', name: 'loyalty_points', field_type: 'Number' });
    await expect(zapier('creates', 'create_custom_field', { name: 'loyalty_points', field_type: 'Number' })).resolves.toMatchObject({ id: 'e2_N' });
    expect(textOf(await callMcp('create_custom_field', { name: 'loyalty_points', field_type: 'Number' }))).toContain('Created Number custom field "loyalty_points" (id e2_N).');
  });

  it('checks SendGrid\'s name rules before any request', async () => {
    await refusedOnBothFaces('creates', 'create_custom_field', { name: '1st_order', field_type: 'Date' }, /name: must use only letters A-Z, digits and underscores, and start with a letter/);
    await refusedOnBothFaces('creates', 'create_custom_field', { name: 'shoe size', field_type: 'Number' }, /name: must use only letters/);
    await refusedOnBothFaces('creates', 'create_custom_field', { name: 'First_Name', field_type: 'Text' }, /name: is the name of a reserved field/);
    await refusedOnBothFaces('creates', 'create_custom_field', { name: 'points', field_type: 'Boolean' }, /field_type:/);
  });

  it('renames and deletes a field, on both faces', async () => {
    sendgrid().patch('/v3/marketing/field_definitions/e2_N', { name: 'reward_points' }).twice().reply(200, { id: 'e2_N', name: 'reward_points', field_type: 'Number' });
    await expect(zapier('creates', 'rename_custom_field', { custom_field_id: 'e2_N', name: 'reward_points' })).resolves.toMatchObject({ name: 'reward_points' });
    expect(textOf(await callMcp('rename_custom_field', { custom_field_id: 'e2_N', name: 'reward_points' }))).toContain('Renamed custom field e2_N to "reward_points".');
    sendgrid().delete('/v3/marketing/field_definitions/e2_N').twice().reply(204);
    await expect(zapier('creates', 'delete_custom_field', { custom_field_id: 'e2_N' })).resolves.toEqual({ id: 'e2_N', deleted: true });
    expect((await callMcp('delete_custom_field', { custom_field_id: 'e2_N' })).structuredContent).toEqual({ id: 'e2_N', deleted: true });
  });

  it('refuses a reserved field id or a bad name before any request', async () => {
    await refusedOnBothFaces('creates', 'delete_custom_field', { custom_field_id: '_rf2_T' }, /custom_field_id: must be a custom field id/);
    await refusedOnBothFaces('creates', 'rename_custom_field', { custom_field_id: 'e2_N', name: 'email' }, /name: is the name of a reserved field/);
  });

  it('reports a missing field as not found', async () => {
    sendgrid().delete('/v3/marketing/field_definitions/e9_T').reply(404, { errors: [{ message: 'field not found' }] });
    await expect(zapier('creates', 'delete_custom_field', { custom_field_id: 'e9_T' })).rejects.toThrow(/found nothing.*field not found/);
  });
});

describe('field dropdowns', () => {
  it('list_custom_fields labels each field with its type, on both faces', async () => {
    sendgrid().get('/v3/marketing/field_definitions').twice().reply(200, definitions);
    await expect(zapier('triggers', 'list_custom_fields', {}, { page: 0 })).resolves.toEqual([
      { id: 'e1_T', name: 'favorite_color', field_type: 'Text', label: 'favorite_color (Text)' },
      { id: 'e2_N', name: 'loyalty_points', field_type: 'Number', label: 'loyalty_points (Number)' },
      { id: 'e3_D', name: 'signup_date', field_type: 'Date', label: 'signup_date (Date)' },
    ]);
    expect(textOf(await callMcp('list_custom_fields', {}))).toContain('Found 3 custom field(s).');
  });

  it('list_reserved_fields gives names as ids, flagging read-only ones', async () => {
    sendgrid().get('/v3/marketing/field_definitions').twice().reply(200, definitions);
    await expect(zapier('triggers', 'list_reserved_fields', {}, { page: 0 })).resolves.toEqual([
      { id: 'email', name: 'email', field_type: 'Text', read_only: false, label: 'email (Text)' },
      { id: 'created_at', name: 'created_at', field_type: 'Date', read_only: true, label: 'created_at (Date, read-only)' },
    ]);
    expect((await callMcp('list_reserved_fields', {})).structuredContent).toMatchObject({ items: [{ id: 'email' }, { id: 'created_at' }] });
  });

  it('list_searchable_fields gives reserved, list_ids and custom fields with their operators', async () => {
    sendgrid().get('/v3/marketing/field_definitions').twice().reply(200, definitions);
    const fields = await zapier('triggers', 'list_searchable_fields', {}, { page: 0 });
    expect(fields.map((f: { id: string }) => f.id)).toEqual(['email', 'created_at', 'list_ids', 'favorite_color', 'loyalty_points', 'signup_date']);
    expect(fields[4]).toEqual(expect.objectContaining({ field_type: 'Number', kind: 'custom', label: 'loyalty_points (Number, custom)', operators: expect.arrayContaining(['gt']) }));
    expect(fields[2]).toEqual(expect.objectContaining({ operators: ['in_list'] }));
    expect(textOf(await callMcp('list_searchable_fields', {}))).toContain('Found 6 searchable field(s).');
  });

  it('the dropdowns ignore the other values of the form they sit in', async () => {
    sendgrid().get('/v3/marketing/segments/2.0').reply(200, { results: [] });
    await expect(zapier('triggers', 'list_segments', { name: 'x', segment_id: SEGMENT }, { page: 0 })).resolves.toEqual([]);
  });
});
