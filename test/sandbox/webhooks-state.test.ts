// Event webhooks receive each event, signed as SendGrid signs them (checked here with node:crypto),
// and a sandbox with a statePath loses nothing across a clean restart.
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { call } from './helpers';

let sandbox: Sandbox;
afterEach(() => sandbox?.close());

async function receiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

it('posts events to every enabled webhook, signed with ECDSA P-256 over timestamp + body', async () => {
  sandbox = await startSandbox({ jobDelayMs: 0, bounceShare: 0, openShare: 0 });
  const hook = await receiver();
  const plain = await receiver();
  try {
    const api = (method: string, path: string, body?: unknown) => call(sandbox.url, method, path, body);
    const created = await api('POST', '/v3/user/webhooks/event/settings', { url: hook.url, enabled: true, processed: true, delivered: true, friendly_name: 'Signed' });
    await api('POST', '/v3/user/webhooks/event/settings', { url: plain.url, enabled: true, delivered: true });
    await api('POST', '/v3/user/webhooks/event/settings', { url: plain.url.replace('/events', '/off'), enabled: false, delivered: true });
    const signed = await api('PATCH', `/v3/user/webhooks/event/settings/signed/${created.body.id}`, { enabled: true });
    expect(signed.body).toEqual({ id: created.body.id, public_key: expect.stringMatching(/^[A-Za-z0-9+/=]+$/) });
    expect((await api('GET', `/v3/user/webhooks/event/settings/signed/${created.body.id}`)).body.public_key).toBe(signed.body.public_key);

    const sent = await api('POST', '/v3/mail/send', { personalizations: [{ to: [{ email: 'ada@example.com' }] }], from: { email: SEED.senderEmail }, subject: 'x', content: [{ type: 'text/plain', value: 'y' }] });
    await sandbox.settle();
    expect(hook.received).toHaveLength(1);
    const delivery = hook.received[0]!;
    const events = JSON.parse(delivery.body) as { event: string; email: string; sg_message_id: string }[];
    expect(events.map((e) => e.event)).toEqual(['processed', 'delivered']);
    expect(events[0]!.sg_message_id.startsWith(sent.headers.get('x-message-id')!)).toBe(true);

    const timestamp = delivery.headers['x-twilio-email-event-webhook-timestamp'] as string;
    const signature = delivery.headers['x-twilio-email-event-webhook-signature'] as string;
    const key = createPublicKey({ key: Buffer.from(signed.body.public_key, 'base64'), format: 'der', type: 'spki' });
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(verify('sha256', Buffer.from(timestamp + delivery.body), key, Buffer.from(signature, 'base64'))).toBe(true);
    expect(verify('sha256', Buffer.from(timestamp + delivery.body.replace('ada', 'eve')), key, Buffer.from(signature, 'base64'))).toBe(false);

    // The unsigned webhook wants only deliveries, and gets no signature; the disabled one gets nothing.
    expect(plain.received.map((r) => JSON.parse(r.body).map((e: { event: string }) => e.event))).toEqual([['delivered']]);
    expect(plain.received[0]!.headers['x-twilio-email-event-webhook-signature']).toBeUndefined();
    expect(sandbox.deliveries).toHaveLength(2);
  } finally {
    await hook.close();
    await plain.close();
  }
});

it('keeps its state in a file and loses nothing across a clean restart', async () => {
  const statePath = join(mkdtempSync(join(tmpdir(), 'sandbox-state-')), 'state.json');
  sandbox = await startSandbox({ statePath, jobDelayMs: 0, webhookDelivery: false });
  const api = (method: string, path: string, body?: unknown) => call(sandbox.url, method, path, body);
  const list = (await api('POST', '/v3/marketing/lists', { name: 'Persisted' })).body;
  await api('PUT', '/v3/marketing/contacts', { list_ids: [list.id], contacts: [{ email: 'kept@example.com', custom_fields: { [SEED.customFieldId]: 'gold' } }] });
  const signed = (await api('PATCH', `/v3/user/webhooks/event/settings/signed/${SEED.webhookId}`, { enabled: true })).body.public_key;
  await api('POST', '/v3/mail/send', { personalizations: [{ to: [{ email: 'kept@example.com' }] }], from: { email: SEED.senderEmail }, subject: 'x', content: [{ type: 'text/plain', value: 'y' }] });
  // Saved after every change, not only on close.
  expect(JSON.parse(readFileSync(statePath, 'utf8')).lists.map((l: { name: string }) => l.name)).toContain('Persisted');
  const before = JSON.stringify(sandbox.state);
  await sandbox.close();

  sandbox = await startSandbox({ statePath, jobDelayMs: 0, webhookDelivery: false });
  expect(JSON.stringify(sandbox.state)).toBe(before);
  const again = (method: string, path: string, body?: unknown) => call(sandbox.url, method, path, body);
  expect((await again('GET', `/v3/marketing/lists/${list.id}/contacts/count`)).body.contact_count).toBe(1);
  expect((await again('GET', `/v3/user/webhooks/event/settings/signed/${SEED.webhookId}`)).body.public_key).toBe(signed);
  expect((await again('GET', '/v3/messages?query=' + encodeURIComponent('to_email="kept@example.com"'))).body.messages).toHaveLength(1);
});
