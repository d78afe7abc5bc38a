// End-to-end contact flows on the embedded sandbox, through the MCP server (the real SDK client in
// process): custom fields by name from upsert to search, segment and export; an unknown field refused
// before any write; a queued upsert never reported as saved; and a long wait reported as progress.
import type { CallToolResult, Progress } from '@modelcontextprotocol/sdk/types.js';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { mcpClient, textOf } from '../unit/helpers';

let sandbox: Sandbox;
let mcp: Awaited<ReturnType<typeof mcpClient>>;

async function open(jobDelayMs: number) {
  sandbox = await startSandbox({ jobDelayMs, webhookDelivery: false });
  mcp = await mcpClient(sandbox.url);
}
afterEach(async () => {
  await mcp?.close();
  await sandbox?.close();
});

/** The one human line beside the structured result (the first text block). */
const summaryOf = (result: CallToolResult) => (result.content[0]?.type === 'text' ? result.content[0].text : '');

/** The structured result of a successful tool call; a failed call fails the test with its message. */
function ok(result: CallToolResult): any {
  if (result.isError) throw new Error(`the tool failed: ${textOf(result)}`);
  return result.structuredContent;
}

/** Every request the sandbox answers, as "METHOD /path" (the sandbox consults its faults for each one). */
function recordRequests(): string[] {
  const seen: string[] = [];
  const take = sandbox.faults.take.bind(sandbox.faults);
  jest.spyOn(sandbox.faults, 'take').mockImplementation((method, path, template) => {
    seen.push(`${method} ${path}`);
    return take(method, path, template);
  });
  return seen;
}

const LIN = 'lin.zhou@example.com';
const OMAR = 'omar.farouk@example.com';

it('custom field by name: create it, upsert with it, find it, segment on it, export it', async () => {
  await open(300);

  // 1. A Text custom field.
  const fieldResult = await mcp.call('create_custom_field', { name: 'plan_tier', field_type: 'Text' });
  const field = ok(fieldResult);
  expect(field).toMatchObject({ id: expect.stringMatching(/^e\d+_T$/), name: 'plan_tier', field_type: 'Text' });
  expect(summaryOf(fieldResult)).toBe(`Created Text custom field "plan_tier" (id ${field.id}).`);

  // 2. Contacts with it, by name, into a new list; waited for.
  const list = ok(await mcp.call('create_list', { name: 'Trial Conversions' }));
  const upsert = ok(
    await mcp.call('upsert_contacts', {
      contacts: [
        { email: LIN, first_name: 'Lin', custom_fields: { plan_tier: 'pro' } },
        { email: OMAR, first_name: 'Omar', custom_fields: { plan_tier: 'free', loyalty_points: 15 } },
      ],
      list_ids: [list.id],
      wait_until_processed: true,
    }),
  );
  expect(upsert).toMatchObject({ status: 'completed', jobs: [{ status: 'completed', results: { requested_count: 2, created_count: 2, errored_count: 0 } }] });
  // SendGrid got ids, not names.
  const stored = sandbox.state.contacts.find((c) => c.email === LIN)!;
  expect(stored.custom_fields).toEqual({ [field.id]: 'pro' });

  // 3. Found by email, the field shown by its name.
  const found = ok(await mcp.call('find_contacts_by_email', { emails: [LIN, OMAR] })).items as any[];
  expect(found.find((c) => c.email === LIN)).toMatchObject({ first_name: 'Lin', list_ids: [list.id], custom_fields: { plan_tier: 'pro' } });
  expect(found.find((c) => c.email === OMAR)).toMatchObject({ custom_fields: { plan_tier: 'free', [SEED.numberFieldName]: 15 } });
  expect(Object.keys(found.find((c) => c.email === LIN).custom_fields)).toEqual(['plan_tier']);

  // 4. A segment from a structured condition on that field: only Lin is in it.
  const segmentResult = await mcp.call('create_segment', { name: 'Pro tier', conditions: [{ field_name: 'plan_tier', operator: 'eq', value: 'pro' }] });
  const segment = ok(segmentResult);
  expect(segment).toMatchObject({ id: expect.any(String), name: 'Pro tier', query_dsl: expect.stringContaining("plan_tier = 'pro'") });
  const got = await mcp.call('get_segment', { segment_id: segment.id });
  expect(ok(got)).toMatchObject({ contacts_count: 1, contacts_sample: [expect.objectContaining({ email: LIN, custom_fields: { plan_tier: 'pro' } })] });
  expect(summaryOf(got)).toBe(`Segment "Pro tier" (id ${segment.id}) has 1 contact(s).`);

  // 5. The list exported, waited for; the file at the returned URL holds both contacts and the field.
  const exportResult = await mcp.call('export_contacts', { list_ids: [list.id], file_type: 'csv', wait_until_ready: true });
  const exported = ok(exportResult);
  expect(exported).toMatchObject({ status: 'ready', contact_count: 2, urls: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/.+\.csv$/)] });
  expect(summaryOf(exportResult)).toMatch(/^The export [0-9a-f-]+ is ready: 1 file\(s\) with 2 contact\(s\)/);
  const file = await fetch(exported.urls[0]);
  expect(file.status).toBe(200);
  const [header, ...rows] = (await file.text()).trim().split('\n').map((line) => line.split(','));
  const column = (name: string) => header!.indexOf(name);
  expect(column('EMAIL')).toBeGreaterThanOrEqual(0);
  expect(column('PLAN_TIER')).toBeGreaterThanOrEqual(0);
  expect(rows.map((r) => [r[column('EMAIL')], r[column('FIRST_NAME')], r[column('PLAN_TIER')]]).sort()).toEqual([
    [LIN, 'Lin', 'pro'],
    [OMAR, 'Omar', 'free'],
  ]);

  expect(sandbox.errors).toEqual([]);
}, 30_000);

