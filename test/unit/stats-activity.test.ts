// Statistics, categories, Email Activity and email validation, on both faces. "Now" is fixed, so
// date checks and "within the last …" ranges give the same answer on any day.
import { buildActivityQuery } from '../../lib/activity-query';
import { callMcp, countRequests, refusedOnMcp, sendgrid, textOf, zapier } from './helpers';

const NOW = Date.parse('2026-12-01T00:00:00Z');
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

const metrics = (fields: Record<string, number> = {}) => ({
  blocks: 0, bounce_drops: 0, bounces: 0, clicks: 0, deferred: 0, delivered: 0, invalid_emails: 0, opens: 0, processed: 0,
  requests: 0, spam_report_drops: 0, spam_reports: 0, unique_clicks: 0, unique_opens: 0, unsubscribe_drops: 0, unsubscribes: 0,
  ...fields,
});

describe('get_global_stats', () => {
  const days = [
    { date: '2026-11-28', stats: [{ metrics: metrics({ requests: 100, delivered: 98, bounces: 2, opens: 60, unique_opens: 40, clicks: 12, unique_clicks: 10, spam_reports: 1, unsubscribes: 2 }) }] },
    { date: '2026-11-29', stats: [{ metrics: metrics({ requests: 100, delivered: 97, bounces: 3, opens: 50, unique_opens: 35, clicks: 8, unique_clicks: 5 }) }] },
    { date: '2026-11-30', stats: [{ metrics: metrics() }] },
  ];

  it('on Zapier, sends the range and adds totals and rates over it and per day', async () => {
    sendgrid().get('/v3/stats').query({ start_date: '2026-11-28', end_date: '2026-11-30', aggregated_by: 'day' }).reply(200, days);
    const [stats] = await zapier('searches', 'get_global_stats', { start_date: '2026-11-28', end_date: '2026-11-30', aggregated_by: 'day' });
    expect(stats.totals).toEqual(metrics({ requests: 200, delivered: 195, bounces: 5, opens: 110, unique_opens: 75, clicks: 20, unique_clicks: 15, spam_reports: 1, unsubscribes: 2 }));
    expect(stats.rates).toEqual({
      delivery_rate: 97.5, // 195 / 200
      open_rate: 56.41, // 110 / 195
      unique_open_rate: 38.46, // 75 / 195
      click_rate: 10.26,
      unique_click_rate: 7.69,
      bounce_rate: 2.5, // 5 / 200
      spam_report_rate: 0.51,
      unsubscribe_rate: 1.03,
    });
    expect(stats.periods).toHaveLength(3);
    expect(stats.periods[0].rates.delivery_rate).toBe(98);
    // A day with nothing sent has no rates rather than a division by zero.
    expect(stats.periods[2].rates.delivery_rate).toBeNull();
  });

  it('on MCP, leaves out what was not given and reports the range it covered (end defaults to today, UTC)', async () => {
    sendgrid().get('/v3/stats').query({ start_date: '2026-11-28' }).reply(200, days);
    const result = await callMcp('get_global_stats', { start_date: '2026-11-28' });
    expect(result.structuredContent).toMatchObject({ start_date: '2026-11-28', end_date: '2026-12-01', aggregated_by: 'day' });
    expect(textOf(result)).toContain('From 2026-11-28 to 2026-12-01: 200 requested, 195 delivered (97.5%), 75 unique opens (38.46%)');
  });

  it.each([
    ['a start after the end', { start_date: '2026-11-30', end_date: '2026-11-01' }, /start_date: is after end_date \(2026-11-01\)/],
    ['a start in the future', { start_date: '2026-12-02' }, /start_date: is in the future: today is 2026-12-01 \(UTC\)/],
    ['an end in the future', { start_date: '2026-11-01', end_date: '2027-01-01' }, /end_date: is in the future/],
    ['a date that does not exist', { start_date: '2026-02-30' }, /start_date: must be a date as YYYY-MM-DD/],
    ['a date in another form', { start_date: '11/28/2026' }, /start_date: must be a date as YYYY-MM-DD/],
    ['an unknown grouping', { start_date: '2026-11-01', aggregated_by: 'year' }, /aggregated_by: Invalid option/],
  ])('refuses %s before any request', async (_name, args, message) => {
    await refusedOnMcp('get_global_stats', args, message);
  });

  it('refuses a reversed range on Zapier too', async () => {
    const count = countRequests();
    await expect(zapier('searches', 'get_global_stats', { start_date: '2026-11-30', end_date: '2026-11-01' })).rejects.toThrow(/start_date: is after end_date/);
    expect(count()).toBe(0);
  });
});

