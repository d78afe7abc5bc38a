// Unsubscribe groups, global suppressions and the five suppression lists, on both faces.
import { callMcp, refusedOnBothFaces, sendgrid, zapier } from './helpers';

const GROUP = { id: 4127, name: 'Product Updates', description: 'News about features we ship', is_default: false, unsubscribes: 38 };

describe('create_unsubscribe_group', () => {
  it('on Zapier, sends name, description and the default flag from the form text', async () => {
    sendgrid()
      .post('/v3/asm/groups', { name: 'Product Updates', description: 'News about features we ship', is_default: false })
      .reply(201, { id: 4127, name: 'Product Updates', description: 'News about features we ship', is_default: false });
    await expect(
      zapier('creates', 'create_unsubscribe_group', { name: ' Product Updates ', description: 'News about features we ship', is_default: 'false' }),
    ).resolves.toEqual({ id: 4127, name: 'Product Updates', description: 'News about features we ship', is_default: false });
  });

  it('on MCP, sends no is_default when it is not given, and sums up the result', async () => {
    sendgrid().post('/v3/asm/groups', { name: 'Webinars', description: 'Invitations to live sessions' }).reply(201, { id: 88, name: 'Webinars', description: 'Invitations to live sessions', is_default: false });
    const result = await callMcp('create_unsubscribe_group', { name: 'Webinars', description: 'Invitations to live sessions' });
    expect(result.structuredContent).toEqual({ id: 88, name: 'Webinars', description: 'Invitations to live sessions', is_default: false });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Created unsubscribe group "Webinars" (id 88).' });
  });

  it('refuses a name over 30 characters before any request', async () => {
    await refusedOnBothFaces('creates', 'create_unsubscribe_group', { name: 'x'.repeat(31), description: 'd' }, /name: Too big/);
  });

  it('refuses a description over 100 characters, or none, before any request', async () => {
    await refusedOnBothFaces('creates', 'create_unsubscribe_group', { name: 'News', description: 'd'.repeat(101) }, /description: Too big/);
    await refusedOnBothFaces('creates', 'create_unsubscribe_group', { name: 'News' }, /description: is required/);
  });
});

describe('get_unsubscribe_group', () => {
  it('returns the group on both faces (a Zapier search returns it as its one result)', async () => {
    sendgrid().get('/v3/asm/groups/4127').twice().reply(200, GROUP);
    await expect(zapier('searches', 'get_unsubscribe_group', { group_id: '4127' })).resolves.toEqual([GROUP]);
    const result = await callMcp('get_unsubscribe_group', { group_id: 4127 });
    expect(result.structuredContent).toEqual(GROUP);
    expect(result.content[0]).toEqual({ type: 'text', text: 'Unsubscribe group "Product Updates" (id 4127) has 38 unsubscribe(s).' });
  });

  it('says an unknown group was not found, rather than returning nothing', async () => {
    sendgrid().get('/v3/asm/groups/999').reply(404, { errors: [{ field: null, message: 'resource not found' }] });
    await expect(zapier('searches', 'get_unsubscribe_group', { group_id: '999' })).rejects.toThrow(/found nothing at GET \/v3\/asm\/groups\/999 \(404\)/);
  });

  it('refuses a group id that is not a whole number before any request', async () => {
    await refusedOnBothFaces('searches', 'get_unsubscribe_group', { group_id: 'Product Updates' }, /group_id/);
  });
});

describe('update_unsubscribe_group', () => {
  it('on Zapier, patches only the fields given', async () => {
    sendgrid().patch('/v3/asm/groups/4127', { name: 'Product News' }).reply(201, { ...GROUP, name: 'Product News' });
    await expect(zapier('creates', 'update_unsubscribe_group', { group_id: '4127', name: 'Product News', description: '' })).resolves.toMatchObject({
      id: 4127,
      name: 'Product News',
    });
  });

  it('on MCP, can make a group the default', async () => {
    sendgrid().patch('/v3/asm/groups/4127', { description: 'Monthly news', is_default: true }).reply(201, { ...GROUP, description: 'Monthly news', is_default: true });
    const result = await callMcp('update_unsubscribe_group', { group_id: 4127, description: 'Monthly news', is_default: true });
    expect(result.structuredContent).toMatchObject({ is_default: true, description: 'Monthly news' });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Updated unsubscribe group "Product Updates" (id 4127).' });
  });

  it('refuses an update that changes nothing, or a name over 30 characters, before any request', async () => {
    await refusedOnBothFaces('creates', 'update_unsubscribe_group', { group_id: 4127 }, /name: give at least one of name, description or is_default/);
    await refusedOnBothFaces('creates', 'update_unsubscribe_group', { group_id: 4127, name: 'n'.repeat(31) }, /name: Too big/);
  });
});

