// What the mail-sending operations share: their input fields, the checks across fields, the
// personalizations split into requests of at most 1,000 recipients, attachments downloaded and sized,
// and the sending itself, which never repeats a request and says exactly who got what when one fails.
import * as z from 'zod/mini';
import { described } from './described';
import { address, addresses, hasLineBreak, oneLine, parseAddress, type Address } from './address';
import type { SendGridApi } from './client';
import { InputError, SendGridError, type FieldError } from './errors';
import { ExternalHttpError, fetchFile } from './external-http';
import { zapier } from './hints';

/** SendGrid's limits for one mail send request: To, Cc and Bcc together, and personalizations. */
export const MAX_PER_REQUEST = 1000;
/** How many recipients one call splits into requests; beyond this, use Marketing Campaigns. */
export const MAX_RECIPIENTS = 10_000;
/** SendGrid's limit for one mail send request, attachments (base64) included. */
export const MAX_MAIL_BYTES = 30 * 1024 * 1024;
/** SendGrid schedules at most 72 hours ahead. */
export const MAX_SCHEDULE_HOURS = 72;
/** Handlebars data is shallow; a bound keeps deep values (an attack, or a mistake) from any recursion. */
export const MAX_DATA_DEPTH = 32;

const DYNAMIC_TEMPLATE = /^d-[0-9a-fA-F]{32}$/;
const BATCH_ID = /^[a-zA-Z0-9_-]+$/;
/** Headers SendGrid does not let a sender set. */
const RESERVED_HEADERS = ['x-sg-id', 'x-sg-eid', 'received', 'dkim-signature', 'content-type', 'content-transfer-encoding', 'to', 'from', 'subject', 'reply-to', 'cc', 'bcc'];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

// ---------------------------------------------------------------------------------------------
// Template data: an object (MCP, or a Zapier dict) or JSON text (a Zapier text field, for nesting).

/** Whether nested objects and arrays go deeper than `limit` levels; a loop, never recursion. */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node as object))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

const TOO_DEEP = `is nested more than ${MAX_DATA_DEPTH} levels deep; template data is read by handlebars and needs only a few levels: flatten it`;
const NOT_JSON_OBJECT = 'must be a JSON object, such as {"first_name": "Ada", "items": [{"name": "Pen", "price": 2.5}]}';

/** JSON text as an object, or undefined when it is not one. JSON.parse does not recurse, so any depth is safe here. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks template data given as an object or JSON text; returns the problem, if any. */
function dataProblem(value: unknown): string | undefined {
  const data = typeof value === 'string' ? jsonObject(value) : value;
  if (data === undefined) return NOT_JSON_OBJECT;
  return deeperThan(data, MAX_DATA_DEPTH) ? TOO_DEEP : undefined;
}

/** The data as an object; call only on checked input. */
const asData = (value: Record<string, unknown> | string): Record<string, unknown> => (typeof value === 'string' ? jsonObject(value)! : value);

const dataObject = (description: string) =>
  z.record(z.string(), z.unknown()).check(
    z.refine((data) => !deeperThan(data, MAX_DATA_DEPTH), TOO_DEEP),
    z.describe(description),
  );

const dataText = (description: string) =>
  z.string().check(
    z.meta({ contentMediaType: 'application/json' }),
    z.superRefine((text, ctx) => {
      const problem = dataProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: text });
    }),
    z.describe(description),
  );

/** An object or its JSON text: for a line item of Zapier's form, which cannot hold a dict. */
const dataObjectOrText = (description: string) =>
  z.union([z.record(z.string(), z.unknown()), z.string().check(z.meta({ contentMediaType: 'application/json' }))]).check(
    z.superRefine((value, ctx) => {
      const problem = dataProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    }),
    z.describe(description),
  );

// ---------------------------------------------------------------------------------------------
// Fields. Each operation picks the ones it offers; the checks and the body building below take any subset.

