// Contacts: asynchronous jobs (pending → completed), per-contact errors, custom fields, counts that
// follow changes, SGQL search and segments, deletes, exports with a download URL, CSV imports.
import { gzipSync } from 'node:zlib';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { call } from './helpers';

let sandbox: Sandbox;
const api = (method: string, path: string, body?: unknown) => call(sandbox.url, method, path, body);
const job = async (id: string) => (await api('GET', `/v3/marketing/contacts/imports/${id}`)).body;
const listCount = async (id = SEED.listId) => (await api('GET', `/v3/marketing/lists/${id}/contacts/count`)).body.contact_count;

describe('asynchronous jobs', () => {
  beforeEach(async () => (sandbox = await startSandbox({ jobDelayMs: 1_000, webhookDelivery: false })));
  afterEach(() => sandbox.close());

  it('upserts in a job that is pending until its delay has passed, then reports its counts', async () => {
    const put = await api('PUT', '/v3/marketing/contacts', {
      list_ids: [SEED.listId],
      contacts: [
        { email: 'Katherine@Example.com', first_name: 'Katherine', custom_fields: { [SEED.customFieldId]: 'green', e99_T: 'dropped', [SEED.numberFieldId]: 7 } },
        { email: SEED.contactEmail, last_name: 'King' },
      ],
    });
    expect(put.status).toBe(202);
    expect(await job(put.body.job_id)).toMatchObject({ id: put.body.job_id, status: 'pending', job_type: 'upsert' });
    expect(await listCount()).toBe(2);

    await sandbox.advance(1_000);
    expect(await job(put.body.job_id)).toMatchObject({ status: 'completed', results: { requested_count: 2, created_count: 1, updated_count: 1, errored_count: 0 }, finished_at: expect.any(String) });
    expect(await listCount()).toBe(3);
    const found = await api('POST', '/v3/marketing/contacts/search/emails', { emails: ['katherine@example.com'] });
    const katherine = found.body.result['katherine@example.com'].contact;
    // Emails are kept in lower case; an undefined custom field id is dropped silently, as SendGrid does.
    expect(katherine).toMatchObject({ email: 'katherine@example.com', list_ids: [SEED.listId], custom_fields: { [SEED.customFieldName]: 'green', [SEED.numberFieldName]: 7 } });
    expect(Object.keys(katherine.custom_fields)).toHaveLength(2);
    expect((await api('GET', `/v3/marketing/contacts/${SEED.contactId}`)).body).toMatchObject({ first_name: 'Ada', last_name: 'King' });
  });

  it('reports per-contact errors: an invalid email, an unknown list, a wrong custom field type', async () => {
    const bad = await api('PUT', '/v3/marketing/contacts', { contacts: [{ email: 'not-an-email' }, { email: 'ok@example.com', custom_fields: { [SEED.numberFieldId]: 'many' } }, { email: 'fine@example.com' }] });
    await sandbox.advance(1_000);
    const status = await job(bad.body.job_id);
    expect(status).toMatchObject({ status: 'errored', results: { requested_count: 3, created_count: 1, errored_count: 2, errors_url: expect.stringContaining('/_sandbox/errors/') } });
    const errors = (await (await fetch(status.results.errors_url)).text()).trim().split('\n');
    expect(errors[0]).toBe('row,email,error');
    expect(errors.slice(1)).toEqual([expect.stringMatching(/^1,not-an-email,.*not a valid email/), expect.stringMatching(/^2,ok@example.com,.*must be a number/)]);

    const unknownList = await api('PUT', '/v3/marketing/contacts', { list_ids: ['00000000-0000-4000-8000-000000000000'], contacts: [{ email: 'x@example.com' }] });
    await sandbox.advance(1_000);
    expect(await job(unknownList.body.job_id)).toMatchObject({ status: 'failed', results: { errored_count: 1 } });
  });

  it('refuses a body without contacts synchronously, naming the field', async () => {
    expect(await api('PUT', '/v3/marketing/contacts', { contacts: [] })).toMatchObject({ status: 400, body: { errors: [{ field: 'contacts' }] } });
    expect(await api('PUT', '/v3/marketing/contacts', [{ email: 'a@example.com' }])).toMatchObject({ status: 400 });
  });

  it('deletes contacts in a job, by ids or all, and counts follow', async () => {
    expect(await api('DELETE', '/v3/marketing/contacts')).toMatchObject({ status: 400, body: { errors: [{ field: 'ids' }] } });
    const del = await api('DELETE', `/v3/marketing/contacts?ids=${SEED.contactId}`);
    expect(del.status).toBe(202);
    expect((await api('GET', '/v3/marketing/contacts/count')).body.contact_count).toBe(3);
    await sandbox.advance(1_000);
    expect(await job(del.body.job_id)).toMatchObject({ status: 'completed', job_type: 'delete', results: { deleted_count: 1 } });
    expect((await api('GET', '/v3/marketing/contacts/count')).body.contact_count).toBe(2);
    expect((await api('GET', `/v3/marketing/contacts/${SEED.contactId}`)).status).toBe(404);
    const all = await api('DELETE', '/v3/marketing/contacts?delete_all_contacts=true');
    await sandbox.advance(1_000);
    expect(await job(all.body.job_id)).toMatchObject({ status: 'completed', results: { deleted_count: 2 } });
    expect(await listCount()).toBe(0);
  });

  it('exports in a job whose download URL the sandbox serves', async () => {
    const started = await api('POST', '/v3/marketing/contacts/exports', { list_ids: [SEED.listId], file_type: 'csv' });
    expect(started.status).toBe(202);
    expect((await api('GET', `/v3/marketing/contacts/exports/${started.body.id}`)).body).toMatchObject({ status: 'pending' });
    await sandbox.advance(1_000);
    const ready = (await api('GET', `/v3/marketing/contacts/exports/${started.body.id}`)).body;
    expect(ready).toMatchObject({ status: 'ready', contact_count: 2, urls: [expect.stringMatching(/\.csv$/)] });
    const file = await fetch(ready.urls[0]);
    const lines = (await file.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^CONTACT_ID,FIRST_NAME,LAST_NAME,EMAIL/);
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual([SEED.contactEmail, SEED.secondContactEmail]);
  });

  it('imports a CSV uploaded to the URL it gives, with the field mappings asked for', async () => {
    const started = await api('PUT', '/v3/marketing/contacts/imports', { file_type: 'csv', field_mappings: ['_rf2_T', '_rf0_T', null, SEED.customFieldId], list_ids: [SEED.secondListId] });
    expect(started).toMatchObject({ status: 200, body: { job_id: expect.any(String), upload_uri: expect.stringContaining('/_sandbox/uploads/'), upload_headers: [{ header: expect.any(String), value: expect.any(String) }] } });
    const csv = 'email,first_name,ignored,favorite_color\r\nmary@example.com,Mary,x,"red, dark"\nedsger@example.com,Edsger,y,\n';
    const headers = Object.fromEntries(started.body.upload_headers.map((h: { header: string; value: string }) => [h.header, h.value]));
    const upload = await fetch(started.body.upload_uri, { method: 'PUT', headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipSync(csv) });
    expect(upload.status).toBe(200);
    await sandbox.advance(1_000);
    expect(await job(started.body.job_id)).toMatchObject({ status: 'completed', results: { requested_count: 2, created_count: 2 } });
    const mary = (await api('POST', '/v3/marketing/contacts/search/emails', { emails: ['mary@example.com'] })).body.result['mary@example.com'].contact;
    expect(mary).toMatchObject({ first_name: 'Mary', list_ids: [SEED.secondListId], custom_fields: { [SEED.customFieldName]: 'red, dark' } });
  });
});

