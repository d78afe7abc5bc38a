// Single Sends (draft, update, duplicate, schedule, unschedule, get, list, delete) and their statistics.
import nock from 'nock';
import app from '../../index';
import { API, callMcp, countRequests, cursorService, mcpClient, sendgrid, textOf, zapier } from './helpers';

const ID = '27c8b3e4-6d1a-4f9b-8e2c-5a7d0b3c1f64';
const LIST = 'ca7a3796-e8a8-4029-9ccb-df8937940562';
const LIST_2 = '5b6d3e2a-44a1-4c4f-9f0f-6c8c0b1d2e3f';
const SEGMENT = '7f3b2c1d-9e8a-4b6c-a5d4-3e2f1a0b9c8d';
const PATH = `/v3/marketing/singlesends/${ID}`;
const DESIGN = '3247eaea-c912-42a3-b0bc-60bdaf210396';

const draft = (extra: Record<string, unknown> = {}) => ({
  id: ID,
  name: 'Spring Sale',
  status: 'draft',
  categories: ['promotions'],
  send_at: null,
  send_to: { list_ids: [LIST] },
  email_config: { subject: 'Our spring sale starts today', sender_id: 3920112, suppression_group_id: 4127 },
  created_at: '2026-03-01T16:24:42Z',
  updated_at: '2026-03-01T16:24:42Z',
  ...extra,
});

/** Captures the JSON body nock receives. */
const capture = () => {
  const box: { body?: unknown } = {};
  return { box, match: (body: unknown) => ((box.body = body), true) };
};