describe('delete_unsubscribe_group', () => {
  it('deletes the group on both faces', async () => {
    sendgrid().delete('/v3/asm/groups/4127').twice().reply(204);
    await expect(zapier('creates', 'delete_unsubscribe_group', { group_id: '4127' })).resolves.toEqual({ id: 4127, deleted: true });
    const result = await callMcp('delete_unsubscribe_group', { group_id: 4127 });
    expect(result.structuredContent).toEqual({ id: 4127, deleted: true });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Deleted unsubscribe group 4127.' });
  });
});

describe('add_emails_to_unsubscribe_group', () => {
  it('on Zapier, checks the group exists, then adds the addresses', async () => {
    const api = sendgrid();
    api.get('/v3/asm/groups/4127').reply(200, GROUP);
    api.post('/v3/asm/groups/4127/suppressions', { recipient_emails: ['ada@example.com', 'grace+news@example.com'] }).reply(201, {
      recipient_emails: ['ada@example.com', 'grace+news@example.com'],
    });
    await expect(
      zapier('creates', 'add_emails_to_unsubscribe_group', { group_id: '4127', recipient_emails: ['ada@example.com', 'grace+news@example.com'] }),
    ).resolves.toEqual({ group_id: 4127, group_name: 'Product Updates', recipient_emails: ['ada@example.com', 'grace+news@example.com'] });
    expect(api.isDone()).toBe(true);
  });

  it('on MCP, adds one address and says where it went', async () => {
    sendgrid().get('/v3/asm/groups/4127').reply(200, GROUP);
    sendgrid().post('/v3/asm/groups/4127/suppressions', { recipient_emails: ['ada@example.com'] }).reply(201, { recipient_emails: ['ada@example.com'] });
    const result = await callMcp('add_emails_to_unsubscribe_group', { group_id: 4127, recipient_emails: ['ada@example.com'] });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Added 1 address(es) to unsubscribe group "Product Updates" (id 4127).' });
  });

  it('adds nothing when the group does not exist, since SendGrid would suppress the addresses globally', async () => {
    sendgrid().get('/v3/asm/groups/999').reply(404, { errors: [{ field: null, message: 'resource not found' }] });
    const posts = sendgrid().post(/.*/).reply(201, {});
    await expect(zapier('creates', 'add_emails_to_unsubscribe_group', { group_id: '999', recipient_emails: ['ada@example.com'] })).rejects.toThrow(/404/);
    expect(posts.isDone()).toBe(false);
  });

  it('refuses a malformed address, or none, naming the field, before any request', async () => {
    await refusedOnBothFaces(
      'creates',
      'add_emails_to_unsubscribe_group',
      { group_id: 4127, recipient_emails: ['ada@example.com', 'grace at example.com'] },
      /recipient_emails\[1\]: Invalid email/,
    );
    // An empty list is "too small" on MCP; Zapier drops a blank list field, so there it is "required".
    await refusedOnBothFaces('creates', 'add_emails_to_unsubscribe_group', { group_id: 4127, recipient_emails: [] }, /recipient_emails: (Too small|is required)/);
  });
});

describe('list_unsubscribe_group_suppressions', () => {
  it('returns one result per address on both faces', async () => {
    sendgrid().get('/v3/asm/groups/4127/suppressions').twice().reply(200, ['ada@example.com', 'grace@example.com']);
    const expected = [
      { email: 'ada@example.com', group_id: 4127 },
      { email: 'grace@example.com', group_id: 4127 },
    ];
    await expect(zapier('searches', 'list_unsubscribe_group_suppressions', { group_id: '4127' })).resolves.toEqual(expected);
    const result = await callMcp('list_unsubscribe_group_suppressions', { group_id: 4127 });
    expect(result.structuredContent).toEqual({ items: expected });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Found 2 address(es) in unsubscribe group 4127.' });
  });
});