describe('get_category_stats', () => {
  const periods = [
    {
      date: '2026-11-01',
      stats: [
        { type: 'category', name: 'orders', metrics: metrics({ requests: 40, delivered: 40, unique_opens: 30 }) },
        { type: 'category', name: 'news letter', metrics: metrics({ requests: 10, delivered: 8, bounces: 2 }) },
      ],
    },
    { date: '2026-11-02', stats: [{ type: 'category', name: 'orders', metrics: metrics({ requests: 60, delivered: 59, unique_opens: 20 }) }] },
  ];

  it('on MCP, repeats the categories parameter and sums each category', async () => {
    sendgrid()
      .get('/v3/categories/stats')
      .query({ start_date: '2026-11-01', end_date: '2026-11-02', categories: ['orders', 'news letter'] })
      .reply(200, periods);
    const result = await callMcp('get_category_stats', { categories: ['orders', 'news letter', 'orders'], start_date: '2026-11-01', end_date: '2026-11-02' });
    const out = result.structuredContent as { categories: { category: string; totals: { delivered: number }; rates: { unique_open_rate: number } }[]; periods: unknown[] };
    expect(out.categories.map((c) => [c.category, c.totals.delivered, c.rates.unique_open_rate])).toEqual([
      ['orders', 99, 50.51],
      ['news letter', 8, 0],
    ]);
    expect(out.periods).toHaveLength(3);
    expect(textOf(result)).toContain('orders: 99 delivered, 50.51% unique opens; news letter: 8 delivered, 0% unique opens');
  });

  it('on Zapier, takes one category as a single value and the grouping', async () => {
    sendgrid().get('/v3/categories/stats').query({ start_date: '2026-11-01', aggregated_by: 'week', categories: 'orders' }).reply(200, periods.slice(1));
    const [stats] = await zapier('searches', 'get_category_stats', { categories: 'orders', start_date: '2026-11-01', aggregated_by: 'week' });
    expect(stats.categories).toEqual([expect.objectContaining({ category: 'orders', totals: expect.objectContaining({ delivered: 59 }) })]);
  });

  it('refuses more than 10 categories, none, or a future date before any request', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `c${i}`);
    await refusedOnMcp('get_category_stats', { categories: eleven, start_date: '2026-11-01' }, /categories: Too big/);
    await refusedOnMcp('get_category_stats', { categories: [], start_date: '2026-11-01' }, /categories: Too small/);
    await refusedOnMcp('get_category_stats', { categories: ['orders'], start_date: '2026-12-25' }, /start_date: is in the future/);
  });
});

describe('get_category_stats_sums', () => {
  it('sends the sort and page and ranks categories with their rates', async () => {
    sendgrid()
      .get('/v3/categories/stats/sums')
      .query({ start_date: '2026-11-01', end_date: '2026-11-30', sort_by_metric: 'unique_opens', sort_by_direction: 'desc', limit: 2, offset: 0 })
      .reply(200, {
        date: '2026-11-01',
        stats: [
          { type: 'category', name: 'orders', metrics: metrics({ requests: 100, delivered: 100, unique_opens: 50 }) },
          { type: 'category', name: 'news', metrics: metrics({ requests: 10, delivered: 10, unique_opens: 2 }) },
        ],
      });
    const result = await callMcp('get_category_stats_sums', { start_date: '2026-11-01', end_date: '2026-11-30', sort_by_metric: 'unique_opens', sort_by_direction: 'desc', limit: 2, offset: 0 });
    expect(textOf(result)).toContain('From 2026-11-01 to 2026-11-30, 2 categories by unique_opens: orders 50, news 2.');
    expect((result.structuredContent as { categories: { rates: { unique_open_rate: number } }[] }).categories[0]!.rates.unique_open_rate).toBe(50);
  });

  it('on Zapier, takes numbers as text', async () => {
    sendgrid().get('/v3/categories/stats/sums').query({ start_date: '2026-11-01', limit: 5, offset: 5 }).reply(200, { date: '2026-11-01', stats: [] });
    await expect(zapier('searches', 'get_category_stats_sums', { start_date: '2026-11-01', limit: '5', offset: '5' })).resolves.toEqual([
      { start_date: '2026-11-01', end_date: '2026-12-01', categories: [] },
    ]);
  });

  it('refuses an unknown metric before any request', async () => {
    await refusedOnMcp('get_category_stats_sums', { start_date: '2026-11-01', sort_by_metric: 'revenue' }, /sort_by_metric: Invalid option/);
  });
});

