// Every endpoint of spec/endpoints.txt, driven with a realistic request through Prism in proxy mode in
// front of the sandbox: a request or an answer that the official spec refuses fails the test, unless it
// is a known bug of the spec (the allow-list below says why for each).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { violationsOf, type Violation } from '../contract/recorder';
import { emulatedRoutes, findRoute, startSandbox, type Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { call, type Answer } from './helpers';
import { startPrismProxy, startTap, type PrismProxy, type Tap } from './prism-proxy';

/** Endpoints the sandbox must emulate, as "METHOD /v3/path/{param}". */
export const ENDPOINTS = readFileSync(join(__dirname, '../../spec/endpoints.txt'), 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim())
  .filter(Boolean)
  .map((line) => line.split(/\s+/).join(' '));

const shape = (path: string) => path.replace(/\{[^}]+\}|:[^/]+/g, '{}');

interface Allowed {
  endpoint: string;
  location: RegExp;
  why: string;
}

// Genuine bugs of Twilio's spec in what SendGrid answers, never ours: each entry names the endpoint, the
// violation's location and why. (Request-side bugs are corrected in the spec itself: test/contract/spec-quirks.ts.)
const ALLOWED: Allowed[] = [
  { endpoint: 'GET /v3/templates', location: /^response\.body\.result\.\d+\.id$/, why: 'dynamic template ids are "d-" + 32 hex digits, not the UUIDs the spec types them as' },
  { endpoint: 'POST /v3/templates', location: /^response\.body\.id$/, why: 'a dynamic template id is "d-…", not a UUID' },
  { endpoint: 'GET /v3/marketing/segments/2.0', location: /^response\.body/, why: 'the spec gives the list answer the shape of one segment; SendGrid answers { results: [...], _metadata }' },
  { endpoint: 'GET /v3/asm/suppressions/global', location: /^response/, why: 'the spec lacks this GET (SendGrid serves it; the spec lists the same data at /v3/suppression/unsubscribes), so Prism matches /v3/asm/suppressions/{email}' },
  { endpoint: 'GET /v3/messages/{}', location: /^response\.body\.events\.\d+$/, why: 'the spec requires bounce_type, http_user_agent and mx_server on every event; SendGrid sends them only on the events they belong to' },
  { endpoint: 'DELETE /v3/marketing/lists/{}', location: /^response$/, why: 'the spec gives 204 a JSON string body; SendGrid sends 204 with no body' },
  { endpoint: 'POST /v3/contactdb/lists/{}/recipients', location: /^response$/, why: 'the spec gives 201 a JSON body; SendGrid sends 201 with no body' },
  { endpoint: 'DELETE /v3/marketing/contacts', location: /^response\.body\.job_id$/, why: 'the spec types job_id as an object; SendGrid sends the job id as a string, as for every other contact job' },
];

