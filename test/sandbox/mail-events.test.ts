// Mail that goes out becomes messages with events (processed, delivered or bounced, some opened) that
// feed stats, category stats, email activity and Single Send stats; scheduled mail waits for its time,
// and a batch's pause or cancel really holds or drops it.
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { call } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => (sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false, bounceShare: 0, openShare: 0 })));
afterEach(() => sandbox.close());
const api = (method: string, path: string, body?: unknown) => call(sandbox.url, method, path, body);
const today = () => new Date(sandbox.now()).toISOString().slice(0, 10);
const mail = (to: string[], extra: Record<string, unknown> = {}) => ({
  personalizations: to.map((email) => ({ to: [{ email }] })),
  from: { email: SEED.senderEmail },
  subject: 'Order update',
  content: [{ type: 'text/plain', value: 'Hello' }],
  categories: ['orders'],
  ...extra,
});
const activity = async (query: string) => (await api('GET', `/v3/messages?limit=100&query=${encodeURIComponent(query)}`)).body.messages as { to_email: string; status: string; msg_id: string }[];

it('derives events from a send and feeds stats, category stats and email activity', async () => {
  const before = (await api('GET', `/v3/stats?start_date=${today()}`)).body[0].stats[0].metrics;
  expect((await api('POST', '/v3/mail/send', mail(['one@example.com', 'bounce-me@example.com', 'optout@example.com']))).status).toBe(202);
  const after = (await api('GET', `/v3/stats?start_date=${today()}`)).body[0].stats[0].metrics;
  expect({ requests: after.requests - before.requests, delivered: after.delivered - before.delivered, bounces: after.bounces - before.bounces, unsubscribe_drops: after.unsubscribe_drops - before.unsubscribe_drops }).toEqual({
    requests: 3,
    delivered: 1,
    bounces: 1,
    unsubscribe_drops: 1,
  });
  const byCategory = (await api('GET', `/v3/categories/stats?start_date=${today()}&categories=orders`)).body[0].stats[0];
  expect(byCategory).toMatchObject({ name: 'orders', type: 'category', metrics: { requests: 3, delivered: 1 } });
  const sums = (await api('GET', `/v3/categories/stats/sums?start_date=${today()}&sort_by_metric=requests`)).body;
  expect(sums.stats[0]).toMatchObject({ name: 'orders', metrics: { requests: 3 } });
  // A bounce puts the address on the bounce list.
  expect((await api('GET', '/v3/suppression/bounces/bounce-me@example.com')).body).toEqual([expect.objectContaining({ email: 'bounce-me@example.com' })]);

  expect((await activity('to_email="one@example.com" AND status="delivered"')).map((m) => m.to_email)).toEqual(['one@example.com']);
  expect((await activity('status="not_delivered"')).map((m) => m.to_email).sort()).toEqual(['bounce-me@example.com', 'optout@example.com']);
  const from = new Date(sandbox.now() - 60_000).toISOString();
  const to = new Date(sandbox.now() + 3_600_000).toISOString();
  expect(await activity(`last_event_time BETWEEN TIMESTAMP "${from}" AND TIMESTAMP "${to}"`)).toHaveLength(3);
  expect(await activity(`last_event_time BETWEEN TIMESTAMP "2020-01-01T00:00:00Z" AND TIMESTAMP "2020-01-02T00:00:00Z"`)).toHaveLength(0);
  const one = (await activity('to_email="one@example.com"'))[0]!;
  expect((await api('GET', `/v3/messages/${one.msg_id}`)).body).toMatchObject({ to_email: 'one@example.com', events: [{ event_name: 'processed' }, { event_name: 'delivered' }], categories: ['orders'] });
  expect(await api('GET', '/v3/messages?query=bogus%3D1')).toMatchObject({ status: 400 });
  expect((await api('GET', '/v3/categories?category=ord')).body).toEqual([{ category: 'orders' }]);
});

it('counts opens for a share of recipients, the same ones every time', async () => {
  await sandbox.close();
  sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false, bounceShare: 0, openShare: 1 });
  await api('POST', '/v3/mail/send', mail(['reader@example.com']));
  const m = (await api('GET', `/v3/stats?start_date=${today()}`)).body[0].stats[0].metrics;
  expect(m.opens - 0).toBeGreaterThanOrEqual(1);
  expect(m.unique_opens).toBeGreaterThanOrEqual(1);
});