describe('list_categories', () => {
  const names = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ category: `cat ${from + i}` }));

  it('on MCP, follows limit/offset pages to the end', async () => {
    sendgrid().get('/v3/categories').query({ limit: 100, offset: 0 }).reply(200, names(0, 100));
    sendgrid().get('/v3/categories').query({ limit: 100, offset: 100 }).reply(200, names(100, 3));
    const result = await callMcp('list_categories', {});
    expect((result.structuredContent as { items: unknown[] }).items).toHaveLength(103);
    expect((result.structuredContent as { items: unknown[] }).items[0]).toEqual({ id: 'cat 0', category: 'cat 0' });
  });

  it('on Zapier, loads the page asked for, with the prefix', async () => {
    sendgrid().get('/v3/categories').query({ limit: 100, offset: 100, category: 'ord' }).reply(200, [{ category: 'orders' }]);
    await expect(zapier('triggers', 'list_categories', { prefix: 'ord' }, { page: 1 })).resolves.toEqual([{ id: 'orders', category: 'orders' }]);
  });
});

describe('buildActivityQuery', () => {
  const now = new Date(NOW);

  it('joins the filters with AND, quoting each value', () => {
    expect(buildActivityQuery({ to_email: 'ada@example.com', status: 'delivered', within_last: '48 hours' }, now)).toBe(
      'to_email="ada@example.com" AND status="delivered" AND last_event_time BETWEEN TIMESTAMP "2026-11-29T00:00:00Z" AND TIMESTAMP "2026-12-01T00:00:00Z"',
    );
  });

  it('matches a send\'s X-Message-Id as a prefix, and a full message id exactly', () => {
    expect(buildActivityQuery({ msg_id: 'W8Tfb2KQTRGyE3rRPSuk9A' }, now)).toBe('msg_id LIKE "W8Tfb2KQTRGyE3rRPSuk9A%"');
    expect(buildActivityQuery({ msg_id: 'W8Tfb2KQTRGyE3rRPSuk9A.filter0001.16648.5515E0B88.0' }, now)).toBe('msg_id="W8Tfb2KQTRGyE3rRPSuk9A.filter0001.16648.5515E0B88.0"');
  });

  it('turns an open-ended range into a closed one, in UTC', () => {
    expect(buildActivityQuery({ last_event_after: '2026-11-30T09:30:00+02:00' }, now)).toBe('last_event_time BETWEEN TIMESTAMP "2026-11-30T07:30:00Z" AND TIMESTAMP "2026-12-01T00:00:00Z"');
    expect(buildActivityQuery({ last_event_before: '2026-11-30T00:00:00.250Z' }, now)).toBe('last_event_time BETWEEN TIMESTAMP "1970-01-01T00:00:00Z" AND TIMESTAMP "2026-11-30T00:00:00Z"');
    expect(buildActivityQuery({ within_last: 'last 7 days', from_email: 'orders@example.com' }, now)).toBe(
      'from_email="orders@example.com" AND last_event_time BETWEEN TIMESTAMP "2026-11-24T00:00:00Z" AND TIMESTAMP "2026-12-01T00:00:00Z"',
    );
  });

  it('refuses, naming the field, a value that could end the quoted string', () => {
    expect(() => buildActivityQuery({ subject: 'Say "hi"' }, now)).toThrow(/subject: must not contain a double quote/);
    expect(() => buildActivityQuery({ subject: 'C:\\temp' }, now)).toThrow(/subject: must not contain a double quote \("\) or a backslash/);
  });
});

describe('search_email_activity', () => {
  const message = {
    from_email: 'orders@example.com',
    msg_id: 'W8Tfb2KQTRGyE3rRPSuk9A.filter0001.16648.5515E0B88.0',
    subject: 'Your order #1042 has shipped',
    to_email: 'ada@example.com',
    status: 'delivered',
    opens_count: 2,
    clicks_count: 1,
    last_event_time: '2026-11-30T14:05:12Z',
  };
  const compiled = 'to_email="ada@example.com" AND status="delivered" AND last_event_time BETWEEN TIMESTAMP "2026-11-29T00:00:00Z" AND TIMESTAMP "2026-12-01T00:00:00Z"';

  it('on Zapier, compiles the filter to a query and returns the messages', async () => {
    sendgrid().get('/v3/messages').query({ query: compiled, limit: 25 }).reply(200, { messages: [message] });
    const found = await zapier('searches', 'search_email_activity', { to_email: 'ada@example.com', status: 'delivered', within_last: '48 Hours', limit: '25' });
    expect(found).toEqual([message]);
  });

  it('on MCP, passes a raw query through with the default limit', async () => {
    sendgrid().get('/v3/messages').query({ query: 'Contains(categories,"orders")', limit: 10 }).reply(200, { messages: [message, { ...message, to_email: 'grace@example.com' }] });
    const result = await callMcp('search_email_activity', { query: 'Contains(categories,"orders")' });
    expect(textOf(result)).toContain('Found 2 message(s): ada@example.com (delivered), grace@example.com (delivered).');
  });

  it('says that Email Activity is a paid add-on when SendGrid answers 403', async () => {
    sendgrid().get('/v3/messages').query(true).reply(403, { errors: [{ field: null, message: 'authorization required' }] });
    const result = await callMcp('search_email_activity', { to_email: 'ada@example.com' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Email Activity API access is a paid add-on .* needs the permission email_activity\.read/s);
    expect(result.structuredContent).toMatchObject({ error: { status: 403 } });
  });

  it.each([
    ['a subject with a double quote', { subject: 'Say "hi"' }, /subject: must not contain a double quote/],
    ['a subject with a backslash', { subject: 'C:\\temp' }, /subject: must not contain a double quote \("\) or a backslash/],
    ['a malformed recipient', { to_email: 'ada' }, /to_email: Invalid email/],
    ['no filter and no query', {}, /query: give a query or at least one filter/],
    ['a query and filters together', { query: 'status="delivered"', to_email: 'ada@example.com' }, /query: give either a query or the filter fields \(to_email\), not both/],
    ['a duration it cannot read', { within_last: 'since Monday' }, /within_last: must be a duration such as "48 hours"/],
    ['a duration with a range', { within_last: '2 days', last_event_after: '2026-11-01T00:00:00Z' }, /within_last: cannot be combined/],
    ['a reversed range', { last_event_after: '2026-11-30T00:00:00Z', last_event_before: '2026-11-01T00:00:00Z' }, /last_event_after: is after last_event_before/],
    ['a time without a zone', { last_event_after: '2026-11-30T00:00:00' }, /last_event_after: must be an ISO-8601 time/],
    ['a message id with a slash', { msg_id: 'abc/../scopes' }, /msg_id: must hold only letters/],
    ['a limit over 1,000', { to_email: 'ada@example.com', limit: 1001 }, /limit: Too big/],
  ])('refuses %s before any request', async (_name, args, message) => {
    await refusedOnMcp('search_email_activity', args, message);
  });

  it('refuses a quoted value on Zapier too', async () => {
    const count = countRequests();
    await expect(zapier('searches', 'search_email_activity', { subject: 'Say "hi"' })).rejects.toThrow(/subject: must not contain a double quote/);
    expect(count()).toBe(0);
  });
});

describe('list_recent_messages', () => {
  it('lists the last three days of activity, labelled by recipient, subject and status', async () => {
    const query = 'last_event_time BETWEEN TIMESTAMP "2026-11-28T00:00:00Z" AND TIMESTAMP "2026-12-01T00:00:00Z"';
    const message = { msg_id: 'abc.filter1', from_email: 'orders@example.com', to_email: 'ada@example.com', subject: 'Shipped', status: 'delivered', opens_count: 0, clicks_count: 0, last_event_time: '2026-11-30T14:05:12Z' };
    sendgrid().get('/v3/messages').query({ query, limit: 100 }).twice().reply(200, { messages: [message] });
    await expect(zapier('triggers', 'list_recent_messages', {}, { page: 0 })).resolves.toEqual([{ id: 'abc.filter1', label: 'ada@example.com: Shipped (delivered)', ...message }]);
    const result = await callMcp('list_recent_messages', {});
    expect(textOf(result)).toContain('Found 1 message(s) with activity in the last 3 days.');
  });
});

describe('get_email_activity_message', () => {
  const id = 'W8Tfb2KQTRGyE3rRPSuk9A.filter0001.16648.5515E0B88.0';
  const details = {
    msg_id: id, from_email: 'orders@example.com', to_email: 'ada@example.com', subject: 'Shipped', status: 'delivered',
    events: [{ event_name: 'processed', processed: '2026-11-30T14:01:03Z' }, { event_name: 'delivered', processed: '2026-11-30T14:01:05Z' }],
  };

  it('gets the message on both faces', async () => {
    sendgrid().get(`/v3/messages/${id}`).twice().reply(200, details);
    await expect(zapier('searches', 'get_email_activity_message', { msg_id: id })).resolves.toEqual([details]);
    const result = await callMcp('get_email_activity_message', { msg_id: id });
    expect(textOf(result)).toContain(`Message ${id} to ada@example.com: delivered; events: processed, delivered.`);
  });

  it('reports an unknown message as not found, and a 403 as the add-on', async () => {
    sendgrid().get('/v3/messages/nope').reply(404, { errors: [{ message: 'not found', field: 'message_id' }] });
    await expect(zapier('searches', 'get_email_activity_message', { msg_id: 'nope' })).rejects.toThrow(/found nothing at GET \/v3\/messages\/nope \(404\)/);
    sendgrid().get(`/v3/messages/${id}`).reply(403, { errors: [{ message: 'forbidden' }] });
    await expect(zapier('searches', 'get_email_activity_message', { msg_id: id })).rejects.toThrow(/Email Activity API access is a paid add-on/);
  });

  it('refuses an id that would leave the path before any request', async () => {
    await refusedOnMcp('get_email_activity_message', { msg_id: '../scopes' }, /msg_id: must hold only letters/);
  });
});

describe('validate_email', () => {
  const result = (fields: Record<string, unknown> = {}) => ({
    email: 'admin@gmial.com',
    verdict: 'Risky',
    score: 0.25,
    local: 'admin',
    host: 'gmial.com',
    suggestion: 'gmail.com',
    checks: {
      domain: { has_valid_address_syntax: true, has_mx_or_a_record: false, is_suspected_disposable_address: false },
      local_part: { is_suspected_role_address: true },
      additional: { has_known_bounces: false, has_suspected_bounces: true },
    },
    source: 'signup',
    ip_address: '192.0.2.1',
    ...fields,
  });

  it('on Zapier, returns the verdict, score and the checks that failed', async () => {
    sendgrid().post('/v3/validations/email', { email: 'admin@gmial.com', source: 'signup' }).reply(200, { result: result() });
    const [checked] = await zapier('searches', 'validate_email', { email: ' admin@gmial.com ', source: 'signup' });
    expect(checked).toMatchObject({ verdict: 'Risky', score: 0.25, suggestion: 'gmail.com' });
    expect(checked.failed_checks.map((f: { check: string }) => f.check)).toEqual([
      'domain.has_mx_or_a_record',
      'local_part.is_suspected_role_address',
      'additional.has_suspected_bounces',
    ]);
  });

  it('on MCP, sends no source when none is given and sums up the verdict', async () => {
    const clean = {
      domain: { has_valid_address_syntax: true, has_mx_or_a_record: true, is_suspected_disposable_address: false },
      local_part: { is_suspected_role_address: false },
      additional: { has_known_bounces: false, has_suspected_bounces: false },
    };
    sendgrid().post('/v3/validations/email', { email: 'ada@example.com' }).reply(200, { result: result({ email: 'ada@example.com', verdict: 'Valid', score: 0.97, suggestion: undefined, checks: clean }) });
    const out = await callMcp('validate_email', { email: 'ada@example.com' });
    expect(textOf(out)).toContain('ada@example.com: Valid (score 0.97); every check passed.');
  });

  it('says that validation needs the add-on and its own key when SendGrid answers 403', async () => {
    sendgrid().post('/v3/validations/email').reply(403, { errors: [{ field: null, message: 'access forbidden' }] });
    const out = await callMcp('validate_email', { email: 'ada@example.com' });
    expect(textOf(out)).toMatch(/^Email Address Validation is a paid add-on .*needs an API key created for it.*validations\.email\.create/s);
  });

  it('refuses what is not an address at all, or a source of several words, before any request', async () => {
    await refusedOnMcp('validate_email', { email: 'ada at example' }, /email: must look like an email address/);
    await refusedOnMcp('validate_email', { email: 'ada@example.com', source: 'sign up form' }, /source: must be one word/);
  });
});