const text1 = (description?: string, max?: number) =>
  z.string().check(z.minLength(1), ...(max ? [z.maxLength(max)] : []), oneLine(), ...described(description));

const attachment = z.strictObject({
  url: z.optional(
    z.url().check(
      z.refine((url) => /^https:\/\//i.test(url), 'must be an https:// URL'),
      z.describe('https only. Give url or content, not both.'),
    ),
  ),
  content: z.optional(z.base64().check(z.minLength(1))),
  filename: z.optional(text1('Required with content; else from the download.', 255)),
  type: z.optional(
    z.string().check(
      z.regex(/^[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*\/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*$/, 'must be a MIME type such as application/pdf'),
    ),
  ),
  disposition: z.optional(
    z.enum(['attachment', 'inline']),
  ),
  // SendGrid's content_id; named after the cid: the HTML uses, as Zapier wants a dropdown for every *_id field.
  cid: zapier(z.optional(
    z.string().check(
      z.regex(/^[^\s<>"]{1,255}$/, 'must be 1 to 255 characters without spaces, quotes or angle brackets'),
      z.describe('For <img src="cid:…">. Required when disposition is inline.'),
    ),
  ), { label: 'Content ID (CID)' }),
});
export type AttachmentInput = z.output<typeof attachment>;

export const mailFields = {
  to: addresses(
    'Addresses, or "Name <address>".',
    { min: 1, max: MAX_RECIPIENTS },
  ),
  from_email: zapier(
    z.email().check(
      z.maxLength(256),
      z.describe('Verified, or on an authenticated domain.'),
    ),
    { dynamic: 'list_verified_senders.from_email.label', label: 'From Email' },
  ),
  from_name: z.optional(text1(undefined, 256)),
  subject: z.optional(text1('Required unless a template is chosen.', 998)),
  text: zapier(
    z.optional(z.string().check(z.minLength(1), z.describe('Give text, HTML or both, unless a template is chosen.'))),
    { type: 'text', label: 'Plain Text Body' },
  ),
  html: zapier(
    z.optional(z.string().check(z.minLength(1))),
    { type: 'text', label: 'HTML Body' },
  ),
  cc: z.optional(addresses(undefined, { max: MAX_PER_REQUEST - 1 })),
  bcc: z.optional(addresses(undefined, { max: MAX_PER_REQUEST - 1 })),
  reply_to: zapier(z.optional(address()), { label: 'Reply-To' }),
  reply_to_list: zapier(z.optional(addresses('Use reply_to or reply_to_list, not both.', { max: 1000 })), { label: 'Reply-To List' }),
  send_separately: z.optional(
    z.boolean().check(
      z.describe('One copy per To address. Cannot be combined with Cc or Bcc.'),
    ),
  ),
  template_id: zapier(
    z.optional(
      z.string().check(
        z.minLength(1),
        z.describe('From list_templates; supplies subject and content.'),
      ),
    ),
    { dynamic: 'list_templates.id.name', label: 'Template' },
  ),
  dynamic_template_id: zapier(
    z.string().check(
      z.trim(),
      z.regex(DYNAMIC_TEMPLATE, 'must be a dynamic template id: "d-" and 32 hex digits (legacy templates take no template data; use send_email for them)'),
      z.describe('get_template shows the data it expects.'),
    ),
    // Choosing a template reloads the form, which then shows its test data as a guide.
    { dynamic: 'list_templates.id.name', label: 'Dynamic Template', altersDynamicFields: true },
  ),
  dynamic_template_data: z.optional(dataObject(
    'Placeholder values. Only with a dynamic ("d-…") template.',
  )),
  dynamic_template_data_json: zapier(
    z.optional(dataText(
      'The same as JSON text; no key in both.',
    )),
    { type: 'text', label: 'Dynamic Template Data (JSON)' },
  ),
  recipient_data: z.optional(
    z.array(
      z.strictObject({
        email: z.email(),
        data: dataObjectOrText('Overrides shared values.'),
      }).check(z.describe('Per-recipient values, when sending separately: one entry per To address.')),
    ).check(z.maxLength(MAX_RECIPIENTS)),
  ),
  categories: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(255), oneLine())).check(z.maxLength(10)),
  ),
  unsubscribe_group_id: zapier(
    z.optional(z.int().check(z.positive(), z.describe('From list_unsubscribe_groups.'))),
    { dynamic: 'list_unsubscribe_groups.id.name', label: 'Unsubscribe Group' },
  ),
  groups_to_display: zapier(
    z.optional(
      z.array(z.int().check(z.positive())).check(
        z.minLength(1),
        z.maxLength(25),
        z.describe('Needs an unsubscribe group.'),
      ),
    ),
    { dynamic: 'list_unsubscribe_groups.id.name', label: 'Unsubscribe Groups to Display' },
  ),
  headers: z.optional(
    z.record(
      z.string().check(z.regex(HEADER_NAME, 'must be a header name (letters, digits and - without spaces or colons)')),
      z.string().check(z.maxLength(998), oneLine()),
    ).check(
      z.describe('Reserved ones such as To or Subject are refused.'),
    ),
  ),
  custom_args: z.optional(
    z.record(z.string().check(z.minLength(1)), z.string()).check(
      z.describe('Echoed in its events; at most 10,000 bytes in all.'),
    ),
  ),
  send_at: z.optional(
    z.iso.datetime({ offset: true }).check(
      z.describe(`Must be in the future and at most ${MAX_SCHEDULE_HOURS} hours ahead.`),
    ),
  ),
  batch_id: zapier(z.optional(
    z.string().check(
      z.regex(BATCH_ID, 'must be a batch id from create_mail_batch (letters, digits, - and _)'),
      z.maxLength(128),
      z.describe('From create_mail_batch, to cancel it later.'),
    ),
  ), { dynamic: 'list_scheduled_sends.batch_id.label', label: 'Batch ID' }),
  ip_pool_name: z.optional(
    z.string().check(z.minLength(2), z.maxLength(64), z.describe('Dedicated IPs only.')),
  ),
  click_tracking: z.optional(z.boolean()),
  open_tracking: z.optional(z.boolean()),
  // The description sits on the item: Zapier's line items take no help text of their own.
  attachments: z.optional(
    z.array(
      attachment.check(
        z.describe(`The whole email must stay under ${MAX_MAIL_BYTES / 1024 / 1024} MB.`),
      ),
    ).check(z.maxLength(100)),
  ),
  sandbox_mode: z.optional(
    z.boolean().check(z.describe('Validates without delivering.')),
  ),
};

/** What the checks and the body building accept: every mail operation's input is a subset of it. */
export interface MailInput {
  to: string[];
  cc?: string[];
  bcc?: string[];
  from_email: string;
  from_name?: string;
  subject?: string;
  text?: string;
  html?: string;
  reply_to?: string;
  reply_to_list?: string[];
  send_separately?: boolean;
  template_id?: string;
  dynamic_template_data?: Record<string, unknown>;
  dynamic_template_data_json?: string;
  recipient_data?: { email: string; data: Record<string, unknown> | string }[];
  categories?: string[];
  unsubscribe_group_id?: number;
  groups_to_display?: number[];
  headers?: Record<string, string>;
  custom_args?: Record<string, string>;
  send_at?: string;
  batch_id?: string;
  ip_pool_name?: string;
  click_tracking?: boolean;
  open_tracking?: boolean;
  attachments?: AttachmentInput[];
  sandbox_mode?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Checks across fields, run before any request. Values here may have failed a field check already
// (a deep template value, a malformed address), so nothing below walks into them.

const emailOf = (text: string) => parseAddress(text)?.email.toLowerCase();

export function checkMail(mail: MailInput, fail: (path: (string | number)[], message: string) => void, now = Date.now()) {
  const all = [...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const text of all) {
    const email = emailOf(text);
    if (email && seen.has(email)) twice.add(email);
    if (email) seen.add(email);
  }
  // One issue, however many duplicates: a pasted list can repeat thousands of addresses.
  if (twice.size) {
    const shown = [...twice].slice(0, 10).join(', ');
    fail(['to'], `${shown}${twice.size > 10 ? ` and ${twice.size - 10} more` : ''} ${twice.size > 1 ? 'appear' : 'appears'} more than once across To, Cc and Bcc; SendGrid refuses duplicates`);
  }
  const copies = (mail.cc?.length ?? 0) + (mail.bcc?.length ?? 0);
  if (copies >= MAX_PER_REQUEST) fail(['cc'], `Cc and Bcc together may have at most ${MAX_PER_REQUEST - 1} addresses, so that a request of ${MAX_PER_REQUEST} recipients has room for a To address; this has ${copies}`);
  if (mail.send_separately && copies) fail(['send_separately'], 'cannot be combined with Cc or Bcc, which would receive one copy per To address');

  if (mail.reply_to && mail.reply_to_list?.length) fail(['reply_to_list'], 'give reply_to or reply_to_list, not both');
  const replies = new Set<string>();
  for (const text of mail.reply_to_list ?? []) {
    const email = emailOf(text);
    if (email && replies.has(email)) fail(['reply_to_list'], `${email} appears more than once`);
    if (email) replies.add(email);
  }

  // Template data is for dynamic templates only; a legacy template would ignore it silently.
  const hasData = mail.dynamic_template_data !== undefined || mail.dynamic_template_data_json !== undefined || (mail.recipient_data?.length ?? 0) > 0;
  const dataField = mail.dynamic_template_data !== undefined ? 'dynamic_template_data' : mail.dynamic_template_data_json !== undefined ? 'dynamic_template_data_json' : 'recipient_data';
  if (hasData && !mail.template_id) fail([dataField], 'template data needs a dynamic template: choose one in template_id');
  else if (hasData && mail.template_id && !mail.template_id.startsWith('d-'))
    fail([dataField], `template data works only with a dynamic template (an id starting with "d-"); ${mail.template_id} is a legacy template, which would ignore it`);
  if (mail.dynamic_template_data && mail.dynamic_template_data_json !== undefined) {
    const fromJson = jsonObject(mail.dynamic_template_data_json);
    const both = fromJson ? Object.keys(mail.dynamic_template_data).filter((key) => Object.hasOwn(fromJson, key)) : [];
    if (both.length) fail(['dynamic_template_data_json'], `${both.join(', ')} ${both.length > 1 ? 'are' : 'is'} also in dynamic_template_data; give each value once`);
  }
  if (mail.recipient_data?.length) {
    if (!mail.send_separately) fail(['recipient_data'], 'per-recipient values need send_separately, so that each recipient gets a copy of their own');
    const to = new Set(mail.to.map(emailOf));
    const given = new Set<string>();
    mail.recipient_data.forEach((entry, i) => {
      const email = entry.email.toLowerCase();
      if (!to.has(email)) fail(['recipient_data', i, 'email'], `${entry.email} is not one of the To addresses`);
      if (given.has(email)) fail(['recipient_data', i, 'email'], `${entry.email} has values twice`);
      given.add(email);
    });
  }

  if (mail.send_at !== undefined) {
    const at = Date.parse(mail.send_at);
    if (Number.isFinite(at) && at <= now) fail(['send_at'], `${mail.send_at} is in the past; give a future time, or leave it empty to send now`);
    else if (Number.isFinite(at) && at > now + MAX_SCHEDULE_HOURS * 3600_000)
      fail(['send_at'], `${mail.send_at} is more than ${MAX_SCHEDULE_HOURS} hours ahead (the latest is ${new Date(now + MAX_SCHEDULE_HOURS * 3600_000).toISOString()}); SendGrid cannot schedule further`);
  }
  if (mail.groups_to_display?.length && !mail.unsubscribe_group_id) fail(['groups_to_display'], 'needs an unsubscribe group (unsubscribe_group_id)');
  for (const name of Object.keys(mail.headers ?? {}))
    if (RESERVED_HEADERS.includes(name.toLowerCase())) fail(['headers', name], `SendGrid does not let you set ${name}; use its own field instead`);
  if (mail.custom_args && Buffer.byteLength(JSON.stringify(mail.custom_args)) > 10_000) fail(['custom_args'], 'are more than 10,000 bytes in all');

  mail.attachments?.forEach((file, i) => {
    const at = (field: string) => ['attachments', i, field];
    if (!file.url === !file.content) fail(at('url'), 'give either a url or base64 content');
    if (file.content && !file.filename) fail(at('filename'), 'is required with content');
    if (file.disposition === 'inline' && !file.cid) fail(at('cid'), 'is required for an inline attachment, so the HTML can refer to it');
  });
}

/** checkMail as a zod check on an operation's whole input. */
export const mailChecks = <T extends MailInput>(extra?: (mail: T, fail: (path: (string | number)[], message: string) => void) => void) =>
  z.superRefine<T>((mail, ctx) => {
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: undefined });
    checkMail(mail, fail);
    extra?.(mail, fail);
  });

