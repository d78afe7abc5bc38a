// Marketing Campaigns contacts: upsert (custom fields by name, batches, waiting), jobs, finds, search,
// delete, export and CSV import, on both faces; bad input refused before any write.
import nock from 'nock';
import app from '../../index';
import type { SendGridApi } from '../../lib/client';
import { keylessRequest, returnedUrlPolicy } from '../../lib/external-http';
import { RESERVE_MS, waitForJob } from '../../lib/jobs';
import { SEED } from '../../sandbox/seed-ids';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { appTester, authData, callMcp, countRequests, mcpClient, sendgrid, textOf, zapier } from './helpers';

const JOB = '5c1d2b7e-3a4f-4e8d-9b6a-0f1e2d3c4b5a';
const LIST = 'ca7a3796-e8a8-4029-9ccb-df8937940562';
const CONTACT = '0a7a1a0e-5a2b-4c2e-8d3b-1f6f5e8c9d10';

const definitions = {
  custom_fields: [
    { id: 'e1_T', name: 'favorite_color', field_type: 'Text' },
    { id: 'e2_N', name: 'loyalty_points', field_type: 'Number' },
    { id: 'e3_D', name: 'signup_date', field_type: 'Date' },
  ],
  reserved_fields: [
    { id: '_rf0_T', name: 'first_name', field_type: 'Text' },
    { id: '_rf1_T', name: 'last_name', field_type: 'Text' },
    { id: '_rf2_T', name: 'email', field_type: 'Text' },
    { id: '_rf20_T', name: 'automation_id', field_type: 'Text', read_only: true },
  ],
};
const withDefinitions = () => sendgrid().get('/v3/marketing/field_definitions').reply(200, definitions);
const withList = () => sendgrid().get(`/v3/marketing/lists/${LIST}`).reply(200, { id: LIST, name: 'Newsletter', contact_count: 1 });

const contact = (over: Record<string, unknown> = {}) => ({
  id: CONTACT,
  email: 'ada@example.com',
  first_name: 'Ada',
  list_ids: [LIST],
  segment_ids: [],
  custom_fields: {},
  created_at: '2026-03-02T09:41:17Z',
  updated_at: '2026-03-05T14:02:51Z',
  ...over,
});

/** Requests that would write: a refused input must not reach them. */
function countWrites() {
  let writes = 0;
  const scope = nock('https://api.sendgrid.com').persist();
  for (const method of ['put', 'post', 'delete', 'patch'] as const)
    scope[method](/.*/).reply(() => {
      writes++;
      return [500, {}];
    });
  return () => writes;
}