describe('upsert_contacts refuses and reports honestly', () => {
  it('refuses an unknown custom field name, listing the known ones, and writes nothing', async () => {
    await open(0);
    const contactsBefore = structuredClone(sandbox.state.contacts);
    const jobsBefore = sandbox.state.jobs.length;
    const requests = recordRequests();

    const result = await mcp.call('upsert_contacts', {
      contacts: [{ email: SEED.contactEmail, first_name: 'Augusta', custom_fields: { favourite_colour: 'teal' } }],
      list_ids: [SEED.listId],
      wait_until_processed: true,
    });
    expect(result.isError).toBe(true);
    const message = textOf(result);
    expect(message).toContain('contacts[0].custom_fields.favourite_colour');
    expect(message).toContain('is not a custom field of this SendGrid account');
    expect(message).toContain(`known custom fields: ${SEED.customFieldName} (Text), ${SEED.numberFieldName} (Number), ${SEED.dateFieldName} (Date)`);

    // Reads only (the list check, the field definitions); no upsert reached the sandbox.
    expect(requests).toContain('GET /v3/marketing/field_definitions');
    expect(requests.filter((r) => !r.startsWith('GET '))).toEqual([]);
    expect(sandbox.state.contacts).toEqual(contactsBefore);
    expect(sandbox.state.jobs).toHaveLength(jobsBefore);
    const ada = ok(await mcp.call('find_contacts_by_email', { emails: [SEED.contactEmail] })).items[0];
    expect(ada.first_name).toBe('Ada');
  });

  it('reports an upsert it did not wait for as queued, not saved; the contacts appear once the job runs', async () => {
    await open(60_000);
    const result = await mcp.call('upsert_contacts', { contacts: [{ email: 'kofi.mensah@example.com', first_name: 'Kofi' }] });
    const queued = ok(result);
    expect(queued).toMatchObject({ status: 'queued', contact_count: 1, job_id: expect.any(String) });
    expect(queued.jobs[0].results).toBeUndefined();
    const summary = summaryOf(result);
    expect(summary).toMatch(/queued 1 contact\(s\)/);
    expect(summary).toContain('not saved yet');
    expect(summary).not.toMatch(/\b(created|saved 1|added)\b/i);

    // True to the word: SendGrid has not saved it yet.
    expect(ok(await mcp.call('find_contacts_by_email', { emails: ['kofi.mensah@example.com'] })).items).toEqual([]);
    expect(ok(await mcp.call('get_contact_import_status', { job_id: queued.job_id }))).toMatchObject({ status: 'pending' });
    await sandbox.advance(60_000);
    expect(ok(await mcp.call('find_contacts_by_email', { emails: ['kofi.mensah@example.com'] })).items).toEqual([expect.objectContaining({ first_name: 'Kofi' })]);
  });
});

it('reports progress while it waits for a slow job, then returns the counts', async () => {
  await open(2_500);
  const progress: Progress[] = [];
  const started = Date.now();
  const result = (await mcp.client.callTool(
    {
      name: 'upsert_contacts',
      arguments: {
        contacts: [
          { email: 'priya.nair@example.com', first_name: 'Priya' },
          { email: SEED.contactEmail, last_name: 'King' },
        ],
        list_ids: [SEED.secondListId],
        wait_until_processed: true,
      },
    },
    undefined,
    { onprogress: (p) => progress.push(p) },
  )) as CallToolResult;

  const upsert = ok(result);
  expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  expect(upsert).toMatchObject({
    status: 'completed',
    contact_count: 2,
    jobs: [{ status: 'completed', results: { requested_count: 2, created_count: 1, updated_count: 1, errored_count: 0 } }],
  });
  expect(summaryOf(result)).toMatch(/1 created, 1 updated/);

  // At least one "still pending" report while waiting, and a final one at 1 of 1.
  expect(progress.length).toBeGreaterThanOrEqual(2);
  expect(progress[0]).toMatchObject({ progress: 0, total: 1, message: expect.stringMatching(new RegExp(`contact upsert ${upsert.job_id}: pending`)) });
  expect(progress.at(-1)).toMatchObject({ progress: 1, total: 1, message: expect.stringContaining('completed') });
  for (const [i, p] of progress.entries()) if (i) expect(p.progress).toBeGreaterThanOrEqual(progress[i - 1]!.progress);
}, 30_000);