describe('create_single_send', () => {
  it('on Zapier, creates a draft from form values and says it is a draft, not sent', async () => {
    const { box, match } = capture();
    sendgrid().post('/v3/marketing/singlesends', match).reply(201, draft());
    const result = await zapier('creates', 'create_single_send', {
      name: ' Spring Sale ',
      subject: 'Our spring sale starts today',
      sender_id: '3920112', // Zapier sends numbers as text
      list_ids: [LIST, LIST_2],
      html_content: '<h1>Spring sale</h1>',
      plain_content: 'Spring sale',
      unsubscribe_group_id: '4127',
      categories: ['promotions', 'promotions', 'spring'],
      segment_ids: '',
      send_to_all: '',
    });
    expect(box.body).toEqual({
      name: 'Spring Sale',
      categories: ['promotions', 'spring'],
      send_to: { list_ids: [LIST, LIST_2] },
      email_config: {
        subject: 'Our spring sale starts today',
        html_content: '<h1>Spring sale</h1>',
        // Kept as written, rather than regenerated from the HTML.
        plain_content: 'Spring sale',
        generate_plain_content: false,
        sender_id: 3920112,
        suppression_group_id: 4127,
      },
    });
    expect(result).toMatchObject({ id: ID, status: 'draft', note: expect.stringContaining('draft; schedule it to send') });
  });

  it('on MCP, sends to all contacts with a design and a custom unsubscribe URL', async () => {
    const { box, match } = capture();
    sendgrid().post('/v3/marketing/singlesends', match).reply(201, draft({ name: 'Holiday Hours' }));
    const result = await callMcp('create_single_send', {
      name: 'Holiday Hours',
      send_to_all: true,
      design_id: 'b3c1f2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      custom_unsubscribe_url: 'https://example.com/unsubscribe',
    });
    expect(result.isError).toBeFalsy();
    expect(box.body).toEqual({
      name: 'Holiday Hours',
      send_to: { all: true },
      email_config: { design_id: 'b3c1f2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b', custom_unsubscribe_url: 'https://example.com/unsubscribe' },
    });
    expect(result.content[0]).toEqual({
      type: 'text',
      text: `Created Single Send "Holiday Hours" (id ${ID}): draft; schedule it to send. Nothing was sent.`,
    });
    expect(result.structuredContent).toMatchObject({ note: expect.stringContaining('draft; schedule it to send') });
  });

  it('states the draft in its description, and the recipient and unsubscribe rules', async () => {
    const client = await mcpClient();
    const { tools } = await client.client.listTools();
    await client.close();
    const tool = tools.find((t) => t.name === 'create_single_send')!;
    expect(tool.description).toMatch(/draft .*sending nothing: schedule_single_send sends it/);
    const fields = tool.inputSchema.properties as Record<string, { description?: string }>;
    expect(fields.send_to_all?.description).toMatch(/exactly one of lists, segments or all contacts/);
    expect(fields.unsubscribe_group_id?.description).toMatch(/custom unsubscribe URL \(not both\)/);
    // The agent's schema is strict: UUIDs, limits, no unknown fields.
    expect(tool.inputSchema).toMatchObject({
      additionalProperties: false,
      required: ['name'],
      properties: {
        list_ids: { type: 'array', maxItems: 50, items: { format: 'uuid' } },
        segment_ids: { type: 'array', maxItems: 10 },
        categories: { maxItems: 10 },
        name: { maxLength: 100 },
      },
    });
  });

  const base = { name: 'Spring Sale', list_ids: [LIST] };
  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['no recipients', { name: 'Spring Sale' }, /list_ids: choose who receives it/],
    ['lists and segments together', { ...base, segment_ids: [SEGMENT] }, /segment_ids: choose exactly one of list_ids, segment_ids or send_to_all/],
    ['lists and all contacts together', { ...base, send_to_all: true }, /send_to_all: choose exactly one/],
    ['both unsubscribe methods', { ...base, unsubscribe_group_id: 4127, custom_unsubscribe_url: 'https://example.com/u' }, /custom_unsubscribe_url: give an unsubscribe group or a custom unsubscribe URL, not both/],
    ['a design with a subject', { ...base, design_id: DESIGN, subject: 'Hi' }, /subject: leave it out when using a design_id/],
    ['a design id that is not a UUID', { ...base, design_id: 'Welcome Email' }, /design_id: must be a design id \(a UUID\)/],
    ['a list id that is not a UUID', { name: 'Spring Sale', list_ids: ['newsletter'] }, /list_ids\[0\]: must be a list id \(a UUID\)/],
    ['more than 10 segments', { name: 'Spring Sale', segment_ids: Array(11).fill(SEGMENT) }, /segment_ids: Too big/],
    ['a name over 100 characters', { ...base, name: 'x'.repeat(101) }, /name: Too big/],
    ['an unsubscribe URL that is not http(s)', { ...base, custom_unsubscribe_url: 'mailto:stop@example.com' }, /custom_unsubscribe_url: Invalid URL/],
    ['a subject with a line break', { ...base, subject: 'Hi\r\nBcc: x@example.com' }, /subject: must be one line/],
    ['an unknown field', { ...base, send_at: '2030-01-01T00:00:00Z' }, /send_at: is not a known field/],
  ];

  it.each(refused)('on Zapier, refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('creates', 'create_single_send', input)).rejects.toThrow(message);
    expect(count()).toBe(0);
  });

  it.each(refused)('on MCP, refuses %s before any request', async (_name, input, message) => {
    const count = countRequests();
    const result = await callMcp('create_single_send', input);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(count()).toBe(0);
  });
});

describe('update_single_send', () => {
  it('on Zapier, sends only what changes, and the current name, which the spec requires in every PATCH', async () => {
    const { box, match } = capture();
    sendgrid().get(PATH).reply(200, draft());
    sendgrid().patch(PATH, match).reply(202, draft({ email_config: { subject: 'Last chance' } }));
    const result = await zapier('creates', 'update_single_send', { id: ID, subject: 'Last chance', name: '', list_ids: '' });
    expect(box.body).toEqual({ name: 'Spring Sale', email_config: { subject: 'Last chance' } });
    expect(result).toMatchObject({ id: ID, note: expect.stringContaining('draft; schedule it to send') });
  });

  it('on MCP, replaces the recipients and the unsubscribe method as a whole', async () => {
    const { box, match } = capture();
    sendgrid().patch(PATH, match).reply(202, draft({ name: 'Spring Sale (final)' }));
    const result = await callMcp('update_single_send', {
      id: ID,
      name: 'Spring Sale (final)',
      segment_ids: [SEGMENT],
      custom_unsubscribe_url: 'https://example.com/u',
    });
    expect(box.body).toEqual({
      name: 'Spring Sale (final)',
      send_to: { list_ids: [], segment_ids: [SEGMENT], all: false },
      email_config: { custom_unsubscribe_url: 'https://example.com/u', suppression_group_id: null },
    });
    // A new name is given, so the current one is not read first.
    expect(textOf(result)).toMatch(/^Updated Single Send "Spring Sale \(final\)" \(id .*\): draft; schedule it to send\. Nothing was sent\./);
  });

  it('reports an unknown Single Send from the read of its name, without changing anything', async () => {
    sendgrid().get(PATH).reply(404, { errors: [{ field: null, message: 'not found' }] });
    const count = countRequests();
    await expect(zapier('creates', 'update_single_send', { id: ID, subject: 'Hi' })).rejects.toThrow(/found nothing at GET .* \(404\)/);
    expect(count()).toBe(0);
  });

  it.each([
    ['nothing to change', { id: ID }, /name: give at least one field to change/],
    ['send_to_all false alone', { id: ID, send_to_all: false }, /send_to_all: false chooses no recipients/],
    ['two ways of choosing recipients', { id: ID, list_ids: [LIST], send_to_all: true }, /choose exactly one/],
    ['an id that is not a UUID', { id: '42', subject: 'Hi' }, /id: must be a Single Send id \(a UUID\)/],
  ])('refuses %s before any request, on both faces', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('creates', 'update_single_send', input)).rejects.toThrow(message);
    const result = await callMcp('update_single_send', input);
    expect(textOf(result)).toMatch(message);
    expect(count()).toBe(0);
  });
});