describe('upsert_contacts', () => {
  it('on Zapier, sends one contact (one line) with the typed custom field inputs resolved to ids, and says it is only queued', async () => {
    withDefinitions();
    withList();
    sendgrid()
      .put('/v3/marketing/contacts', {
        list_ids: [LIST],
        contacts: [{ email: 'ada@example.com', first_name: 'Ada', custom_fields: { e1_T: 'blue', e2_N: 120, e3_D: '2026-03-01' } }],
      })
      .reply(202, { job_id: JOB });
    const result = await zapier('creates', 'upsert_contacts', {
      contacts: [{ email: 'ada@example.com', first_name: 'Ada' }],
      list_ids: [LIST],
      custom_field_favorite_color: 'blue',
      custom_field_loyalty_points: '120',
      custom_field_signup_date: '2026-03-01',
      custom_field_unused: '',
      wait_until_processed: 'false',
    });
    expect(result).toMatchObject({ status: 'queued', job_id: JOB, job_ids: [JOB], contact_count: 1 });
    expect(result.message).toMatch(/queued 1 contact\(s\).*not saved yet/);
  });

  it('on Zapier, takes many contacts as line items (arrays of objects with text values)', async () => {
    withDefinitions();
    sendgrid()
      .put('/v3/marketing/contacts', {
        contacts: [
          { email: 'ada@example.com', first_name: 'Ada', custom_fields: { e1_T: 'blue' } },
          { external_id: 'crm-42', custom_fields: { e1_T: 'green' } },
        ],
      })
      .reply(202, { job_id: JOB });
    // The typed input applies to every line; a line's own value wins.
    const result = await zapier('creates', 'upsert_contacts', {
      contacts: [
        { email: 'ada@example.com', first_name: 'Ada', last_name: '' },
        { external_id: 'crm-42', email: '', custom_fields: { favorite_color: 'green' } },
      ],
      custom_field_favorite_color: 'blue',
    });
    expect(result).toMatchObject({ status: 'queued', contact_count: 2 });
  });

  it('on Zapier, offers one typed input field per custom field of the account', async () => {
    withDefinitions();
    const fields = (app.creates as Record<string, { operation: { inputFields: unknown[] } }>).upsert_contacts!.operation.inputFields;
    const dynamic = fields.find((f) => typeof f === 'function') as (...args: never[]) => unknown;
    const out = (await appTester(dynamic as never, { authData, inputData: {} } as never)) as { key: string; type: string }[];
    expect(out.map((f) => [f.key, f.type])).toEqual([
      ['custom_field_favorite_color', 'string'],
      ['custom_field_loyalty_points', 'number'],
      ['custom_field_signup_date', 'datetime'],
    ]);
  });

  it('on MCP, resolves custom field names per contact and reports the job', async () => {
    withDefinitions();
    sendgrid()
      .put('/v3/marketing/contacts', {
        contacts: [
          { email: 'ada@example.com', custom_fields: { e2_N: 7 } },
          { email: 'grace@example.com', custom_fields: { e1_T: 'green' } },
        ],
      })
      .reply(202, { job_id: JOB });
    const result = await callMcp('upsert_contacts', {
      contacts: [
        { email: 'ada@example.com', custom_fields: { loyalty_points: 7 } },
        { email: 'grace@example.com', custom_fields: { favorite_color: 'green' } },
      ],
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ status: 'queued', job_id: JOB, contact_count: 2 });
    expect(textOf(result)).toMatch(/not saved yet/);
  });

  it('refuses an unknown custom field, listing the known ones, and writes nothing', async () => {
    withDefinitions();
    const writes = countWrites();
    const result = await callMcp('upsert_contacts', { contacts: [{ email: 'ada@example.com', custom_fields: { favourite_colour: 'blue' } }] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/contacts\[0\]\.custom_fields\.favourite_colour: is not a custom field.*favorite_color \(Text\), loyalty_points \(Number\), signup_date \(Date\)/);
    expect(writes()).toBe(0);
  });

  it('refuses a wrong value for a Number or Date field, naming the field, and writes nothing', async () => {
    withDefinitions();
    const writes = countWrites();
    await expect(
      zapier('creates', 'upsert_contacts', { contacts: [{ email: 'ada@example.com' }], custom_field_loyalty_points: 'lots', custom_field_signup_date: '31/02/2026' }),
    ).rejects.toThrow(/contacts\[0\]\.custom_fields\.loyalty_points: must be a number.*contacts\[0\]\.custom_fields\.signup_date: must be a date/);
    expect(writes()).toBe(0);
  });

  it('refuses a reserved field given as a custom one', async () => {
    withDefinitions();
    const result = await callMcp('upsert_contacts', { contacts: [{ email: 'ada@example.com', custom_fields: { first_name: 'Ada' } }] });
    expect(textOf(result)).toMatch(/contacts\[0\]\.custom_fields\.first_name: is a reserved field.*first_name field/);
  });

  it.each([
    ['a contact without an identifier', { contacts: [{ first_name: 'Ada' }] }, /contacts\[0\]\.email: this contact needs an identifier: one of email, phone_number_id, external_id, anonymous_id/],
    ['a second contact without an identifier', { contacts: [{ email: 'ada@example.com' }, { first_name: 'Grace' }] }, /contacts\[1\]\.email: this contact needs an identifier/],
    ['no contact at all', { list_ids: [LIST] }, /contacts: is required/],
    ['an invalid email', { contacts: [{ email: 'ada@example' }] }, /contacts\[0\]\.email: Invalid email/],
    ['a list id that is not one', { contacts: [{ email: 'ada@example.com' }], list_ids: ['newsletter'] }, /list_ids\[0\]/],
    ['an unknown argument', { contacts: [{ email: 'ada@example.com', favorite_color: 'blue' }] }, /contacts\[0\]\.favorite_color: is not a known field/],
  ])('refuses %s before any request', async (_name, args, message) => {
    const count = countRequests();
    const result = await callMcp('upsert_contacts', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(count()).toBe(0);
  });

  it('refuses a list that is not one of the account, naming it, and writes nothing', async () => {
    withList();
    const other = '11111111-2222-4333-8444-555555555555';
    sendgrid().get(`/v3/marketing/lists/${other}`).reply(404, { errors: [{ message: 'list not found' }] });
    const writes = countWrites();
    const result = await callMcp('upsert_contacts', { contacts: [{ email: 'ada@example.com' }], list_ids: [LIST, other] });
    expect(textOf(result)).toMatch(`list_ids[1]: ${other} is not a contact list of this SendGrid account`);
    expect(writes()).toBe(0);
  });

  it('checks many list ids against one listing of every list', async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    sendgrid()
      .get('/v3/marketing/lists')
      .query({ page_size: 1000 })
      .reply(200, { result: ids.slice(0, 10).map((id) => ({ id, name: id, contact_count: 0 })), _metadata: {} });
    const writes = countWrites();
    const result = await callMcp('export_contacts', { list_ids: ids });
    expect(textOf(result)).toMatch(`list_ids[10]: ${ids[10]} is not a contact list`);
    expect(writes()).toBe(0);
  });

  it('refuses more than 30,000 contacts unless splitting is allowed', async () => {
    const contacts = Array.from({ length: 30_001 }, (_, i) => ({ email: `c${i}@example.com` }));
    const count = countRequests();
    const result = await callMcp('upsert_contacts', { contacts });
    expect(textOf(result)).toMatch(/contacts: has 30001 contacts; SendGrid takes at most 30000 per request: set split_into_batches/);
    expect(count()).toBe(0);
  });

  it('splits more than 30,000 contacts into requests of at most 30,000 and lists every job', async () => {
    const sizes: number[] = [];
    sendgrid()
      .put('/v3/marketing/contacts', (body: { contacts: unknown[] }) => (sizes.push(body.contacts.length), true))
      .times(2)
      .reply(202, () => ({ job_id: `job-${sizes.length}` }));
    const contacts = Array.from({ length: 30_001 }, (_, i) => ({ email: `c${i}@example.com` }));
    const result = await callMcp('upsert_contacts', { contacts, split_into_batches: true });
    expect(sizes).toEqual([30_000, 1]);
    expect(result.structuredContent).toMatchObject({ status: 'queued', job_ids: ['job-1', 'job-2'], contact_count: 30_001 });
  });

  it('splits by size too: more than 6 MB needs split_into_batches even under 30,000 contacts', async () => {
    const long = 'x'.repeat(100);
    const contacts = Array.from({ length: 20_000 }, (_, i) => ({ email: `c${i}@example.com`, address_line_1: long, address_line_2: long, city: long.slice(0, 60) }));
    const count = countRequests();
    const refused = await callMcp('upsert_contacts', { contacts });
    expect(textOf(refused)).toMatch(/contacts: is larger than SendGrid's 6 MB per request; set split_into_batches to send it as 2 requests/);
    expect(count()).toBe(0);
    nock.cleanAll();
    const sizes: number[] = [];
    sendgrid()
      .put('/v3/marketing/contacts', (body: { contacts: unknown[] }) => (sizes.push(Buffer.byteLength(JSON.stringify(body))), true))
      .times(2)
      .reply(202, () => ({ job_id: `job-${sizes.length}` }));
    const split = await callMcp('upsert_contacts', { contacts, split_into_batches: true });
    expect(split.structuredContent).toMatchObject({ job_ids: ['job-1', 'job-2'] });
    for (const size of sizes) expect(size).toBeLessThanOrEqual(6_000_000);
  });

  it('when a later request fails, names the jobs already queued so they are not sent twice', async () => {
    sendgrid().put('/v3/marketing/contacts').reply(202, { job_id: 'job-1' });
    sendgrid().put('/v3/marketing/contacts').reply(400, { errors: [{ field: 'contacts[0].email', message: 'invalid' }] });
    const contacts = Array.from({ length: 30_001 }, (_, i) => ({ email: `c${i}@example.com` }));
    const result = await callMcp('upsert_contacts', { contacts, split_into_batches: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/1 earlier request\(s\) were accepted before this one: jobs job-1 \(30000 contacts\); the remaining 1 were not sent/);
  });

  it('reports the queued job even when waiting for it fails', async () => {
    sendgrid().put('/v3/marketing/contacts').reply(202, { job_id: JOB });
    sendgrid().get(`/v3/marketing/contacts/imports/${JOB}`).reply(403, { errors: [{ message: 'access forbidden' }] });
    const result = await callMcp('upsert_contacts', { contacts: [{ email: 'ada@example.com' }], wait_until_processed: true });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ job_id: JOB, status: 'pending' });
    expect(textOf(result)).toMatch(/Waiting for the outcome failed .* but the contacts were queued/);
  });

  it('waits for the job, reports the counts and lists each failed contact from the error file, fetched without the key', async () => {
    sendgrid().put('/v3/marketing/contacts').reply(202, { job_id: JOB });
    sendgrid()
      .get(`/v3/marketing/contacts/imports/${JOB}`)
      .reply(200, {
        id: JOB,
        status: 'errored',
        job_type: 'upsert',
        results: { requested_count: 2, created_count: 1, errored_count: 1, errors_url: 'https://files.example.net/errors/1.csv' },
      });
    nock('https://files.example.net', { badheaders: ['authorization'] })
      .get('/errors/1.csv')
      .reply(200, 'email,error\nbad@example.com,"Email is on a bounce list"\n');
    const result = await callMcp('upsert_contacts', { contacts: [{ email: 'ada@example.com' }, { email: 'bad@example.com' }], wait_until_processed: true });
    expect(result.structuredContent).toMatchObject({
      status: 'errored',
      jobs: [{ job_id: JOB, status: 'errored', failed_contacts: [{ email: 'bad@example.com', error: 'Email is on a bounce list' }] }],
    });
    expect(textOf(result)).toMatch(/1 created, 1 failed.*1 contact\(s\) failed/);
  });

  it('reads an error file served on the API host itself (CSV, with the key), and leaves out a meaningless "0 deleted"', async () => {
    sendgrid().put('/v3/marketing/contacts').reply(202, { job_id: JOB });
    sendgrid()
      .get(`/v3/marketing/contacts/imports/${JOB}`)
      .reply(200, {
        id: JOB,
        status: 'errored',
        job_type: 'upsert',
        results: { requested_count: 2, created_count: 1, deleted_count: 0, errored_count: 1, errors_url: `https://api.sendgrid.com/v3/marketing/contacts/imports/${JOB}/errors` },
      });
    sendgrid().get(`/v3/marketing/contacts/imports/${JOB}/errors`).reply(200, 'email,error\nbad@example.com,"Email is on a bounce list"\n', { 'content-type': 'text/csv' });
    const result = await callMcp('upsert_contacts', { contacts: [{ email: 'ada@example.com' }, { email: 'bad@example.com' }], wait_until_processed: true });
    expect(result.structuredContent).toMatchObject({ jobs: [{ failed_contacts: [{ email: 'bad@example.com', error: 'Email is on a bounce list' }] }] });
    expect(textOf(result)).not.toMatch(/0 deleted/);
  });

  it('stops waiting in time and says the job continues', async () => {
    sendgrid().put('/v3/marketing/contacts').reply(202, { job_id: JOB });
    sendgrid().get(`/v3/marketing/contacts/imports/${JOB}`).times(10).reply(200, { id: JOB, status: 'pending' });
    const result = await callMcp('upsert_contacts', { contacts: [{ email: 'ada@example.com' }], wait_until_processed: true }, { deadlineMs: 6000 });
    expect(result.structuredContent).toMatchObject({ status: 'pending', job_id: JOB });
    expect(textOf(result)).toMatch(/still processing .* continues in SendGrid/);
  }, 15_000);
});

describe('get_contact_import_status', () => {
  it('reads a job on Zapier', async () => {
    sendgrid().get(`/v3/marketing/contacts/imports/${JOB}`).reply(200, { id: JOB, status: 'completed', job_type: 'upsert', results: { created_count: 2, updated_count: 0, errored_count: 0 } });
    const [job] = await zapier('searches', 'get_contact_import_status', { job_id: JOB });
    expect(job).toMatchObject({ id: JOB, status: 'completed', message: expect.stringMatching(/completed: 2 created, 0 updated, 0 failed/) });
  });

  it('on MCP, waits until the job ends, reporting progress', async () => {
    sendgrid().get(`/v3/marketing/contacts/imports/${JOB}`).reply(200, { id: JOB, status: 'pending' });
    sendgrid().get(`/v3/marketing/contacts/imports/${JOB}`).reply(200, { id: JOB, status: 'completed', results: { created_count: 1 } });
    const client = await mcpClient();
    const progress: (string | undefined)[] = [];
    const result = await client.client.callTool({ name: 'get_contact_import_status', arguments: { job_id: JOB, wait_until_finished: true } }, undefined, {
      onprogress: (p) => void progress.push(p.message),
    });
    await client.close();
    expect(result.structuredContent).toMatchObject({ status: 'completed' });
    expect(progress).toEqual([`contact job ${JOB}: pending (waited 0 s)`, `contact job ${JOB}: completed`]);
  });

  it('reports an unknown job as not found', async () => {
    sendgrid().get('/v3/marketing/contacts/imports/nope').reply(404, { errors: [{ message: 'job not found' }] });
    const result = await callMcp('get_contact_import_status', { job_id: 'nope' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/found nothing/);
  });
});

describe('find_contacts_by_email', () => {
  it('finds contacts on both faces, custom fields by name', async () => {
    const body = { result: { 'ada@example.com': { contact: contact({ custom_fields: { e2_N: 120 } }) } } };
    sendgrid().post('/v3/marketing/contacts/search/emails', { emails: ['ada@example.com', 'nobody@example.com'] }).twice().reply(200, body);
    sendgrid().get('/v3/marketing/field_definitions').twice().reply(200, definitions);
    const found = await zapier('searches', 'find_contacts_by_email', { emails: ['Ada@Example.com', 'nobody@example.com'] });
    expect(found).toEqual([expect.objectContaining({ id: CONTACT, custom_fields: { loyalty_points: 120 } })]);
    const result = await callMcp('find_contacts_by_email', { emails: ['ada@example.com', 'nobody@example.com'] });
    expect(textOf(result)).toMatch(/Found 1 contact\(s\) for 2 address\(es\); no contact for nobody@example.com/);
  });

  it('treats SendGrid\'s 404 (no match) as an empty result', async () => {
    sendgrid().post('/v3/marketing/contacts/search/emails').twice().reply(404, { errors: [{ message: 'contacts not found' }] });
    await expect(zapier('searches', 'find_contacts_by_email', { emails: 'nobody@example.com' })).resolves.toEqual([]);
    const result = await callMcp('find_contacts_by_email', { emails: ['nobody@example.com'] });
    expect(result.structuredContent).toEqual({ items: [] });
  });

  it('pairs with upsert_contacts as a Zapier find or create', () => {
    expect((app as { searchOrCreates?: Record<string, unknown> }).searchOrCreates?.find_contacts_by_email).toMatchObject({
      search: 'find_contacts_by_email',
      create: 'upsert_contacts',
    });
  });

  it('refuses an invalid address before any request', async () => {
    const count = countRequests();
    await expect(zapier('searches', 'find_contacts_by_email', { emails: ['not-an-email'] })).rejects.toThrow(/emails\[0\]/);
    expect(count()).toBe(0);
  });
});

describe('get_contact', () => {
  it('returns the contact on both faces', async () => {
    sendgrid().get(`/v3/marketing/contacts/${CONTACT}`).twice().reply(200, contact({ custom_fields: { favorite_color: 'blue' } }));
    const [found] = await zapier('searches', 'get_contact', { contact_id: CONTACT });
    expect(found).toMatchObject({ id: CONTACT, custom_fields: { favorite_color: 'blue' } });
    const result = await callMcp('get_contact', { contact_id: CONTACT });
    expect(textOf(result)).toMatch(`Found contact Ada (id ${CONTACT}).`);
  });

  it('reports a 404 as not found, not a crash', async () => {
    sendgrid().get(`/v3/marketing/contacts/${CONTACT}`).reply(404);
    const result = await callMcp('get_contact', { contact_id: CONTACT });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/found nothing at GET \/v3\/marketing\/contacts/);
  });
});

describe('search_contacts', () => {
  it('compiles conditions to SGQL with the field types of the account', async () => {
    withDefinitions();
    sendgrid()
      .post('/v3/marketing/contacts/search', { query: "country = 'US' AND loyalty_points > 100" })
      .reply(200, { result: [contact()], contact_count: 1 });
    const found = await zapier('searches', 'search_contacts', {
      conditions: [
        { field_name: 'country', operator: 'eq', value: 'US' },
        { join: 'and', field_name: 'loyalty_points', operator: 'gt', value: '100' },
      ],
    });
    expect(found).toHaveLength(1);
  });

  it('takes several values for in/not_in as a list (values), on both faces', async () => {
    sendgrid().post('/v3/marketing/contacts/search', { query: "country IN ('US', 'CA')" }).reply(200, { result: [contact()], contact_count: 1 });
    sendgrid().post('/v3/marketing/contacts/search', { query: "city NOT IN ('Paris, TX')" }).reply(200, { result: [], contact_count: 0 });
    const zap = await zapier('searches', 'search_contacts', { conditions: [{ field_name: 'country', operator: 'in', values: ['US', 'CA'] }] });
    expect(zap).toHaveLength(1);
    // One value holding a comma is one value: nothing is split.
    const tool = await callMcp('search_contacts', { where: { field_name: 'city', operator: 'not_in', values: ['Paris, TX'] } });
    expect(tool.isError).toBeFalsy();
  });

  it('refuses in/not_in without values, and values with another operator, before any request', async () => {
    const count = countRequests();
    await expect(zapier('searches', 'search_contacts', { conditions: [{ field_name: 'country', operator: 'in', value: 'US,CA' }] })).rejects.toThrow(
      /conditions\[0\]\.values: is required for the operator in/,
    );
    const extra = await callMcp('search_contacts', { conditions: [{ field_name: 'country', operator: 'eq', value: 'US', values: ['CA'] }] });
    expect(textOf(extra)).toMatch(/conditions\[0\]\.values: must be left out for the operator eq/);
    expect(count()).toBe(0);
  });

  it('takes a condition tree on MCP and a raw query', async () => {
    sendgrid().post('/v3/marketing/contacts/search', { query: "email LIKE 'ada%' OR CONTAINS(list_ids, '" + LIST + "')" }).reply(200, { result: [], contact_count: 0 });
    sendgrid().post('/v3/marketing/contacts/search', { query: "first_name = 'Ada'" }).reply(200, { result: [contact()], contact_count: 1 });
    const tree = await callMcp('search_contacts', { where: { or: [{ field_name: 'email', operator: 'like', value: 'ada%' }, { field_name: 'list_ids', operator: 'in_list', value: LIST }] } });
    expect(tree.structuredContent).toEqual({ items: [] });
    const raw = await callMcp('search_contacts', { query: "first_name = 'Ada'" });
    expect(textOf(raw)).toMatch(/Found 1 contact/);
  });

  it('on Zapier, takes the condition tree as JSON text', async () => {
    sendgrid().post('/v3/marketing/contacts/search', { query: "city = 'Paris' AND created_at >= '2026-03-01T00:00:00Z'" }).reply(200, { result: [], contact_count: 0 });
    const where = JSON.stringify({ and: [{ field_name: 'city', operator: 'eq', value: 'Paris' }, { field_name: 'created_at', operator: 'ge', value: '2026-03-01' }] });
    await expect(zapier('searches', 'search_contacts', { where })).resolves.toEqual([]);
  });

  it('refuses a quote in a value, and two ways of searching at once, before any request', async () => {
    const count = countRequests();
    const quoted = await callMcp('search_contacts', { conditions: [{ field_name: 'last_name', operator: 'eq', value: "O'Hara" }] });
    expect(textOf(quoted)).toMatch(/conditions\[0\]\.value: must not contain quotes/);
    const both = await callMcp('search_contacts', { query: "city = 'Paris'", conditions: [{ field_name: 'city', operator: 'eq', value: 'Paris' }] });
    expect(textOf(both)).toMatch(/give exactly one of conditions, where or query/);
    expect(count()).toBe(0);
  });
});

describe('list_recent_contacts (the contact dropdown)', () => {
  it('returns SendGrid\'s sample with a label per contact, and says it is only a sample', async () => {
    const noName = { id: CONTACT.replace('0a', '1b'), email: 'grace@example.com', list_ids: [], segment_ids: [], created_at: '2026-03-02T09:41:17Z', updated_at: '2026-03-02T09:41:17Z' };
    sendgrid().get('/v3/marketing/contacts').twice().reply(200, { result: [contact({ last_name: 'Lovelace' }), noName], contact_count: 5230 });
    await expect(zapier('triggers', 'list_recent_contacts', {})).resolves.toEqual([
      expect.objectContaining({ id: CONTACT, label: 'Ada Lovelace <ada@example.com>' }),
      expect.objectContaining({ id: noName.id, label: 'grace@example.com' }),
    ]);
    const result = await callMcp('list_recent_contacts', {});
    expect(textOf(result)).toMatch(/sample of 2 recent contact\(s\), not every contact; use search_contacts or export_contacts/);
    expect((result.structuredContent as { items: { label: string }[] }).items.map((c) => c.label)).toEqual(['Ada Lovelace <ada@example.com>', 'grace@example.com']);
  });

  it('refuses an unknown argument before any request', async () => {
    const count = countRequests();
    const result = await callMcp('list_recent_contacts', { page_size: 100 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/page_size: is not a known field/);
    expect(count()).toBe(0);
  });

  it('is the dropdown of every contact id field, and get_contact can also use Find Contacts by Email', () => {
    const fields = (kind: 'creates' | 'searches', key: string) =>
      (app[kind] as Record<string, { operation: { inputFields: { key: string; dynamic?: string; search?: string; list?: boolean }[] } }>)[key]!.operation.inputFields;
    expect(fields('searches', 'get_contact').find((f) => f.key === 'contact_id')).toMatchObject({
      dynamic: 'list_recent_contacts.id.label',
      search: 'find_contacts_by_email.id',
      type: 'string',
    });
    for (const key of ['delete_contacts', 'remove_contacts_from_list'])
      expect(fields('creates', key).find((f) => f.key === 'contact_ids')).toMatchObject({ dynamic: 'list_recent_contacts.id.label', list: true });
  });
});

describe('count_contacts', () => {
  it('counts every contact of the account', async () => {
    sendgrid().get('/v3/marketing/contacts/count').twice().reply(200, { contact_count: 5230, billable_count: 5102 });
    await expect(zapier('searches', 'count_contacts', {})).resolves.toEqual([{ contact_count: 5230, billable_count: 5102 }]);
    expect(textOf(await callMcp('count_contacts', {}))).toMatch(/The account has 5,230 contact\(s\), 5,102 billable/);
  });

  it('counts the contacts of one list, on both faces', async () => {
    sendgrid().get(`/v3/marketing/lists/${LIST}/contacts/count`).twice().reply(200, { contact_count: 5000, billable_count: 4980 });
    await expect(zapier('searches', 'count_contacts', { list_id: LIST })).resolves.toEqual([{ list_id: LIST, contact_count: 5000, billable_count: 4980 }]);
    const result = await callMcp('count_contacts', { list_id: LIST });
    expect(result.structuredContent).toEqual({ list_id: LIST, contact_count: 5000, billable_count: 4980 });
    expect(textOf(result)).toContain(`List ${LIST} has 5,000 contact(s), 4,980 billable`);
  });

  it('reports a list that does not exist as not found', async () => {
    sendgrid().get(`/v3/marketing/lists/${LIST}/contacts/count`).reply(404, { errors: [{ field: null, message: 'list not found' }] });
    const result = await callMcp('count_contacts', { list_id: LIST });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/not found/i);
  });

  it('refuses a list id that is not one, before any request', async () => {
    const count = countRequests();
    await expect(zapier('searches', 'count_contacts', { list_id: '123' })).rejects.toThrow(/list_id: must be a list id/);
    expect(textOf(await callMcp('count_contacts', { list_id: 'Newsletter' }))).toMatch(/list_id: must be a list id/);
    expect(count()).toBe(0);
  });
});

describe('delete_contacts', () => {
  it('deletes contacts by id on both faces', async () => {
    sendgrid().delete('/v3/marketing/contacts').query({ ids: `${CONTACT},${CONTACT.replace('0a', '1b')}` }).reply(202, { job_id: JOB });
    sendgrid().delete('/v3/marketing/contacts').query({ ids: CONTACT }).reply(202, { job_id: JOB });
    await expect(zapier('creates', 'delete_contacts', { contact_ids: [CONTACT, CONTACT.replace('0a', '1b')] })).resolves.toMatchObject({ status: 'queued', deleting: 2 });
    const result = await callMcp('delete_contacts', { contact_ids: [CONTACT] });
    expect(textOf(result)).toMatch(`queued the deletion of 1 contact(s) as job ${JOB}`);
  });

  it('deletes every contact only with the exact confirmation', async () => {
    const count = countRequests();
    for (const args of [{ delete_all_contacts: true }, { delete_all_contacts: true, confirm: 'yes' }]) {
      const refused = await callMcp('delete_contacts', args);
      expect(textOf(refused)).toMatch(/confirm: must be exactly "DELETE ALL CONTACTS"/);
    }
    const neither = await callMcp('delete_contacts', {});
    expect(textOf(neither)).toMatch(/contact_ids: give the ids/);
    expect(count()).toBe(0);
    nock.cleanAll();
    sendgrid().delete('/v3/marketing/contacts').query({ delete_all_contacts: 'true' }).reply(202, { job_id: JOB });
    const result = await callMcp('delete_contacts', { delete_all_contacts: true, confirm: 'DELETE ALL CONTACTS' });
    expect(result.structuredContent).toMatchObject({ status: 'queued', deleting: 'all', job_id: JOB });
  });
});

describe('export_contacts and get_contact_export', () => {
  const ready = { id: 'exp-1', status: 'ready', created_at: '2026-03-05T14:02:51Z', updated_at: '2026-03-05T14:03:40Z', expires_at: '2026-03-08T14:03:40Z', urls: ['https://files.example.net/exp-1.csv'], contact_count: 3 };

  it('starts an export with only the declared properties', async () => {
    withList();
    sendgrid()
      .post('/v3/marketing/contacts/exports', { list_ids: [LIST], file_type: 'json', max_file_size: 100, notifications: { email: true } })
      .reply(202, { id: 'exp-1', _metadata: {} });
    const result = await zapier('creates', 'export_contacts', { list_ids: [LIST], file_type: 'json', max_file_size: '100', notify_by_email: 'true' });
    expect(result).toMatchObject({ id: 'exp-1', status: 'pending' });
  });

  it('on MCP, waits for the download links', async () => {
    sendgrid().post('/v3/marketing/contacts/exports', {}).reply(202, { id: 'exp-1', _metadata: {} });
    sendgrid().get('/v3/marketing/contacts/exports/exp-1').reply(200, ready);
    const result = await callMcp('export_contacts', { wait_until_ready: true });
    expect(result.structuredContent).toMatchObject({ status: 'ready', urls: ready.urls });
    expect(textOf(result)).toMatch(/ready: 1 file\(s\) with 3 contact\(s\)/);
  });

  it('reads an export on both faces', async () => {
    sendgrid().get('/v3/marketing/contacts/exports/exp-1').twice().reply(200, ready);
    await expect(zapier('searches', 'get_contact_export', { export_id: 'exp-1' })).resolves.toEqual([expect.objectContaining({ status: 'ready' })]);
    expect((await callMcp('get_contact_export', { export_id: 'exp-1' })).structuredContent).toMatchObject({ urls: ready.urls });
  });
});

describe('list_contact_exports (the Export dropdown)', () => {
  const job = (id: string, status: string, created_at: string) => ({
    id,
    status,
    created_at,
    expires_at: '2026-12-03T09:00:00Z',
    export_type: 'list_export',
    lists: [{ ID: LIST, Name: 'Newsletter' }],
    segments: [],
    ...(status === 'ready' ? { completed_at: created_at, urls: [`https://files.example.net/${id}.csv`] } : {}),
  });
  const older = job('exp-1', 'ready', '2026-11-29T08:15:00Z');
  const newer = job('exp-2', 'pending', '2026-11-30T14:02:51Z');

  it('lists the exports newest first, labelled with their date and status, on both faces', async () => {
    sendgrid().get('/v3/marketing/contacts/exports').twice().reply(200, { result: [older, newer], _metadata: {} });
    await expect(zapier('triggers', 'list_contact_exports', {}, { page: 0 })).resolves.toEqual([
      { ...newer, label: 'Export of 2026-11-30 14:02 UTC (pending)' },
      { ...older, label: 'Export of 2026-11-29 08:15 UTC (ready)' },
    ]);
    const result = await callMcp('list_contact_exports', {});
    expect((result.structuredContent as { items: { id: string }[] }).items.map((e) => e.id)).toEqual(['exp-2', 'exp-1']);
    expect(textOf(result)).toMatch(/^Found 2 contact export\(s\), 1 ready to download\./);
  });

  it('gives an empty list when SendGrid holds no export', async () => {
    sendgrid().get('/v3/marketing/contacts/exports').reply(200, { result: [], _metadata: {} });
    const result = await callMcp('list_contact_exports', {});
    expect(result.structuredContent).toEqual({ items: [] });
    expect(textOf(result)).toMatch(/^Found 0 contact export\(s\)\./);
  });

  it('refuses an unknown argument before any request', async () => {
    const count = countRequests();
    const result = await callMcp('list_contact_exports', { status: 'ready' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/status: is not a known field/);
    expect(count()).toBe(0);
  });

  it('fills the Export dropdown of get_contact_export', () => {
    const fields = (app.searches as Record<string, { operation: { inputFields: { key: string; dynamic?: string }[] } }>).get_contact_export!.operation.inputFields;
    expect(fields.find((f) => f.key === 'export_id')).toMatchObject({ dynamic: 'list_contact_exports.id.label', label: 'Export' });
  });
});

describe('import_contacts_csv', () => {
  const upload = { job_id: JOB, upload_uri: 'https://uploads.example.net/imports/abc?sig=1', upload_headers: [{ header: 'Content-Type', value: 'text/csv' }] };
  const csv = 'email,first_name,loyalty_points\nada@example.com,Ada,120\n';

  it('maps the header row to field ids, creates the job and uploads the file without the key', async () => {
    withDefinitions();
    withList();
    sendgrid().put('/v3/marketing/contacts/imports', { list_ids: [LIST], file_type: 'csv', field_mappings: ['_rf2_T', '_rf0_T', 'e2_N'] }).reply(200, upload);
    nock('https://uploads.example.net', { badheaders: ['authorization'], reqheaders: { 'content-type': 'text/csv' } })
      .put('/imports/abc', csv)
      .query({ sig: '1' })
      .reply(200);
    const result = await zapier('creates', 'import_contacts_csv', { csv, list_ids: [LIST] });
    expect(result).toMatchObject({ status: 'queued', job_id: JOB, field_mappings: ['_rf2_T', '_rf0_T', 'e2_N'] });
    expect(result.upload_uri).toBeUndefined();
  });

  it('without a file, returns the upload address for the caller', async () => {
    withDefinitions();
    sendgrid().put('/v3/marketing/contacts/imports', { file_type: 'csv', field_mappings: ['_rf2_T', null] }).reply(200, upload);
    const result = await callMcp('import_contacts_csv', { field_mappings: ['email', '-'] });
    expect(result.structuredContent).toMatchObject({ status: 'awaiting_upload', upload_uri: upload.upload_uri });
  });

  it('reads a CSV from an https link', async () => {
    nock('https://files.example.net', { badheaders: ['authorization'] }).get('/people.csv').reply(200, csv);
    withDefinitions();
    sendgrid().put('/v3/marketing/contacts/imports').reply(200, upload);
    nock('https://uploads.example.net').put('/imports/abc', csv).query(true).reply(200);
    const result = await callMcp('import_contacts_csv', { csv_url: 'https://files.example.net/people.csv' });
    expect(result.structuredContent).toMatchObject({ status: 'queued' });
  });

  it('refuses an unknown column, and a link that is not public https, before any write', async () => {
    withDefinitions();
    const writes = countWrites();
    const unknown = await callMcp('import_contacts_csv', { csv: 'email,shoe_size\nada@example.com,9\n' });
    expect(textOf(unknown)).toMatch(/csv header\[1\]: "shoe_size" is not a field of this SendGrid account/);
    for (const url of ['http://files.example.net/a.csv', 'https://127.0.0.1/a.csv']) {
      const refused = await callMcp('import_contacts_csv', { csv_url: url });
      expect(textOf(refused)).toMatch(/csv_url: must be/);
    }
    expect(writes()).toBe(0);
  });

  it('refuses a CSV without an identifier column', async () => {
    withDefinitions();
    const writes = countWrites();
    const result = await callMcp('import_contacts_csv', { csv: 'first_name\nAda\n' });
    expect(textOf(result)).toMatch(/no column is an identifier/);
    expect(writes()).toBe(0);
  });
});


describe('waitForJob', () => {
  /** An api whose clock moves only when it sleeps, with `totalMs` for the whole call. */
  function clockApi(totalMs: number) {
    let now = 0;
    const sleeps: number[] = [];
    const progress: string[] = [];
    const api = {
      remainingMs: () => totalMs - now,
      sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)),
      progress: (_p: number, _t?: number, message?: string) => void progress.push(message ?? ''),
    } as unknown as SendGridApi;
    return { api, sleeps, progress };
  }

  it('backs off 1, 2, 4, 8, 8 … seconds and stops in time to answer', async () => {
    const { api, sleeps, progress } = clockApi(45_000);
    let reads = 0;
    const result = await waitForJob(api, { read: async () => (reads++, 'pending'), finished: (s) => s !== 'pending', describe: (s) => `job: ${s}` });
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000, 2000]);
    expect(sleeps.reduce((a, b) => a + b)).toBe(45_000 - RESERVE_MS);
    expect(result).toEqual({ job: 'pending', finished: false, polls: reads, waited: 41 });
    expect(progress.at(-1)).toBe('job: pending');
  });

  it('returns as soon as the job has finished', async () => {
    const { api, sleeps } = clockApi(45_000);
    const states = ['pending', 'pending', 'completed'];
    const result = await waitForJob(api, { read: async () => states.shift()!, finished: (s) => s === 'completed', describe: (s) => s });
    expect(sleeps).toEqual([1000, 2000]);
    expect(result).toMatchObject({ job: 'completed', finished: true, polls: 3 });
  });
});