describe('remove_email_from_unsubscribe_group', () => {
  it('sends the address URL-encoded, so a + survives, on both faces', async () => {
    sendgrid().delete('/v3/asm/groups/4127/suppressions/ada%2Bnews%40example.com').twice().reply(204);
    await expect(
      zapier('creates', 'remove_email_from_unsubscribe_group', { group_id: '4127', email: 'ada+news@example.com' }),
    ).resolves.toEqual({ group_id: 4127, email: 'ada+news@example.com', removed: true });
    const result = await callMcp('remove_email_from_unsubscribe_group', { group_id: 4127, email: 'ada+news@example.com' });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Removed ada+news@example.com from unsubscribe group 4127.' });
  });

  it('refuses a malformed address before any request', async () => {
    await refusedOnBothFaces('creates', 'remove_email_from_unsubscribe_group', { group_id: 4127, email: 'ada@' }, /email: Invalid email/);
  });
});

describe('check_global_suppression', () => {
  it('says yes when SendGrid answers with the address', async () => {
    sendgrid().get('/v3/asm/suppressions/global/ada%2Bnews%40example.com').reply(200, { recipient_email: 'ada+news@example.com' });
    await expect(zapier('searches', 'check_global_suppression', { email: 'ada+news@example.com' })).resolves.toEqual([
      { email: 'ada+news@example.com', suppressed: true, suppressed_at: null },
    ]);
  });

  it('gives the time of the suppression when SendGrid includes one', async () => {
    sendgrid().get('/v3/asm/suppressions/global/ada%40example.com').reply(200, { recipient_email: 'ada@example.com', created_at: 1772352000 });
    const result = await callMcp('check_global_suppression', { email: 'ada@example.com' });
    expect(result.structuredContent).toEqual({ email: 'ada@example.com', suppressed: true, suppressed_at: '2026-03-01T08:00:00Z' });
    expect(result.content[0]).toEqual({ type: 'text', text: 'ada@example.com is globally suppressed since 2026-03-01T08:00:00Z: SendGrid sends it no email.' });
  });

  it('says no when SendGrid answers {} (200), on both faces', async () => {
    sendgrid().get('/v3/asm/suppressions/global/grace%40example.com').twice().reply(200, {});
    const no = { email: 'grace@example.com', suppressed: false, suppressed_at: null };
    await expect(zapier('searches', 'check_global_suppression', { email: 'grace@example.com' })).resolves.toEqual([no]);
    const result = await callMcp('check_global_suppression', { email: 'grace@example.com' });
    expect(result.structuredContent).toEqual(no);
    expect(result.content[0]).toEqual({ type: 'text', text: 'grace@example.com is not on the global suppression list.' });
  });

  it('refuses a malformed address before any request', async () => {
    await refusedOnBothFaces('searches', 'check_global_suppression', { email: 'not an address' }, /email: Invalid email/);
  });
});

describe('add_global_suppressions', () => {
  it('adds the addresses on both faces', async () => {
    sendgrid()
      .post('/v3/asm/suppressions/global', { recipient_emails: ['ada@example.com', 'grace@example.com'] })
      .twice()
      .reply(201, { recipient_emails: ['ada@example.com', 'grace@example.com'] });
    const input = { recipient_emails: ['ada@example.com', 'grace@example.com'] };
    await expect(zapier('creates', 'add_global_suppressions', input)).resolves.toEqual(input);
    const result = await callMcp('add_global_suppressions', input);
    expect(result.content[0]).toEqual({ type: 'text', text: 'Added 2 address(es) to the global suppression list.' });
  });

  it('takes a single mapped address on Zapier as a list of one', async () => {
    sendgrid().post('/v3/asm/suppressions/global', { recipient_emails: ['ada@example.com'] }).reply(201, { recipient_emails: ['ada@example.com'] });
    await expect(zapier('creates', 'add_global_suppressions', { recipient_emails: 'ada@example.com' })).resolves.toEqual({ recipient_emails: ['ada@example.com'] });
  });

  it('refuses a malformed address before any request', async () => {
    await refusedOnBothFaces('creates', 'add_global_suppressions', { recipient_emails: ['ada.example.com'] }, /recipient_emails\[0\]: Invalid email/);
  });
});

describe('remove_global_suppression', () => {
  it('removes the URL-encoded address on both faces', async () => {
    sendgrid().delete('/v3/asm/suppressions/global/ada%2Bnews%40example.com').twice().reply(204);
    await expect(zapier('creates', 'remove_global_suppression', { email: 'ada+news@example.com' })).resolves.toEqual({ email: 'ada+news@example.com', removed: true });
    const result = await callMcp('remove_global_suppression', { email: 'ada+news@example.com' });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Removed ada+news@example.com from the global suppression list.' });
  });
});