describe('duplicate_single_send', () => {
  it('on Zapier, copies with a new name', async () => {
    const { box, match } = capture();
    const copy = draft({ id: '5d3c6b1a-8e2f-4a7b-9c1d-0e4f2a6b8c3d', name: 'Spring Sale (resend)' });
    sendgrid().post(PATH, match).reply(201, copy);
    await expect(zapier('creates', 'duplicate_single_send', { id: ID, name: 'Spring Sale (resend)' })).resolves.toMatchObject({
      id: copy.id,
      note: expect.stringContaining('draft; schedule it to send'),
    });
    expect(box.body).toEqual({ name: 'Spring Sale (resend)' });
  });

  it('on MCP, lets SendGrid name the copy when no name is given', async () => {
    const { box, match } = capture();
    sendgrid().post(PATH, match).reply(201, draft({ id: '5d3c6b1a-8e2f-4a7b-9c1d-0e4f2a6b8c3d', name: 'Copy of Spring Sale' }));
    const result = await callMcp('duplicate_single_send', { id: ID });
    expect(box.body).toEqual({});
    expect(textOf(result)).toMatch(/^Duplicated Single Send .* as "Copy of Spring Sale" .*draft; schedule it to send/);
  });

  it('refuses a name over 100 characters before any request', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'duplicate_single_send', { id: ID, name: 'x'.repeat(101) })).rejects.toThrow(/name: Too big/);
    expect(count()).toBe(0);
  });
});