describe('import_contacts_csv links', () => {
  it('follows a redirect to a public host, and refuses one to a private host before any write', async () => {
    nock('https://files.example.net').get('/share/1').reply(302, '', { location: 'https://cdn.example.net/people.csv' });
    nock('https://cdn.example.net').get('/people.csv').reply(200, 'email\nada@example.com\n');
    withDefinitions();
    sendgrid().put('/v3/marketing/contacts/imports', { file_type: 'csv', field_mappings: ['_rf2_T'] }).reply(200, {
      job_id: JOB,
      upload_uri: 'https://uploads.example.net/imports/abc',
      upload_headers: [],
    });
    nock('https://uploads.example.net').put('/imports/abc', 'email\nada@example.com\n').reply(200);
    expect((await callMcp('import_contacts_csv', { csv_url: 'https://files.example.net/share/1' })).structuredContent).toMatchObject({ status: 'queued' });

    nock('https://files.example.net').get('/share/2').reply(302, '', { location: 'https://169.254.169.254/latest/meta-data' });
    const writes = countWrites();
    const refused = await callMcp('import_contacts_csv', { csv_url: 'https://files.example.net/share/2' });
    expect(textOf(refused)).toMatch(/csv_url: must be on a public host, not 169\.254\.169\.254/);
    expect(writes()).toBe(0);
  });
});

