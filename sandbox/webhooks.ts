// Event webhooks (several per account), their signing keys, and delivery: each event is POSTed to
// every enabled webhook that wants it, signed with ECDSA P-256 over timestamp + raw body when signing
// is on (X-Twilio-Email-Event-Webhook-Signature, base64 DER; …-Timestamp), as SendGrid does.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { resource } from './resources';
import { bad, boolean, objectBody, ok, notFound, text, type Json, type Route } from './respond';
import type { Sandbox } from './server';

export interface Delivery {
  webhook_id: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  status?: number;
  error?: string;
}

const MAX_WEBHOOKS = 5;
const FLAGS = ['group_resubscribe', 'delivered', 'group_unsubscribe', 'spam_report', 'bounce', 'deferred', 'unsubscribe', 'processed', 'open', 'click', 'dropped'] as const;
/** The setting that turns an event on, by event name. */
const FLAG_OF: Record<string, string> = { processed: 'processed', delivered: 'delivered', bounce: 'bounce', dropped: 'dropped', deferred: 'deferred', open: 'open', click: 'click', spamreport: 'spam_report', unsubscribe: 'unsubscribe', group_unsubscribe: 'group_unsubscribe', group_resubscribe: 'group_resubscribe' };

const iso = (sandbox: Sandbox) => new Date(sandbox.now()).toISOString();

const view = (w: Json) => {
  const { private_key: _p, signed: _s, oauth_client_secret: _o, ...rest } = w;
  return rest;
};
const withKey = (w: Json) => ({ ...view(w), public_key: w.signed ? (w.public_key as string) : '' });

function settings(webhook: Json, body: Json, sandbox: Sandbox) {
  const url = text(body, 'url', { required: true, max: 2048 })!;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) bad('url must be a valid http or https URL', 'url');
  webhook.url = url;
  for (const flag of [...FLAGS, 'enabled']) {
    const value = boolean(body, flag);
    if (value !== undefined) webhook[flag] = value;
  }
  for (const field of ['friendly_name', 'oauth_client_id', 'oauth_client_secret', 'oauth_token_url']) {
    if (body[field] === null) webhook[field] = null;
    else {
      const value = text(body, field, { max: 2048 });
      if (value !== undefined) webhook[field] = value;
    }
  }
  webhook.updated_date = iso(sandbox);
}

const crud = resource<Json>({
  path: '/v3/user/webhooks/event/settings',
  listPath: '/v3/user/webhooks/event/settings/all',
  items: (s) => s.webhooks,
  id: (w) => w.id as string,
  notFound: 'webhook not found',
  list: { paging: 'none', view: withKey, wrap: (webhooks) => ({ max_allowed: MAX_WEBHOOKS, webhooks }) },
  create: {
    status: 201,
    build(body, sandbox) {
      if (sandbox.state.webhooks.length >= MAX_WEBHOOKS) bad(`an account can have at most ${MAX_WEBHOOKS} event webhooks`, 'url');
      const webhook: Json = { id: randomUUID(), enabled: false, account_status_change: false, friendly_name: null, oauth_client_id: null, oauth_token_url: null, created_date: iso(sandbox), signed: false };
      for (const flag of FLAGS) webhook[flag] = false;
      settings(webhook, body, sandbox);
      return webhook;
    },
  },
  get: true,
  update: { status: 200, apply: (webhook, body, sandbox) => settings(webhook, body, sandbox) },
  remove: { status: 204 },
  view: (w, _s, request) => (request.method === 'GET' ? withKey(w) : view(w)),
});

function findWebhook(sandbox: Sandbox, id: string) {
  return sandbox.state.webhooks.find((w) => w.id === id) ?? notFound('webhook not found', 'id');
}

function keyPair(webhook: Json) {
  if (webhook.private_key) return;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  webhook.private_key = privateKey.export({ type: 'pkcs8', format: 'pem' });
  webhook.public_key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Posts events to every enabled webhook that wants them; deliveries run in the background. */
export function emit(sandbox: Sandbox, events: Json[]) {
  const allow = sandbox.options.webhookDelivery ?? true;
  if (!events.length || allow === false) return;
  for (const webhook of sandbox.state.webhooks) {
    const url = webhook.url as string;
    if (!webhook.enabled || (typeof allow === 'function' && !allow(url))) continue;
    const wanted = events.filter((e) => webhook[FLAG_OF[e.event as string] ?? ''] === true);
    if (wanted.length) post(sandbox, webhook, wanted);
  }
}

function post(sandbox: Sandbox, webhook: Json, events: Json[]) {
  const body = JSON.stringify(events);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'SendGrid Event API' };
  if (webhook.signed && webhook.private_key) {
    const timestamp = String(Math.floor(sandbox.now() / 1000));
    headers['x-twilio-email-event-webhook-timestamp'] = timestamp;
    headers['x-twilio-email-event-webhook-signature'] = sign('sha256', Buffer.from(timestamp + body), webhook.private_key as string).toString('base64');
  }
  const delivery: Delivery = { webhook_id: webhook.id as string, url: webhook.url as string, body, headers };
  sandbox.deliveries.push(delivery);
  if (sandbox.deliveries.length > 1000) sandbox.deliveries.splice(0, sandbox.deliveries.length - 1000);
  const sending = fetch(delivery.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) })
    .then(async (response) => {
      delivery.status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    })
    .catch((error: Error) => void (delivery.error = error.message))
    .finally(() => sandbox.inflight.delete(sending));
  sandbox.inflight.add(sending);
}

export const webhookRoutes: Route[] = [
  ...crud,
  {
    method: 'GET',
    path: '/v3/user/webhooks/event/settings/signed/:id',
    handle: ({ params }, sandbox) => {
      const w = findWebhook(sandbox, params.id!);
      return ok({ id: w.id, public_key: w.signed ? w.public_key : '' });
    },
  },
  {
    method: 'PATCH',
    path: '/v3/user/webhooks/event/settings/signed/:id',
    handle({ params, body }, sandbox) {
      const webhook = findWebhook(sandbox, params.id!);
      const enabled = boolean(objectBody(body), 'enabled');
      if (enabled === undefined) bad('enabled is required', 'enabled');
      if (enabled) keyPair(webhook);
      webhook.signed = enabled;
      return ok({ id: webhook.id, public_key: enabled ? webhook.public_key : '' });
    },
  },
  {
    method: 'POST',
    path: '/v3/user/webhooks/event/test',
    handle({ body }, sandbox) {
      const input = objectBody(body);
      const url = text(input, 'url', { required: true })!;
      const id = text(input, 'id');
      const webhook = (id && sandbox.state.webhooks.find((w) => w.id === id)) || { id: id ?? 'test', url, signed: false };
      const event = { email: 'example@test.com', timestamp: Math.floor(sandbox.now() / 1000), event: 'processed', sg_event_id: 'test-event', sg_message_id: 'test-message' };
      post(sandbox, { ...webhook, url }, [event]);
      return { status: 204 };
    },
  },
];