describe('schedule_single_send', () => {
  const future = new Date(Date.now() + 3 * 24 * 3600 * 1000);
  future.setUTCHours(9, 0, 0, 0);
  const at = future.toISOString();

  it('on Zapier, schedules at a future time given with an offset, sent as the same instant in UTC', async () => {
    const { box, match } = capture();
    sendgrid().put(`${PATH}/schedule`, match).reply(201, { send_at: at, status: 'scheduled' });
    const local = new Date(future.getTime() + 2 * 3600 * 1000).toISOString().replace('.000Z', '+02:00'); // 11:00+02:00 = 09:00Z
    const result = await zapier('creates', 'schedule_single_send', { id: ID, send_at: local });
    expect(box.body).toEqual({ send_at: at });
    expect(result).toEqual({ id: ID, status: 'scheduled', send_at: at, sending_now: false, result: `scheduled for ${at}` });
  });

  it('on MCP, sends now and says so', async () => {
    const { box, match } = capture();
    sendgrid().put(`${PATH}/schedule`, match).reply(201, { send_at: '2026-03-02T09:41:17Z', status: 'scheduled' });
    const result = await callMcp('schedule_single_send', { id: ID, send_at: 'now' });
    expect(box.body).toEqual({ send_at: 'now' });
    expect(result.structuredContent).toMatchObject({ sending_now: true, result: 'sending now' });
    expect(result.content[0]).toEqual({ type: 'text', text: `Single Send ${ID}: sending now.` });
  });

  it('reads "sending now" from a triggered status, and does not claim a schedule SendGrid did not confirm', async () => {
    sendgrid().put(`${PATH}/schedule`).reply(201, { send_at: at, status: 'triggered' });
    await expect(zapier('creates', 'schedule_single_send', { id: ID, send_at: at })).resolves.toMatchObject({ result: 'sending now' });
    sendgrid().put(`${PATH}/schedule`).reply(201, { status: 'draft' });
    await expect(zapier('creates', 'schedule_single_send', { id: ID, send_at: at })).resolves.toMatchObject({
      sending_now: false,
      result: 'not confirmed: SendGrid answered status draft',
    });
  });

  it('explains a Single Send that cannot be found', async () => {
    sendgrid().put(`${PATH}/schedule`).reply(404, { errors: [{ field: null, message: 'resource not found' }] });
    const result = await callMcp('schedule_single_send', { id: ID, send_at: at });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/found nothing at PUT .*schedule \(404\)/);
  });

  it.each([
    ['a time in the past', '2020-01-01T09:00:00Z', /send_at: is in the past/],
    ['a moment ago', new Date(Date.now() - 60_000).toISOString(), /send_at: is in the past/],
    ['a time without a zone', '2099-01-01T09:00:00', /send_at: must be .{0,2}now.{0,2} or an ISO-8601 date-time with a time zone/],
    ['a word other than now', 'tomorrow', /send_at: must be .{0,2}now/],
    ['an impossible date', '2099-02-30T09:00:00Z', /send_at: is not a real date and time/],
  ])('refuses %s before any request, on both faces', async (_name, send_at, message) => {
    const count = countRequests();
    await expect(zapier('creates', 'schedule_single_send', { id: ID, send_at })).rejects.toThrow(message);
    const result = await callMcp('schedule_single_send', { id: ID, send_at });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(count()).toBe(0);
  });
});

describe('unschedule_single_send', () => {
  it('cancels the schedule on both faces and reports a draft', async () => {
    sendgrid().delete(`${PATH}/schedule`).twice().reply(200, { send_at: null, status: 'draft' });
    await expect(zapier('creates', 'unschedule_single_send', { id: ID })).resolves.toEqual({ id: ID, status: 'draft', send_at: null });
    const result = await callMcp('unschedule_single_send', { id: ID });
    expect(textOf(result)).toMatch(/^Unscheduled Single Send .*: draft; schedule it to send\./);
  });
});

describe('delete_single_send', () => {
  it('deletes on both faces and is marked destructive for agents', async () => {
    sendgrid().delete(PATH).twice().reply(204);
    await expect(zapier('creates', 'delete_single_send', { id: ID })).resolves.toEqual({ id: ID, deleted: true });
    const client = await mcpClient();
    const { tools } = await client.client.listTools();
    const result = await client.call('delete_single_send', { id: ID });
    await client.close();
    expect(tools.find((t) => t.name === 'delete_single_send')?.annotations?.destructiveHint).toBe(true);
    expect(result.content[0]).toEqual({ type: 'text', text: `Deleted Single Send ${ID}.` });
  });

  it('refuses a missing id before any request', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'delete_single_send', {})).rejects.toThrow(/id: is required/);
    expect(count()).toBe(0);
  });
});

describe('get_single_send', () => {
  it('finds one on Zapier (as a one-item list) and on MCP', async () => {
    sendgrid().get(PATH).twice().reply(200, draft({ status: 'scheduled', send_at: '2026-05-01T09:00:00Z' }));
    await expect(zapier('searches', 'get_single_send', { id: ID })).resolves.toEqual([expect.objectContaining({ id: ID, status: 'scheduled' })]);
    const result = await callMcp('get_single_send', { id: ID });
    expect(result.content[0]).toEqual({ type: 'text', text: `Single Send "Spring Sale" (id ${ID}): scheduled, send time 2026-05-01T09:00:00Z.` });
  });

  it('says clearly when it is not found', async () => {
    sendgrid().get(PATH).reply(404, { errors: [{ field: null, message: 'Single Send not found' }] });
    await expect(zapier('searches', 'get_single_send', { id: ID })).rejects.toThrow(/found nothing at GET .* \(404\)/);
  });
});