// The five lists are built from one description (lib/suppressions.ts); each is checked under its own key.
const LISTS = [
  ['list_bounces', 'bounces', { reason: '550 5.1.1 No such user', status: '5.1.1' }, 'bounce(s)'],
  ['list_blocks', 'blocks', { reason: 'no route to host', status: '4.0.0' }, 'block(s)'],
  ['list_spam_reports', 'spam_reports', { ip: '10.63.202.100' }, 'spam report(s)'],
  ['list_invalid_emails', 'invalid_emails', { reason: 'Mail domain mentioned in email address is unknown' }, 'invalid email(s)'],
  ['list_global_unsubscribes', 'unsubscribes', {}, 'global unsubscribe(s)'],
] as const;

const record = (n: number, extra: object) => ({ email: `user${n}@example.com`, created: 1772352000 + n, ...extra });

describe.each(LISTS)('%s', (key, list, extra, counted) => {
  const path = `/v3/suppression/${list}`;

  it('on Zapier, sends the window as Unix seconds with the address filter, and adds ISO times', async () => {
    sendgrid()
      // 2026-03-01T00:00:00+02:00 is 2026-02-28T22:00:00Z.
      .get(path)
      .query({ start_time: 1772316000, end_time: 1772409599, email: 'user', limit: 500, offset: 0 })
      .reply(200, [record(1, extra)]);
    await expect(
      zapier('searches', key, { start_time: '2026-03-01T00:00:00+02:00', end_time: '2026-03-01T23:59:59Z', email: 'user' }),
    ).resolves.toEqual([{ ...record(1, extra), created_at: '2026-03-01T08:00:01Z' }]);
  });

  it('on MCP, follows every page of 500', async () => {
    const page = (from: number, size: number) => Array.from({ length: size }, (_, i) => record(from + i, extra));
    sendgrid().get(path).query({ limit: 500, offset: 0 }).reply(200, page(0, 500));
    sendgrid().get(path).query({ limit: 500, offset: 500 }).reply(200, page(500, 2));
    const result = await callMcp(key, {});
    const items = (result.structuredContent as { items: { email: string; created_at: string }[] }).items;
    expect(items).toHaveLength(502);
    expect(items[501]).toMatchObject({ email: 'user501@example.com', created_at: '2026-03-01T08:08:21Z' });
    expect(result.content[0]).toEqual({ type: 'text', text: `Found 502 ${counted}.` });
  });

  it('refuses a window that starts after it ends, naming start_time, before any request', async () => {
    await refusedOnBothFaces('searches', key, { start_time: '2026-03-02T00:00:00Z', end_time: '2026-03-01T00:00:00Z' }, /start_time: is after end_time/);
  });

  it('refuses a time that is not ISO-8601, before any request', async () => {
    await refusedOnBothFaces('searches', key, { end_time: 'yesterday' }, /end_time: Invalid ISO datetime/);
  });
});

const DELETES = [
  ['delete_bounce', 'bounces', 'the bounce list'],
  ['delete_block', 'blocks', 'the block list'],
  ['delete_spam_report', 'spam_reports', 'the spam reports'],
  ['delete_invalid_email', 'invalid_emails', 'the invalid email list'],
] as const;

describe.each(DELETES)('%s', (key, list, from) => {
  it('deletes the URL-encoded address on both faces', async () => {
    sendgrid().delete(`/v3/suppression/${list}/ada%2Bnews%40example.com`).twice().reply(204);
    await expect(zapier('creates', key, { email: 'ada+news@example.com' })).resolves.toEqual({ email: 'ada+news@example.com', removed_from: list, removed: true });
    const result = await callMcp(key, { email: 'ada+news@example.com' });
    expect(result.content[0]).toEqual({ type: 'text', text: `Removed ada+news@example.com from ${from}.` });
  });

  it('refuses a malformed address, or an unknown field, before any request', async () => {
    await refusedOnBothFaces('creates', key, { email: 'ada' }, /email: Invalid email/);
    await refusedOnBothFaces('creates', key, { email: 'ada@example.com', delete_all: true }, /delete_all: is not a known field/);
  });
});