describe('SGQL search and segments', () => {
  beforeAll(async () => (sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false })));
  afterAll(() => sandbox.close());

  const emails = async (query: string) => {
    const answer = await api('POST', '/v3/marketing/contacts/search', { query });
    expect(answer.status).toBe(200);
    return answer.body.result.map((c: { email: string }) => c.email).sort();
  };
  const ADA = SEED.contactEmail;
  const GRACE = SEED.secondContactEmail;
  const ALAN = 'alan@example.com';

  it.each([
    [`email = '${ADA}'`, [ADA]],
    [`email != '${ADA}'`, [ALAN, GRACE]],
    [`email <> '${ADA}'`, [ALAN, GRACE]],
    ["first_name LIKE 'a%'", [ADA, ALAN]],
    ["first_name NOT LIKE '%a%'", []],
    ["city IN ('London', 'Arlington')", [ADA, GRACE]],
    ["city NOT IN ('London')", [ALAN, GRACE]],
    [`${SEED.customFieldName} IS NULL`, [ALAN]],
    [`${SEED.customFieldName} IS NOT NULL`, [ADA, GRACE]],
    [`${SEED.numberFieldName} > 100`, [ADA]],
    [`${SEED.numberFieldName} >= 40`, [ADA, GRACE]],
    [`${SEED.numberFieldName} < 1250`, [GRACE]],
    [`${SEED.numberFieldName} <= 40`, [GRACE]],
    [`${SEED.dateFieldName} > '2024-01-01'`, [ADA]],
    [`${SEED.dateFieldName} < '2024-01-01T00:00:00Z'`, []],
    [`CONTAINS(list_ids, '${SEED.secondListId}')`, [ADA, ALAN]],
    [`CONTAINS(list_ids, '${SEED.listId}') AND NOT (city = 'London')`, [GRACE]],
    [`(city = 'London' OR city = 'Manchester') AND last_name LIKE 'T%'`, [ALAN]],
    [`city = 'London' OR city = 'Manchester' AND last_name LIKE 'T%'`, [ADA, ALAN]],
    [`first_name = 'O''Brien'`, []],
    [`segment_ids IS NOT NULL`, [ADA]],
    ["email_domains = 'example.com'", [ADA, ALAN, GRACE]],
    ["first_name LIKE '%%'", []],
    ["last_name LIKE 'Hop_er'", [GRACE]],
  ])('%s', async (query, expected) => {
    expect(await emails(query)).toEqual([...expected].sort());
  });

  it('refuses an invalid query or an unknown field with 400 on query', async () => {
    for (const query of ["email = 'unterminated", 'email =', "shoe_size = '9'", "email = 'a' AND", 'NOT']) {
      expect(await api('POST', '/v3/marketing/contacts/search', { query })).toMatchObject({ status: 400, body: { errors: [{ field: 'query' }] } });
    }
  });

  it('evaluates segments with the same engine; their counts follow contact changes', async () => {
    const created = await api('POST', '/v3/marketing/segments/2.0', { name: 'Navy', query_dsl: `SELECT contact_id FROM contact_data WHERE ${SEED.customFieldName} = 'navy'` });
    expect(created).toMatchObject({ status: 201, body: { contacts_count: 1, contacts_sample: [expect.objectContaining({ email: GRACE })] } });
    await api('PUT', '/v3/marketing/contacts', { contacts: [{ email: ALAN, custom_fields: { [SEED.customFieldId]: 'navy' } }] });
    expect((await api('GET', `/v3/marketing/segments/2.0/${created.body.id}`)).body.contacts_count).toBe(2);
    expect(await api('POST', '/v3/marketing/segments/2.0', { name: 'Broken', query_dsl: 'nonsense ==' })).toMatchObject({ status: 400, body: { errors: [{ field: 'query_dsl' }] } });
  });

  it('checks custom field names as SendGrid does and numbers new ids by type', async () => {
    expect((await api('POST', '/v3/marketing/field_definitions', { name: 'visits', field_type: 'Number' })).body).toMatchObject({ id: 'e4_N' });
    expect((await api('POST', '/v3/marketing/field_definitions', { name: 'renewal', field_type: 'Date' })).body).toMatchObject({ id: 'e5_D' });
    for (const name of ['first_name', '9lives', 'has space', SEED.customFieldName.toUpperCase()])
      expect(await api('POST', '/v3/marketing/field_definitions', { name, field_type: 'Text' })).toMatchObject({ status: 400, body: { errors: [{ field: 'name' }] } });
    const { body } = await api('GET', '/v3/marketing/field_definitions');
    expect(body.reserved_fields).toContainEqual(expect.objectContaining({ name: 'email', field_type: 'Text' }));
    expect(body.custom_fields.map((f: { id: string }) => f.id)).toEqual([SEED.customFieldId, SEED.numberFieldId, SEED.dateFieldId, 'e4_N', 'e5_D']);
  });
});