// ---------------------------------------------------------------------------------------------
// The requests.

interface Personalization {
  to: Address[];
  cc?: Address[];
  bcc?: Address[];
  dynamic_template_data?: Record<string, unknown>;
  custom_args?: Record<string, string>;
}

export interface PlannedRequest {
  personalizations: Personalization[];
  recipients: string[];
}

export interface MailPlan {
  /** Everything of the body but the personalizations: the same in every request. */
  message: Record<string, unknown>;
  requests: PlannedRequest[];
}

const parsed = (list: readonly string[] | undefined) => (list ?? []).map((text) => parseAddress(text) as Address);

const chunks = <T>(list: T[], first: number, size: number): T[][] => {
  const out = [list.slice(0, first)];
  for (let i = first; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.filter((part) => part.length);
};

/** The personalizations, split into requests of at most 1,000 recipients and 1,000 personalizations each. */
function plan(mail: MailInput): PlannedRequest[] {
  const to = parsed(mail.to);
  const cc = parsed(mail.cc);
  const bcc = parsed(mail.bcc);
  const shared = {
    ...(mail.dynamic_template_data_json !== undefined ? jsonObject(mail.dynamic_template_data_json) : {}),
    ...mail.dynamic_template_data,
  };
  const hasShared = mail.dynamic_template_data !== undefined || mail.dynamic_template_data_json !== undefined;
  const own = new Map((mail.recipient_data ?? []).map((entry) => [entry.email.toLowerCase(), asData(entry.data)]));
  const extras = (data: Record<string, unknown> | undefined) => ({
    ...(data ? { dynamic_template_data: data } : {}),
    ...(mail.custom_args && Object.keys(mail.custom_args).length ? { custom_args: mail.custom_args } : {}),
  });

  if (mail.send_separately)
    return chunks(to, MAX_PER_REQUEST, MAX_PER_REQUEST).map((group) => ({
      personalizations: group.map((one) => {
        const mine = own.get(one.email.toLowerCase());
        return { to: [one], ...extras(mine ? { ...shared, ...mine } : hasShared ? shared : undefined) };
      }),
      recipients: group.map((one) => one.email),
    }));

  // Cc and Bcc ride in the first request only, so they get one copy however many requests there are.
  return chunks(to, MAX_PER_REQUEST - cc.length - bcc.length, MAX_PER_REQUEST).map((group, i) => ({
    personalizations: [
      { to: group, ...(i === 0 && cc.length ? { cc } : {}), ...(i === 0 && bcc.length ? { bcc } : {}), ...extras(hasShared ? shared : undefined) },
    ],
    recipients: [...group, ...(i === 0 ? [...cc, ...bcc] : [])].map((one) => one.email),
  }));
}

/** The body fields every request shares, attachments already downloaded and encoded. */
function messageOf(mail: MailInput, attachments: Record<string, string>[]): Record<string, unknown> {
  const content = [
    ...(mail.text ? [{ type: 'text/plain', value: mail.text }] : []),
    ...(mail.html ? [{ type: 'text/html', value: mail.html }] : []),
  ];
  const tracking = {
    ...(mail.click_tracking !== undefined ? { click_tracking: { enable: mail.click_tracking } } : {}),
    ...(mail.open_tracking !== undefined ? { open_tracking: { enable: mail.open_tracking } } : {}),
  };
  return {
    from: { email: mail.from_email, ...(mail.from_name ? { name: mail.from_name } : {}) },
    ...(mail.reply_to ? { reply_to: parseAddress(mail.reply_to) } : {}),
    ...(mail.reply_to_list?.length ? { reply_to_list: parsed(mail.reply_to_list) } : {}),
    ...(mail.subject ? { subject: mail.subject } : {}),
    ...(content.length ? { content } : {}),
    ...(attachments.length ? { attachments } : {}),
    ...(mail.template_id ? { template_id: mail.template_id } : {}),
    ...(mail.headers && Object.keys(mail.headers).length ? { headers: mail.headers } : {}),
    ...(mail.categories?.length ? { categories: [...new Set(mail.categories)] } : {}),
    ...(mail.send_at ? { send_at: Math.floor(Date.parse(mail.send_at) / 1000) } : {}),
    ...(mail.batch_id ? { batch_id: mail.batch_id } : {}),
    ...(mail.unsubscribe_group_id
      ? { asm: { group_id: mail.unsubscribe_group_id, ...(mail.groups_to_display?.length ? { groups_to_display: [...new Set(mail.groups_to_display)] } : {}) } }
      : {}),
    ...(mail.ip_pool_name ? { ip_pool_name: mail.ip_pool_name } : {}),
    ...(mail.sandbox_mode ? { mail_settings: { sandbox_mode: { enable: true } } } : {}),
    ...(Object.keys(tracking).length ? { tracking_settings: tracking } : {}),
  };
}

const base64Bytes = (text: string) => Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Attachments ready for SendGrid: URLs downloaded (without any credential), all within the size limit. */
async function attachmentsOf(list: AttachmentInput[], timeBudgetMs: number): Promise<Record<string, string>[]> {
  // Downloads share at most half of the call's time, so that the sending itself still fits in it.
  const until = Date.now() + Math.min(20_000, timeBudgetMs / 2);
  // Base64 grows a file by a third; the raw budget is what fits in the limit once encoded.
  let left = Math.floor((MAX_MAIL_BYTES * 3) / 4) - list.reduce((sum, file) => sum + (file.content ? base64Bytes(file.content) : 0), 0);
  const out: Record<string, string>[] = [];
  for (const [i, file] of list.entries()) {
    let content = file.content;
    let filename = file.filename;
    let type = file.type;
    if (file.url) {
      try {
        const fetched = await fetchFile(file.url, { maxBytes: Math.max(0, left), timeoutMs: Math.max(1000, until - Date.now()) });
        left -= fetched.content.length;
        content = fetched.content.toString('base64');
        filename ??= fetched.filename ?? 'attachment';
        type ??= fetched.contentType;
      } catch (error) {
        if (!(error instanceof ExternalHttpError)) throw error;
        const why = /larger than|more than the/.test(error.message)
          ? `${error.message}: the email, attachments included, must stay under SendGrid's ${MAX_MAIL_BYTES / 1024 / 1024} MB`
          : error.message;
        throw new InputError([{ field: `attachments[${i}].url`, message: `could not be attached: ${why}` }]);
      }
    }
    out.push({
      content: content!,
      filename: filename!,
      ...(type ? { type } : {}),
      ...(file.disposition ? { disposition: file.disposition } : {}),
      ...(file.cid ? { content_id: file.cid } : {}),
    });
  }
  return out;
}

/** The whole send, ready: attachments downloaded, size checked. Throws InputError before any request to SendGrid. */
export async function prepareMail(mail: MailInput, timeBudgetMs = 20_000): Promise<MailPlan> {
  const attachments = await attachmentsOf(mail.attachments ?? [], timeBudgetMs);
  const message = messageOf(mail, attachments);
  const requests = plan(mail);
  // Every request carries the same message; the largest set of personalizations decides.
  const messageBytes = Buffer.byteLength(JSON.stringify(message));
  const largest = Math.max(...requests.map((r) => Buffer.byteLength(JSON.stringify(r.personalizations))));
  if (messageBytes + largest + 32 > MAX_MAIL_BYTES) {
    const field: FieldError['field'] = attachments.length ? 'attachments' : 'html';
    throw new InputError([{ field, message: `the email would be ${mb(messageBytes + largest)}, over SendGrid's limit of ${MAX_MAIL_BYTES / 1024 / 1024} MB per request (attachments count a third more once encoded)` }]);
  }
  return { message, requests };
}

// ---------------------------------------------------------------------------------------------
// Sending.

export interface SentRequest {
  message_id: string | null;
  recipient_count: number;
}

/** Some requests of a split send went out and one failed: who got the email, who may have, who did not. */
export class PartialSendError extends Error {
  override name = 'PartialSendError';
  /** Some of it went out: never replay it automatically (see SendGridError.halt). */
  readonly halt = true;

  constructor(
    readonly sent: (SentRequest & { recipients: string[] })[],
    readonly uncertain: string[],
    readonly unsent: string[],
    readonly failure: Error,
    failedRequest: number,
    total: number,
  ) {
    const list = (emails: string[]) => emails.join(', ');
    const sentCount = sent.reduce((n, r) => n + r.recipient_count, 0);
    super(
      [
        `Only part of the email went out: request ${failedRequest} of ${total} failed (${failure.message}).`,
        sent.length
          ? `SENT, do not send again: ${sentCount} recipient(s) in request(s) 1-${sent.length} (message id(s) ${sent.map((r) => r.message_id ?? 'unknown').join(', ')}): ${list(sent.flatMap((r) => r.recipients))}.`
          : 'No earlier request went out.',
        ...(uncertain.length
          ? [`MAY OR MAY NOT HAVE BEEN SENT (request ${failedRequest}; check Email Activity in SendGrid before sending to them): ${uncertain.length} recipient(s): ${list(uncertain)}.`]
          : []),
        `NOT SENT: ${unsent.length} recipient(s): ${list(unsent)}.`,
        'Nothing was retried automatically. To finish, send again to the not-sent recipients only.',
      ].join(' '),
    );
  }

  toJSON() {
    return {
      status: this.failure instanceof SendGridError ? this.failure.status : 0,
      message: this.message,
      sent: this.sent.map(({ message_id, recipient_count, recipients }) => ({ message_id, recipient_count, recipients })),
      uncertain: this.uncertain,
      unsent: this.unsent,
    };
  }
}

/**
 * Whether a failed mail send may still have gone out: a server error, or no answer after it was sent.
 * The client says "before it was sent" when the call's time ran out or it was cancelled before sending.
 */
const mayHaveGone = (error: unknown) =>
  error instanceof SendGridError && (error.status >= 500 || (error.status === 0 && !/before it was sent/.test(error.detail ?? '')));

/**
 * Sends the planned requests one after another, never repeating one. A failure on the first request
 * is SendGrid's own error (nothing else was sent); a later one is a PartialSendError naming who got it.
 */
export async function sendPlanned(api: SendGridApi, { message, requests }: MailPlan): Promise<SentRequest[]> {
  const sent: (SentRequest & { recipients: string[] })[] = [];
  for (const [i, request] of requests.entries()) {
    try {
      const response = await api.request('POST', '/v3/mail/send', { body: { personalizations: request.personalizations, ...message } });
      sent.push({ message_id: response.headers['x-message-id'] ?? null, recipient_count: request.recipients.length, recipients: request.recipients });
    } catch (error) {
      if (requests.length === 1 || !(error instanceof Error)) throw error;
      const maybe = mayHaveGone(error);
      // Nothing went out and SendGrid says why (a 4xx): its own error is the clearest answer.
      if (i === 0 && !maybe) throw error;
      const later = requests.slice(i + 1).flatMap((r) => r.recipients);
      throw new PartialSendError(sent, maybe ? request.recipients : [], maybe ? later : [...request.recipients, ...later], error, i + 1, requests.length);
    }
  }
  return sent.map(({ message_id, recipient_count }) => ({ message_id, recipient_count }));
}

// ---------------------------------------------------------------------------------------------
// The result both operations return.

export interface MailResult {
  /** The first request's message id (each request's is in `requests`). */
  message_id: string | null;
  status: 'accepted' | 'scheduled' | 'checked';
  recipient_count: number;
  to: string[];
  subject: string | null;
  send_at: string | null;
  batch_id: string | null;
  sandbox_mode: boolean;
  requests: SentRequest[];
}

export async function sendMail(api: SendGridApi, mail: MailInput): Promise<MailResult> {
  const planned = await prepareMail(mail, api.remainingMs());
  const requests = await sendPlanned(api, planned);
  return {
    message_id: requests[0]?.message_id ?? null,
    status: mail.sandbox_mode ? 'checked' : mail.send_at ? 'scheduled' : 'accepted',
    recipient_count: requests.reduce((n, r) => n + r.recipient_count, 0),
    to: parsed(mail.to).map((one) => one.email),
    subject: mail.subject ?? null,
    send_at: mail.send_at ? new Date(Date.parse(mail.send_at)).toISOString() : null,
    batch_id: mail.batch_id ?? null,
    sandbox_mode: Boolean(mail.sandbox_mode),
    requests,
  };
}

export const mailSample: MailResult = {
  message_id: 'W8Tfb2KQTRGyE3rRPSuk9A',
  status: 'accepted',
  recipient_count: 2,
  to: ['ada@example.com', 'grace@example.com'],
  subject: 'Your order has shipped',
  send_at: null,
  batch_id: null,
  sandbox_mode: false,
  requests: [{ message_id: 'W8Tfb2KQTRGyE3rRPSuk9A', recipient_count: 2 }],
};

/** One line for people; names and subjects were checked to be one line each. */
export function mailSummary(sent: MailResult): string {
  if (sent.status === 'checked') return `SendGrid checked the email to ${sent.recipient_count} recipient(s) in sandbox mode; nothing was delivered.`;
  const ids = sent.requests.map((r) => r.message_id).filter(Boolean);
  const parts = sent.requests.length > 1 ? ` in ${sent.requests.length} requests` : '';
  const idText = ids.length ? ` (message id${ids.length > 1 ? 's' : ''} ${ids.join(', ')})` : '';
  const subject = sent.subject && !hasLineBreak(sent.subject) ? ` "${sent.subject}"` : '';
  const when = sent.status === 'scheduled' ? ` to be sent at ${sent.send_at}${sent.batch_id ? ` (batch ${sent.batch_id})` : ''}` : '';
  return `SendGrid accepted the email${subject} for ${sent.recipient_count} recipient(s)${parts}${when}${idText}.`;
}