describe('list_single_sends', () => {
  const short = (n: number, status = 'draft') => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `Send ${n}`,
    status,
    categories: [],
    is_abtest: false,
    abtest: null,
    created_at: '2026-03-01T16:24:42Z',
    updated_at: '2026-03-01T16:24:42Z',
  });

  it('on MCP, follows every page and labels each item with its status', async () => {
    sendgrid()
      .get('/v3/marketing/singlesends')
      .query({ page_size: 100 })
      .reply(200, { result: [short(1), short(2, 'triggered')], _metadata: { next: `${API}/v3/marketing/singlesends?page_size=100&page_token=tok-2` } });
    sendgrid()
      .get('/v3/marketing/singlesends')
      .query({ page_size: 100, page_token: 'tok-2' })
      .reply(200, { result: [short(3, 'scheduled')], _metadata: {} });
    const result = await callMcp('list_single_sends', {});
    const items = (result.structuredContent as { items: { label: string }[] }).items;
    expect(items.map((i) => i.label)).toEqual(['Send 1 (draft)', 'Send 2 (triggered)', 'Send 3 (scheduled)']);
    expect(textOf(result)).toMatch(/^Found 3 Single Send\(s\)\./);
  });
});

describe('get_single_send_stats', () => {
  const row = (aggregation: string, delivered: number) => ({
    id: ID,
    ab_variation: 'all',
    ab_phase: 'all',
    aggregation,
    stats: { requests: delivered, delivered, opens: 10, unique_opens: 8, clicks: 3, unique_clicks: 2, bounces: 1, bounce_drops: 0, invalid_emails: 0, spam_reports: 0, spam_report_drops: 0, unsubscribes: 1 },
  });

  it('on Zapier, asks per day between dates in a time zone, by A/B variation and phase', async () => {
    sendgrid()
      .get(`/v3/marketing/stats/singlesends/${ID}`)
      .query({
        aggregated_by: 'day',
        start_date: '2026-03-01',
        end_date: '2026-03-02',
        timezone: 'America/Chicago',
        group_by: 'ab_variation,ab_phase',
        page_size: 50,
      })
      .reply(200, { results: [row('2026-03-01', 1000), row('2026-03-02', 500)], _metadata: {} });
    const rows = await zapier('searches', 'get_single_send_stats', {
      id: ID,
      aggregated_by: 'day',
      start_date: '2026-03-01',
      end_date: '2026-03-02',
      timezone: 'America/Chicago',
      group_by: ['ab_variation', 'ab_phase'],
    });
    expect(rows).toHaveLength(2);
  });

  it('on MCP, sums the rows in its summary', async () => {
    sendgrid()
      .get(`/v3/marketing/stats/singlesends/${ID}`)
      .query({ page_size: 50 })
      .reply(200, { results: [row('2026-03-01', 1000), row('2026-03-02', 500)], _metadata: {} });
    const result = await callMcp('get_single_send_stats', { id: ID });
    expect(textOf(result)).toMatch(/^Single Send .*: 1,500 delivered, 16 unique opens, 4 unique clicks, 2 bounces, 2 unsubscribes \(2 row\(s\)\)\./);
  });

  it.each([
    ['an end before the start', { id: ID, start_date: '2026-03-07', end_date: '2026-03-01' }, /end_date: is before start_date 2026-03-07/],
    ['a date that is not YYYY-MM-DD', { id: ID, start_date: '03/01/2026' }, /start_date: Invalid ISO date/],
    ['an unknown time zone', { id: ID, timezone: 'Mars/Olympus' }, /timezone: is not an IANA time zone/],
    ['an unknown aggregation', { id: ID, aggregated_by: 'week' }, /aggregated_by: Invalid option/],
  ])('refuses %s before any request, on both faces', async (_name, input, message) => {
    const count = countRequests();
    await expect(zapier('searches', 'get_single_send_stats', input)).rejects.toThrow(message);
    expect(textOf(await callMcp('get_single_send_stats', input))).toMatch(message);
    expect(count()).toBe(0);
  });
});