describe('keyless requests to other hosts', () => {
  it('refuses, when connecting, a name that resolves to a private address', async () => {
    // The real socket path (nock lets localhost through): the check runs where the connection is made.
    await expect(keylessRequest('https://localhost:9/people.csv', { maxRedirects: 5 })).rejects.toThrow(/localhost resolves to .*private or local address/);
  });

  it('lets a URL SendGrid returned reach a local address only on the API\'s own host reached over http', async () => {
    const sandboxApi = returnedUrlPolicy('http://127.0.0.1:3010');
    await expect(keylessRequest('http://10.0.0.5/uploads/1', { method: 'PUT', body: 'x', policy: sandboxApi })).rejects.toThrow(/10\.0\.0\.5 is a private or local address/);
    await expect(keylessRequest('http://127.0.0.1/uploads/1', { policy: returnedUrlPolicy('https://api.sendgrid.com') })).rejects.toThrow(/only https:\/\/ URLs/);
    await expect(keylessRequest('https://127.0.0.1/uploads/1', { policy: returnedUrlPolicy('https://api.sendgrid.com') })).rejects.toThrow(/127\.0\.0\.1 is a private or local address/);
  });
});

describe('on the embedded sandbox', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('upserts and waits, then finds the contact with its custom field by name', async () => {
    sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false });
    const client = await mcpClient(sandbox.url);
    try {
      const upserted = await client.call('upsert_contacts', {
        contacts: [{ email: 'linus@example.com', first_name: 'Linus', custom_fields: { [SEED.numberFieldName]: 3 } }],
        list_ids: [SEED.listId],
        wait_until_processed: true,
      });
      expect(upserted.structuredContent).toMatchObject({ status: 'completed', contact_count: 1 });
      const found = await client.call('find_contacts_by_email', { emails: ['linus@example.com'] });
      expect(found.structuredContent).toMatchObject({ items: [{ email: 'linus@example.com', custom_fields: { [SEED.numberFieldName]: 3 } }] });
    } finally {
      await client.close();
    }
  });

  it('imports a CSV: uploads it to the address the API returned and waits for the counts', async () => {
    sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false });
    const client = await mcpClient(sandbox.url);
    try {
      const result = await client.call('import_contacts_csv', {
        csv: `email,first_name\nmargaret@example.com,Margaret\nkatherine@example.com,Katherine\n`,
        wait_until_processed: true,
      });
      expect(textOf(result)).toMatch(/completed: 2 created/);
      expect(sandbox.errors).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