it('holds a scheduled mail until send_at, holds it while its batch is paused, and drops it when cancelled', async () => {
  const batch = (await api('POST', '/v3/mail/batch')).body.batch_id;
  const inAnHour = Math.floor(sandbox.now() / 1000) + 3600;
  const held = await api('POST', '/v3/mail/send', mail(['later@example.com'], { send_at: inAnHour, batch_id: batch }));
  expect(held.status).toBe(202);
  expect(await activity('to_email="later@example.com"')).toHaveLength(0);

  expect((await api('POST', '/v3/user/scheduled_sends', { batch_id: batch, status: 'pause' })).status).toBe(201);
  expect((await api('GET', '/v3/user/scheduled_sends')).body).toContainEqual({ batch_id: batch, status: 'pause' });
  await sandbox.advance(2 * 3600_000);
  expect(await activity('to_email="later@example.com"')).toHaveLength(0);

  // Un-pausing releases it, as its time has come.
  expect((await api('DELETE', `/v3/user/scheduled_sends/${batch}`)).status).toBe(204);
  await sandbox.settle();
  expect(await activity('to_email="later@example.com"')).toHaveLength(1);

  const other = (await api('POST', '/v3/mail/batch')).body.batch_id;
  await api('POST', '/v3/mail/send', mail(['never@example.com'], { send_at: Math.floor(sandbox.now() / 1000) + 600, batch_id: other }));
  await api('POST', '/v3/user/scheduled_sends', { batch_id: other, status: 'cancel' });
  await sandbox.advance(3600_000);
  expect(await activity('to_email="never@example.com"')).toHaveLength(0);
  expect(sandbox.state.mail.at(-1)).toMatchObject({ status: 'cancelled' });
});

it('moves a Single Send from draft to scheduled to triggered, mailing its list, and counts it in its stats', async () => {
  const id = SEED.singleSendId;
  const inAnHour = new Date(sandbox.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  expect(await api('PUT', `/v3/marketing/singlesends/${id}/schedule`, { send_at: inAnHour })).toMatchObject({ status: 201, body: { status: 'scheduled', send_at: inAnHour } });
  expect((await api('GET', `/v3/marketing/singlesends/${id}`)).body.status).toBe('scheduled');
  expect((await api('DELETE', `/v3/marketing/singlesends/${id}/schedule`)).body).toMatchObject({ status: 'draft' });
  await api('PUT', `/v3/marketing/singlesends/${id}/schedule`, { send_at: inAnHour });
  await sandbox.advance(3600_000);
  expect((await api('GET', `/v3/marketing/singlesends/${id}`)).body.status).toBe('triggered');
  // The Newsletter list holds Ada and Grace.
  expect((await activity('subject="Our spring sale starts today"')).map((m) => m.to_email).sort()).toEqual([SEED.contactEmail, SEED.secondContactEmail]);
  const stats = (await api('GET', `/v3/marketing/stats/singlesends/${id}`)).body.results[0].stats;
  expect(stats).toMatchObject({ requests: 2, delivered: 2 });
  expect((await api('GET', `/v3/marketing/stats/singlesends?singlesend_ids=${id}`)).body.results).toHaveLength(1);
  expect(await api('PUT', `/v3/marketing/singlesends/${id}/schedule`, { send_at: 'now' })).toMatchObject({ status: 400 });
});

it('sends a Single Send scheduled "now" at once, and refuses one that lacks what SendGrid requires', async () => {
  const created = await api('POST', '/v3/marketing/singlesends', { name: 'Bare' });
  expect(await api('PUT', `/v3/marketing/singlesends/${created.body.id}/schedule`, { send_at: 'now' })).toMatchObject({ status: 400, body: { errors: [{ field: 'email_config.sender_id' }] } });
  const copy = await api('POST', `/v3/marketing/singlesends/${SEED.singleSendId}`, { name: 'Spring Sale (resend)' });
  expect(copy.body).toMatchObject({ status: 'draft', name: 'Spring Sale (resend)' });
  expect((await api('PUT', `/v3/marketing/singlesends/${copy.body.id}/schedule`, { send_at: 'now' })).status).toBe(201);
  expect((await api('GET', `/v3/marketing/singlesends/${copy.body.id}`)).body.status).toBe('triggered');
});

it('mails a Single Send that takes its content from a design of the library', async () => {
  const designs = (await api('GET', '/v3/designs?summary=true')).body.result;
  expect(designs).toEqual([expect.objectContaining({ id: SEED.designId, name: 'Spring Sale Layout' })]);
  expect(designs[0].html_content).toBeUndefined();
  const created = await api('POST', '/v3/marketing/singlesends', {
    name: 'From a design',
    send_to: { list_ids: [SEED.secondListId] },
    email_config: { subject: 'Designed', design_id: SEED.designId, sender_id: SEED.senderId, suppression_group_id: SEED.unsubscribeGroupId },
  });
  expect(created.status).toBe(201);
  expect((await api('PUT', `/v3/marketing/singlesends/${created.body.id}/schedule`, { send_at: 'now' })).status).toBe(201);
  expect((await activity('subject="Designed"')).map((m) => m.to_email).sort()).toEqual([SEED.contactEmail, 'alan@example.com']);
  expect(await api('POST', '/v3/marketing/singlesends', { name: 'x', email_config: { design_id: '00000000-0000-4000-8000-000000000000' } })).toMatchObject({ status: 400, body: { errors: [{ field: 'email_config.design_id' }] } });
});
