// Lists and the dropdown operations: Zapier pages through z.cursor, MCP reads every page.
import nock from 'nock';
import { countRequests, cursorService, mcpClient, sendgrid, zapier } from './helpers';

const list = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `List ${n}`, contact_count: n });
const page = (from: number, to: number, next?: string) => ({
  result: Array.from({ length: to - from + 1 }, (_, i) => list(from + i)),
  _metadata: { self: 'https://api.sendgrid.com/v3/marketing/lists', ...(next ? { next: `https://api.sendgrid.com/v3/marketing/lists?page_size=1000&page_token=${next}` } : {}) },
});

afterEach(() => delete process.env.ZAPIER_DEPLOY_KEY);

describe('create_list', () => {
  it('creates the list and returns it', async () => {
    sendgrid().post('/v3/marketing/lists', { name: 'Newsletter' }).reply(201, { ...list(1), name: 'Newsletter' });
    await expect(zapier('creates', 'create_list', { name: '  Newsletter ' })).resolves.toMatchObject({ name: 'Newsletter', contact_count: 1 });
  });

  it('refuses a name over 100 characters before any request', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'create_list', { name: 'x'.repeat(101) })).rejects.toThrow(/name: Too big/);
    expect(count()).toBe(0);
  });
});

describe('list_lists', () => {
  it('on Zapier, returns one page per call and keeps the page token in z.cursor', async () => {
    const stored = cursorService();
    sendgrid().get('/v3/marketing/lists').query({ page_size: 1000 }).reply(200, page(1, 3, 'tok-2'));
    sendgrid().get('/v3/marketing/lists').query({ page_size: 1000, page_token: 'tok-2' }).reply(200, page(4, 5));
    const first = await zapier('triggers', 'list_lists', {}, { page: 0 });
    expect(first.map((l: { name: string }) => l.name)).toEqual(['List 1', 'List 2', 'List 3']);
    expect([...stored.values()]).toEqual(['tok-2']);
    const second = await zapier('triggers', 'list_lists', {}, { page: 1 });
    expect(second.map((l: { name: string }) => l.name)).toEqual(['List 4', 'List 5']);
    expect(second.map((l: { label: string }) => l.label)).toEqual(['List 4 (4 contacts)', 'List 5 (5 contacts)']);
  });

  it('on Zapier, returns nothing past the last page', async () => {
    cursorService();
    const count = countRequests();
    await expect(zapier('triggers', 'list_lists', {}, { page: 1 })).resolves.toEqual([]);
    expect(count()).toBe(0);
  });

  it('on MCP, follows every page', async () => {
    sendgrid().get('/v3/marketing/lists').query({ page_size: 1000 }).reply(200, page(1, 3, 'tok-2'));
    sendgrid().get('/v3/marketing/lists').query({ page_size: 1000, page_token: 'tok-2' }).reply(200, page(4, 5));
    const mcp = await mcpClient();
    const result = await mcp.call('list_lists', {});
    await mcp.close();
    expect((result.structuredContent as { items: unknown[] }).items).toHaveLength(5);
    // Each list carries a readable label for the dropdown.
    expect((result.structuredContent as { items: unknown[] }).items[0]).toEqual({ ...list(1), label: 'List 1 (1 contact)' });
    expect(result.content[0]).toEqual({ type: 'text', text: 'Found 5 contact list(s).' });
  });
});

describe('list_templates', () => {
  it('asks for dynamic and legacy templates, or dynamic ones would be missing', async () => {
    sendgrid()
      .get('/v3/templates')
      .query({ generations: 'legacy,dynamic', page_size: 200 })
      .reply(200, { result: [{ id: 'd-1', name: 'Welcome', generation: 'dynamic', updated_at: '2026-01-01 10:00:00' }], _metadata: {} });
    // SendGrid's zone-less UTC time comes back as ISO-8601.
    await expect(zapier('triggers', 'list_templates', {}, { page: 0 })).resolves.toEqual([expect.objectContaining({ id: 'd-1', updated_at: '2026-01-01T10:00:00Z' })]);
  });
});

describe('list_unsubscribe_groups', () => {
  it('returns the groups', async () => {
    sendgrid().get('/v3/asm/groups').reply(200, [{ id: 1, name: 'News', description: 'Weekly', is_default: true, unsubscribes: 3 }]);
    await expect(zapier('triggers', 'list_unsubscribe_groups', {}, { page: 0 })).resolves.toEqual([expect.objectContaining({ id: 1, name: 'News' })]);
  });

  it('names the permission a restricted key lacks', async () => {
    sendgrid().get('/v3/asm/groups').reply(403, { errors: [{ field: null, message: 'access forbidden' }] });
    await expect(zapier('triggers', 'list_unsubscribe_groups', {}, { page: 0 })).rejects.toThrow(/needs the permission asm\.groups\.read/);
  });
});