describe('list_single_send_stats', () => {
  const stats = { requests: 10, delivered: 9, opens: 5, unique_opens: 4, clicks: 2, unique_clicks: 1, bounces: 1, bounce_drops: 0, invalid_emails: 0, spam_reports: 0, spam_report_drops: 0, unsubscribes: 0 };

  it('on Zapier, asks for the chosen Single Sends only', async () => {
    sendgrid()
      .get('/v3/marketing/stats/singlesends')
      .query({ singlesend_ids: `${ID},${LIST}`, page_size: 50 })
      .reply(200, { results: [{ id: ID, ab_variation: 'all', ab_phase: 'all', aggregation: 'total', stats }], _metadata: {} });
    await expect(zapier('searches', 'list_single_send_stats', { singlesend_ids: [ID, LIST] })).resolves.toHaveLength(1);
  });

  it('on MCP, follows every page of all Single Sends', async () => {
    const one = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, ab_variation: 'all', ab_phase: 'all', aggregation: 'total', stats });
    sendgrid()
      .get('/v3/marketing/stats/singlesends')
      .query({ page_size: 50 })
      .reply(200, { results: [one(1)], _metadata: { next: `${API}/v3/marketing/stats/singlesends?page_size=50&page_token=p2` } });
    sendgrid()
      .get('/v3/marketing/stats/singlesends')
      .query({ page_size: 50, page_token: 'p2' })
      .reply(200, { results: [one(2)], _metadata: {} });
    const result = await callMcp('list_single_send_stats', {});
    expect((result.structuredContent as { items: unknown[] }).items).toHaveLength(2);
    expect(textOf(result)).toMatch(/^Statistics for 2 Single Send row\(s\): 18 delivered/);
  });

  it('refuses more than 25 Single Sends before any request', async () => {
    const count = countRequests();
    const ids = Array.from({ length: 26 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    await expect(zapier('searches', 'list_single_send_stats', { singlesend_ids: ids })).rejects.toThrow(/singlesend_ids: Too big/);
    expect(count()).toBe(0);
  });
});

afterAll(() => nock.cleanAll());

describe('list_designs (the Design dropdown)', () => {
  const design = (n: number) => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `Design ${n}`,
    subject: `Subject ${n}`,
    editor: 'design',
    generate_plain_content: true,
    categories: [],
    created_at: '2026-03-01T16:24:42Z',
    updated_at: '2026-03-02T09:41:17Z',
  });
  const firstPage = () =>
    sendgrid()
      .get('/v3/designs')
      .query({ summary: 'true', page_size: 100 })
      .reply(200, { result: [design(1), design(2)], _metadata: { next: `${API}/v3/designs?page_size=100&page_token=tok-2`, count: 3 } });
  const secondPage = () =>
    sendgrid().get('/v3/designs').query({ summary: 'true', page_size: 100, page_token: 'tok-2' }).reply(200, { result: [design(3)], _metadata: { count: 3 } });

  afterEach(() => delete process.env.ZAPIER_DEPLOY_KEY);

  it('on Zapier, loads one page per call (summary only), keeping the page token', async () => {
    const stored = cursorService();
    firstPage();
    secondPage();
    const first = await zapier('triggers', 'list_designs', {}, { page: 0 });
    expect(first.map((d: { name: string }) => d.name)).toEqual(['Design 1', 'Design 2']);
    expect([...stored.values()]).toEqual(['tok-2']);
    const second = await zapier('triggers', 'list_designs', {}, { page: 1 });
    expect(second).toEqual([design(3)]);
  });

  it('on MCP, follows every page', async () => {
    firstPage();
    secondPage();
    const result = await callMcp('list_designs', {});
    expect((result.structuredContent as { items: { id: string }[] }).items.map((d) => d.id)).toEqual([design(1).id, design(2).id, design(3).id]);
    expect(textOf(result)).toMatch(/^Found 3 design\(s\)\./);
  });

  it('names the permission a restricted key lacks', async () => {
    sendgrid().get('/v3/designs').query(true).reply(403, { errors: [{ field: null, message: 'access forbidden' }] });
    const result = await callMcp('list_designs', {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/marketing\.read/);
  });

  it('refuses an unknown argument before any request', async () => {
    const count = countRequests();
    const result = await callMcp('list_designs', { summary: false });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/summary: is not a known field/);
    expect(count()).toBe(0);
  });

  it('fills the Design dropdown of create_single_send and update_single_send', () => {
    for (const key of ['create_single_send', 'update_single_send']) {
      const fields = (app.creates as Record<string, { operation: { inputFields: { key: string; dynamic?: string }[] } }>)[key]!.operation.inputFields;
      expect(fields.find((f) => f.key === 'design_id')).toMatchObject({ dynamic: 'list_designs.id.name', label: 'Design' });
    }
  });
});