type Ctx = Record<string, string>;
interface Step {
  endpoint: string;
  path: string | ((ctx: Ctx) => string);
  body?: unknown | ((ctx: Ctx) => unknown);
  save?: (body: any, ctx: Ctx) => void;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const enc = encodeURIComponent;
const legacyLin = Buffer.from('lin@example.com').toString('base64');

const STEPS: Step[] = [
  { endpoint: 'GET /v3/scopes', path: '/v3/scopes' },
  {
    endpoint: 'POST /v3/mail/send',
    path: '/v3/mail/send',
    body: {
      personalizations: [{ to: [{ email: SEED.contactEmail, name: 'Ada Lovelace' }], cc: [{ email: SEED.secondContactEmail }], dynamic_template_data: { first_name: 'Ada' } }],
      from: { email: SEED.senderEmail, name: 'Acme Orders' },
      reply_to: { email: 'support@example.com', name: 'Acme Support' },
      subject: 'Your order #1042 has shipped',
      content: [{ type: 'text/plain', value: 'Your order is on its way.' }, { type: 'text/html', value: '<p>Your order is on its way.</p>' }],
      categories: ['orders', 'shipping'],
      asm: { group_id: SEED.unsubscribeGroupId },
    },
  },
  // Contacts
  {
    endpoint: 'PUT /v3/marketing/contacts',
    path: '/v3/marketing/contacts',
    body: { list_ids: [SEED.listId], contacts: [{ email: 'katherine@example.com', first_name: 'Katherine', last_name: 'Johnson', city: 'Hampton', custom_fields: { [SEED.customFieldId]: 'green', [SEED.numberFieldId]: 310 } }] },
    save: (b, ctx) => void (ctx.upsertJob = b.job_id),
  },
  { endpoint: 'GET /v3/marketing/contacts/imports/{id}', path: (ctx) => `/v3/marketing/contacts/imports/${ctx.upsertJob}` },
  { endpoint: 'GET /v3/marketing/contacts', path: '/v3/marketing/contacts' },
  { endpoint: 'GET /v3/marketing/contacts/{id}', path: `/v3/marketing/contacts/${SEED.contactId}` },
  { endpoint: 'GET /v3/marketing/contacts/count', path: '/v3/marketing/contacts/count' },
  { endpoint: 'POST /v3/marketing/contacts/search', path: '/v3/marketing/contacts/search', body: { query: `email LIKE '%@example.com' AND CONTAINS(list_ids, '${SEED.listId}')` } },
  { endpoint: 'POST /v3/marketing/contacts/search/emails', path: '/v3/marketing/contacts/search/emails', body: { emails: [SEED.contactEmail, SEED.secondContactEmail] } },
  {
    endpoint: 'PUT /v3/marketing/contacts/imports',
    path: '/v3/marketing/contacts/imports',
    body: { file_type: 'csv', field_mappings: ['_rf2_T', '_rf0_T', SEED.customFieldId], list_ids: [SEED.secondListId] },
    save: (b, ctx) => void (ctx.importJob = b.job_id),
  },
  { endpoint: 'POST /v3/marketing/contacts/exports', path: '/v3/marketing/contacts/exports', body: { list_ids: [SEED.listId], file_type: 'csv', notifications: { email: false } }, save: (b, ctx) => void (ctx.exportId = b.id) },
  { endpoint: 'GET /v3/marketing/contacts/exports/{id}', path: (ctx) => `/v3/marketing/contacts/exports/${ctx.exportId}` },
  { endpoint: 'GET /v3/marketing/contacts/exports', path: '/v3/marketing/contacts/exports' },
  // Lists
  { endpoint: 'GET /v3/marketing/lists', path: '/v3/marketing/lists?page_size=1' },
  { endpoint: 'POST /v3/marketing/lists', path: '/v3/marketing/lists', body: { name: 'Webinar Follow-ups' }, save: (b, ctx) => void (ctx.listId = b.id) },
  { endpoint: 'GET /v3/marketing/lists/{id}', path: `/v3/marketing/lists/${SEED.listId}?contact_sample=true` },
  { endpoint: 'PATCH /v3/marketing/lists/{id}', path: (ctx) => `/v3/marketing/lists/${ctx.listId}`, body: { name: 'Webinar Follow-ups 2026' } },
  { endpoint: 'GET /v3/marketing/lists/{id}/contacts/count', path: `/v3/marketing/lists/${SEED.listId}/contacts/count` },
  { endpoint: 'DELETE /v3/marketing/lists/{id}/contacts', path: `/v3/marketing/lists/${SEED.secondListId}/contacts?contact_ids=${SEED.contactId}` },
  { endpoint: 'DELETE /v3/marketing/lists/{id}', path: (ctx) => `/v3/marketing/lists/${ctx.listId}` },
  // Segments
  { endpoint: 'GET /v3/marketing/segments/2.0', path: '/v3/marketing/segments/2.0' },
  {
    endpoint: 'POST /v3/marketing/segments/2.0',
    path: '/v3/marketing/segments/2.0',
    body: { name: 'Teal fans', query_dsl: `SELECT contact_id, updated_at FROM contact_data WHERE ${SEED.customFieldName} = 'teal'` },
    save: (b, ctx) => void (ctx.segmentId = b.id),
  },
  { endpoint: 'GET /v3/marketing/segments/2.0/{segment_id}', path: `/v3/marketing/segments/2.0/${SEED.segmentId}` },
  { endpoint: 'PATCH /v3/marketing/segments/2.0/{segment_id}', path: (ctx) => `/v3/marketing/segments/2.0/${ctx.segmentId}`, body: { name: 'Teal and navy fans', query_dsl: `${SEED.customFieldName} IN ('teal', 'navy')` } },
  { endpoint: 'DELETE /v3/marketing/segments/2.0/{segment_id}', path: (ctx) => `/v3/marketing/segments/2.0/${ctx.segmentId}` },
  // Field definitions
  { endpoint: 'GET /v3/marketing/field_definitions', path: '/v3/marketing/field_definitions' },
  { endpoint: 'POST /v3/marketing/field_definitions', path: '/v3/marketing/field_definitions', body: { name: 'membership_tier', field_type: 'Text' }, save: (b, ctx) => void (ctx.fieldId = b.id) },
  { endpoint: 'PATCH /v3/marketing/field_definitions/{custom_field_id}', path: (ctx) => `/v3/marketing/field_definitions/${ctx.fieldId}`, body: { name: 'member_tier' } },
  { endpoint: 'DELETE /v3/marketing/field_definitions/{custom_field_id}', path: (ctx) => `/v3/marketing/field_definitions/${ctx.fieldId}` },
  // Legacy contactdb and campaigns
  { endpoint: 'GET /v3/contactdb/recipients', path: '/v3/contactdb/recipients?page=1&page_size=100' },
  { endpoint: 'GET /v3/contactdb/recipients/count', path: '/v3/contactdb/recipients/count' },
  { endpoint: 'POST /v3/contactdb/recipients', path: '/v3/contactdb/recipients', body: [{ email: 'lin@example.com', first_name: 'Lin', last_name: 'Chen' }] },
  { endpoint: 'PATCH /v3/contactdb/recipients', path: '/v3/contactdb/recipients', body: [{ email: 'lin@example.com', last_name: 'Chen-Wu' }] },
  {
    endpoint: 'POST /v3/contactdb/recipients/search',
    path: '/v3/contactdb/recipients/search',
    body: { list_id: SEED.legacyListId, conditions: [{ field: 'email', value: SEED.contactEmail, operator: 'eq', and_or: '' }] },
  },
  { endpoint: 'GET /v3/contactdb/lists', path: '/v3/contactdb/lists' },
  { endpoint: 'POST /v3/contactdb/lists', path: '/v3/contactdb/lists', body: { name: 'Legacy VIPs' } },
  { endpoint: 'POST /v3/contactdb/lists/{list_id}/recipients', path: `/v3/contactdb/lists/${SEED.legacyListId}/recipients`, body: [legacyLin] },
  { endpoint: 'DELETE /v3/contactdb/lists/{list_id}/recipients/{recipient_id}', path: `/v3/contactdb/lists/${SEED.legacyListId}/recipients/${legacyLin}` },
  { endpoint: 'DELETE /v3/contactdb/recipients', path: '/v3/contactdb/recipients', body: [legacyLin] },
  { endpoint: 'GET /v3/contactdb/custom_fields', path: '/v3/contactdb/custom_fields' },
  { endpoint: 'POST /v3/contactdb/custom_fields', path: '/v3/contactdb/custom_fields', body: { name: 'company', type: 'text' } },
  { endpoint: 'GET /v3/contactdb/reserved_fields', path: '/v3/contactdb/reserved_fields' },
  { endpoint: 'GET /v3/campaigns', path: '/v3/campaigns?limit=10&offset=0' },
  { endpoint: 'GET /v3/campaigns/{campaign_id}', path: `/v3/campaigns/${SEED.legacyCampaignId}` },
  // Templates
  { endpoint: 'GET /v3/templates', path: '/v3/templates?generations=legacy,dynamic&page_size=10' },
  { endpoint: 'POST /v3/templates', path: '/v3/templates', body: { name: 'Welcome', generation: 'dynamic' }, save: (b, ctx) => void (ctx.templateId = b.id) },
  { endpoint: 'GET /v3/templates/{template_id}', path: `/v3/templates/${SEED.legacyTemplateId}` },
  { endpoint: 'POST /v3/templates/{template_id}', path: `/v3/templates/${SEED.legacyTemplateId}`, body: { name: 'Password Reset (copy)' } },
  {
    endpoint: 'POST /v3/templates/{template_id}/versions',
    path: `/v3/templates/${SEED.legacyTemplateId}/versions`,
    body: { name: 'Password Reset v2', subject: '<%subject%>', html_content: '<p>Reset your password</p><%body%>', plain_content: 'Reset your password <%body%>', active: 0, editor: 'code' },
    save: (b, ctx) => void (ctx.versionId = b.id),
  },
  { endpoint: 'GET /v3/templates/{template_id}/versions/{version_id}', path: (ctx) => `/v3/templates/${SEED.legacyTemplateId}/versions/${ctx.versionId}` },
  { endpoint: 'PATCH /v3/templates/{template_id}/versions/{version_id}', path: (ctx) => `/v3/templates/${SEED.legacyTemplateId}/versions/${ctx.versionId}`, body: { name: 'Password Reset v2.1', subject: 'Reset your password' } },
  { endpoint: 'POST /v3/templates/{template_id}/versions/{version_id}/activate', path: (ctx) => `/v3/templates/${SEED.legacyTemplateId}/versions/${ctx.versionId}/activate` },
  { endpoint: 'DELETE /v3/templates/{template_id}', path: (ctx) => `/v3/templates/${ctx.templateId}` },
  // Unsubscribe groups and suppressions
  { endpoint: 'GET /v3/asm/groups', path: '/v3/asm/groups' },
  { endpoint: 'POST /v3/asm/groups', path: '/v3/asm/groups', body: { name: 'Billing Notices', description: 'Invoices and receipts', is_default: false }, save: (b, ctx) => void (ctx.groupId = String(b.id)) },
  { endpoint: 'GET /v3/asm/groups/{group_id}', path: `/v3/asm/groups/${SEED.unsubscribeGroupId}` },
  { endpoint: 'PATCH /v3/asm/groups/{group_id}', path: (ctx) => `/v3/asm/groups/${ctx.groupId}`, body: { description: 'Invoices, receipts and payment reminders' } },
  { endpoint: 'POST /v3/asm/groups/{group_id}/suppressions', path: `/v3/asm/groups/${SEED.unsubscribeGroupId}/suppressions`, body: { recipient_emails: ['lin@example.com'] } },
  { endpoint: 'GET /v3/asm/groups/{group_id}/suppressions', path: `/v3/asm/groups/${SEED.unsubscribeGroupId}/suppressions` },
  { endpoint: 'DELETE /v3/asm/groups/{group_id}/suppressions/{email}', path: `/v3/asm/groups/${SEED.unsubscribeGroupId}/suppressions/${enc('lin@example.com')}` },
  { endpoint: 'DELETE /v3/asm/groups/{group_id}', path: (ctx) => `/v3/asm/groups/${ctx.groupId}` },
  { endpoint: 'GET /v3/asm/suppressions/global/{email}', path: `/v3/asm/suppressions/global/${enc('optout@example.com')}` },
  { endpoint: 'POST /v3/asm/suppressions/global', path: '/v3/asm/suppressions/global', body: { recipient_emails: ['leaving@example.com'] } },
  { endpoint: 'GET /v3/asm/suppressions/global', path: '/v3/asm/suppressions/global' },
  { endpoint: 'DELETE /v3/asm/suppressions/global/{email}', path: `/v3/asm/suppressions/global/${enc('leaving@example.com')}` },
  { endpoint: 'GET /v3/suppression/bounces', path: '/v3/suppression/bounces?start_time=0&limit=100&offset=0' },
  { endpoint: 'DELETE /v3/suppression/bounces/{email}', path: `/v3/suppression/bounces/${enc('bounced@example.com')}` },
  { endpoint: 'GET /v3/suppression/blocks', path: '/v3/suppression/blocks?limit=100' },
  { endpoint: 'DELETE /v3/suppression/blocks/{email}', path: `/v3/suppression/blocks/${enc('blocked@example.net')}` },
  { endpoint: 'GET /v3/suppression/spam_reports', path: '/v3/suppression/spam_reports?limit=100' },
  { endpoint: 'DELETE /v3/suppression/spam_reports/{email}', path: `/v3/suppression/spam_reports/${enc('complainer@example.org')}` },
  { endpoint: 'GET /v3/suppression/invalid_emails', path: '/v3/suppression/invalid_emails?limit=100' },
  { endpoint: 'DELETE /v3/suppression/invalid_emails/{email}', path: `/v3/suppression/invalid_emails/${enc('old-address@invalid.example.com')}` },
  { endpoint: 'GET /v3/suppression/unsubscribes', path: '/v3/suppression/unsubscribes?limit=100' },
  // Stats, categories, email activity
  { endpoint: 'GET /v3/categories', path: '/v3/categories?limit=10' },
  { endpoint: 'GET /v3/stats', path: `/v3/stats?start_date=${day(-7)}&aggregated_by=day` },
  { endpoint: 'GET /v3/categories/stats', path: `/v3/categories/stats?start_date=${day(-7)}&categories=orders` },
  { endpoint: 'GET /v3/categories/stats/sums', path: `/v3/categories/stats/sums?start_date=${day(-7)}&sort_by_metric=delivered&limit=5` },
  { endpoint: 'GET /v3/messages', path: `/v3/messages?query=${enc(`to_email="${SEED.contactEmail}" AND status="delivered"`)}&limit=10` },
  { endpoint: 'GET /v3/messages/{msg_id}', path: `/v3/messages/${SEED.messageId}` },
  // Single Sends
  {
    endpoint: 'POST /v3/marketing/singlesends',
    path: '/v3/marketing/singlesends',
    body: {
      name: 'Summer Sale',
      categories: ['summer-sale'],
      send_to: { list_ids: [SEED.listId] },
      email_config: { subject: 'Summer sale: 30% off', html_content: '<p>30% off. <a href="{{{unsubscribe}}}">Unsubscribe</a></p>', plain_content: '30% off.', sender_id: SEED.senderId, suppression_group_id: SEED.unsubscribeGroupId, editor: 'code' },
    },
    save: (b, ctx) => void (ctx.singleSendId = b.id),
  },
  { endpoint: 'GET /v3/marketing/singlesends', path: '/v3/marketing/singlesends?page_size=10' },
  // Not in the official spec files: Prism passes it through unchecked.
  { endpoint: 'GET /v3/designs', path: '/v3/designs?summary=true&page_size=10' },
  { endpoint: 'GET /v3/marketing/singlesends/{id}', path: `/v3/marketing/singlesends/${SEED.singleSendId}` },
  { endpoint: 'PATCH /v3/marketing/singlesends/{id}', path: (ctx) => `/v3/marketing/singlesends/${ctx.singleSendId}`, body: { name: 'Summer Sale 2026' } },
  { endpoint: 'POST /v3/marketing/singlesends/{id}', path: `/v3/marketing/singlesends/${SEED.singleSendId}`, body: { name: 'Spring Sale Announcement (copy)' } },
  { endpoint: 'PUT /v3/marketing/singlesends/{id}/schedule', path: (ctx) => `/v3/marketing/singlesends/${ctx.singleSendId}/schedule`, body: { send_at: new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z') } },
  { endpoint: 'DELETE /v3/marketing/singlesends/{id}/schedule', path: (ctx) => `/v3/marketing/singlesends/${ctx.singleSendId}/schedule` },
  { endpoint: 'PUT /v3/marketing/singlesends/{id}/schedule', path: `/v3/marketing/singlesends/${SEED.singleSendId}/schedule`, body: { send_at: 'now' } },
  { endpoint: 'GET /v3/marketing/stats/singlesends/{id}', path: `/v3/marketing/stats/singlesends/${SEED.singleSendId}?aggregated_by=total` },
  { endpoint: 'GET /v3/marketing/stats/singlesends', path: '/v3/marketing/stats/singlesends?page_size=10' },
  { endpoint: 'DELETE /v3/marketing/singlesends/{id}', path: (ctx) => `/v3/marketing/singlesends/${ctx.singleSendId}` },
  // Senders and validation
  { endpoint: 'GET /v3/verified_senders', path: '/v3/verified_senders?limit=10' },
  {
    endpoint: 'POST /v3/verified_senders',
    path: '/v3/verified_senders',
    body: { nickname: 'Acme Support', from_email: 'help@example.com', from_name: 'Acme Support', reply_to: 'support@example.com', reply_to_name: 'Acme Support', address: '1 Market Street', city: 'San Francisco', state: 'CA', zip: '94105', country: 'USA' },
    save: (b, ctx) => void (ctx.senderId = String(b.id)),
  },
  { endpoint: 'POST /v3/verified_senders/resend/{id}', path: (ctx) => `/v3/verified_senders/resend/${ctx.senderId}` },
  { endpoint: 'POST /v3/validations/email', path: '/v3/validations/email', body: { email: 'ada@example.org', source: 'signup' } },
  // Mail batches and scheduled sends
  { endpoint: 'POST /v3/mail/batch', path: '/v3/mail/batch', save: (b, ctx) => void (ctx.batchId = b.batch_id) },
  { endpoint: 'GET /v3/mail/batch/{batch_id}', path: (ctx) => `/v3/mail/batch/${ctx.batchId}` },
  { endpoint: 'POST /v3/user/scheduled_sends', path: '/v3/user/scheduled_sends', body: (ctx: Ctx) => ({ batch_id: ctx.batchId, status: 'pause' }) },
  { endpoint: 'GET /v3/user/scheduled_sends', path: '/v3/user/scheduled_sends' },
  // Event webhooks
  {
    endpoint: 'POST /v3/user/webhooks/event/settings',
    path: '/v3/user/webhooks/event/settings',
    body: { enabled: true, url: 'https://hooks.example.com/sendgrid/marketing', delivered: true, bounce: true, open: true, friendly_name: 'Marketing events' },
    save: (b, ctx) => void (ctx.webhookId = b.id),
  },
  { endpoint: 'GET /v3/user/webhooks/event/settings/all', path: '/v3/user/webhooks/event/settings/all' },
  { endpoint: 'GET /v3/user/webhooks/event/settings/{id}', path: (ctx) => `/v3/user/webhooks/event/settings/${ctx.webhookId}` },
  { endpoint: 'PATCH /v3/user/webhooks/event/settings/{id}', path: (ctx) => `/v3/user/webhooks/event/settings/${ctx.webhookId}`, body: { url: 'https://hooks.example.com/sendgrid/marketing-v2', enabled: false, click: true } },
  { endpoint: 'PATCH /v3/user/webhooks/event/settings/signed/{id}', path: (ctx) => `/v3/user/webhooks/event/settings/signed/${ctx.webhookId}`, body: { enabled: true } },
  { endpoint: 'GET /v3/user/webhooks/event/settings/signed/{id}', path: (ctx) => `/v3/user/webhooks/event/settings/signed/${ctx.webhookId}` },
  { endpoint: 'DELETE /v3/user/webhooks/event/settings/{id}', path: (ctx) => `/v3/user/webhooks/event/settings/${ctx.webhookId}` },
  // Last, as it removes a seeded contact.
  { endpoint: 'DELETE /v3/marketing/contacts', path: '/v3/marketing/contacts?ids=8e1f3a5c-7b9d-4f2e-a6c8-0b2d4f6a8c1e' },
];

let sandbox: Sandbox;
let prism: PrismProxy;
// Between Prism and the sandbox: it records the sandbox's own status, which Prism hides behind a 500
// when the answer breaks the spec (--errors).
let tap: Tap;
const ctx: Ctx = {};
const used = new Set<Allowed>();

beforeAll(async () => {
  sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false });
  tap = await startTap(sandbox.url);
  prism = await startPrismProxy(tap.url);
}, 90_000);

afterAll(async () => {
  prism?.stop();
  await tap?.close();
  await sandbox?.close();
});

const describeViolation = (v: Violation) => `[${v.location.join('.')}] ${v.code ?? ''}: ${v.message}`;

describe('every endpoint, through Prism in proxy mode', () => {
  it.each(STEPS.map((step, i) => [`${i + 1}. ${step.endpoint}`, step] as const))('%s', async (_name, step) => {
    const [method] = step.endpoint.split(' ');
    const path = typeof step.path === 'function' ? step.path(ctx) : step.path;
    const body = typeof step.body === 'function' ? (step.body as (c: Ctx) => unknown)(ctx) : step.body;
    tap.answers.splice(0);
    const answer: Answer = await call(prism.url, method!, path, body);
    const violations = violationsOf(answer.status, Object.fromEntries(answer.headers), Buffer.from(answer.text)).filter((v) => {
      const allowed = ALLOWED.find((a) => shape(a.endpoint) === shape(step.endpoint) && a.location.test(v.location.join('.')));
      if (allowed) used.add(allowed);
      return !allowed;
    });
    expect({ status: answer.status, violations: violations.map(describeViolation) }).toEqual({ status: expect.any(Number), violations: [] });
    // The sandbox itself succeeded (Prism answers 500 in its place when an allowed violation remains).
    // Prism refuses a request that only an allowed spec bug makes invalid: the sandbox must still accept it.
    if (!tap.answers.length && answer.status === 422) await call(tap.url, method!, path, body);
    expect(tap.answers).toHaveLength(1);
    expect(tap.answers[0]!.status).toBeLessThan(300);
    step.save?.(tap.answers[0]!.body ? JSON.parse(tap.answers[0]!.body) : undefined, ctx);
  }, 30_000);
});

describe('coverage', () => {
  it('needs every entry of the allow-list (an entry no request hits is stale)', () => {
    expect(ALLOWED.filter((a) => !used.has(a)).map((a) => `${a.endpoint} ${a.location}`)).toEqual([]);
  });

  it('drives every endpoint of spec/endpoints.txt', () => {
    const driven = new Set(STEPS.map((s) => shape(s.endpoint)));
    expect(ENDPOINTS.filter((e) => !driven.has(shape(e)))).toEqual([]);
  });

  it('emulates every endpoint of spec/endpoints.txt', () => {
    const routes = emulatedRoutes().map((r) => {
      const [method, path] = r.split(' ');
      return { method: method!, path: path!, handle: () => ({ status: 200 }) };
    });
    const missing = ENDPOINTS.filter((e) => {
      const [method, path] = e.split(' ');
      return !findRoute(routes, method!, path!.replace(/\{[^}]+\}/g, 'x1'));
    });
    expect(missing).toEqual([]);
  });

  it('answers a route it does not emulate with a distinct 404', async () => {
    const answer = await call(sandbox.url, 'GET', '/v3/whitelabel/domains');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-sandbox-not-emulated')).toBe('true');
    expect(answer.body).toEqual({ errors: [{ field: null, message: 'the sandbox does not emulate GET /v3/whitelabel/domains' }] });
  });
});
