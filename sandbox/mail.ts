// Mail send with SendGrid's checks and wording, scheduled sends (send_at), mail batches, and the
// cancel/pause of a batch that really holds or drops its scheduled mail.
import { randomBytes } from 'node:crypto';
import { deliver } from './delivery';
import { bad, isEmail, isObject, notFound, objectBody, ok, refuse, text, type Json, type Route } from './respond';
import type { Sandbox } from './server';
import type { SentMail } from './state';

const HOURS_72 = 72 * 3600;

function checkAddress(value: unknown, field: string, required = true) {
  if (value === undefined && !required) return;
  if (!isObject(value)) return bad(`The ${field} must be an object with an email address.`, field);
  if (!isEmail(value.email)) bad('Does not contain a valid address.', `${field}.email`);
  if (value.name !== undefined && typeof value.name !== 'string') bad('The name must be a string.', `${field}.name`);
}

function checkAddressList(value: unknown, field: string) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return bad(`The ${field} field must be an array of email objects.`, field);
  value.forEach((a, i) => checkAddress(a, `${field}.${i}`));
  return value.map((a) => String((a as Json).email).toLowerCase());
}

/** The checks SendGrid makes before it accepts a mail, with its wording. */
function check(mail: Json, sandbox: Sandbox) {
  const personalizations = mail.personalizations;
  if (!Array.isArray(personalizations) || personalizations.length === 0)
    bad('The personalizations field is required and must have at least one personalization.', 'personalizations');
  const list = personalizations as unknown[];
  if (list.length > 1000) bad('The personalizations field can have at most 1000 personalizations.', 'personalizations');
  const nowSecs = Math.floor(sandbox.now() / 1000);
  const checkSendAt = (value: unknown, field: string) => {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) bad('The send_at parameter must be a Unix timestamp in seconds.', field);
    if ((value as number) > nowSecs + HOURS_72) bad('Scheduling more than 72 hours in advance is forbidden.', field);
  };
  list.forEach((p, i) => {
    const at = `personalizations.${i}`;
    if (!isObject(p)) return bad('Each personalization must be an object.', at);
    if (!Array.isArray(p.to) || p.to.length === 0)
      bad('The to array is required for all personalization objects, and must have at least one email object with a valid email address.', `${at}.to`);
    const seen = new Set<string>();
    for (const kind of ['to', 'cc', 'bcc'] as const) {
      for (const email of checkAddressList(p[kind], `${at}.${kind}`)) {
        if (seen.has(email))
          bad(`Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [${email}] in the ${at}.${kind} field.`, `${at}.${kind}`);
        seen.add(email);
      }
    }
    if (seen.size > 1000) bad('The total number of recipients in a personalization must be no more than 1000.', at);
    if (p.from !== undefined) checkAddress(p.from, `${at}.from`);
    if (p.subject !== undefined && (typeof p.subject !== 'string' || !p.subject)) bad('The subject must be a non-empty string.', `${at}.subject`);
    for (const dict of ['headers', 'substitutions', 'dynamic_template_data', 'custom_args'])
      if (p[dict] !== undefined && !isObject(p[dict])) bad(`The ${dict} must be an object.`, `${at}.${dict}`);
    checkSendAt(p.send_at, `${at}.send_at`);
  });
  if (mail.from === undefined)
    bad('The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.', 'from');
  checkAddress(mail.from, 'from');
  checkAddress(mail.reply_to, 'reply_to', false);
  if (mail.reply_to_list !== undefined) checkAddressList(mail.reply_to_list, 'reply_to_list');

  const templateId = mail.template_id;
  if (templateId !== undefined) {
    if (typeof templateId !== 'string' || !sandbox.state.templates.some((t) => t.id === templateId)) bad(`The template_id ${JSON.stringify(templateId)} is not a template of this account.`, 'template_id');
  }
  const everySubject = list.every((p) => typeof (p as Json).subject === 'string');
  if (mail.subject !== undefined && (typeof mail.subject !== 'string' || !mail.subject)) bad('The subject must be a non-empty string.', 'subject');
  if (!templateId && !mail.subject && !everySubject)
    bad('The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.', 'subject');
  const content = mail.content;
  if (content !== undefined) {
    if (!Array.isArray(content)) bad('The content field must be an array of content objects.', 'content');
    (content as unknown[]).forEach((c, i) => {
      if (!isObject(c) || typeof c.type !== 'string' || !c.type) bad('The content type is required.', `content.${i}.type`);
      if (typeof (c as Json).value !== 'string' || !(c as Json).value) bad('The content value must be a string at least one character in length.', `content.${i}.value`);
    });
    const types = (content as Json[]).map((c) => c.type);
    const plain = types.indexOf('text/plain');
    const html = types.indexOf('text/html');
    if ((plain >= 0 && plain !== 0) || (html >= 0 && html !== (plain >= 0 ? 1 : 0)))
      bad('If present, text/plain content must be first, followed by text/html, followed by any other content.', 'content');
  }
  if (!templateId && !(Array.isArray(content) && content.length))
    bad('Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.', 'content');
  if (mail.attachments !== undefined) {
    if (!Array.isArray(mail.attachments)) bad('The attachments field must be an array.', 'attachments');
    (mail.attachments as unknown[]).forEach((a, i) => {
      if (!isObject(a) || typeof a.content !== 'string' || !a.content) bad('The attachment content is required.', `attachments.${i}.content`);
      if (typeof (a as Json).filename !== 'string' || !(a as Json).filename) bad('The attachment filename is required.', `attachments.${i}.filename`);
    });
  }
  if (mail.categories !== undefined) {
    if (!Array.isArray(mail.categories) || mail.categories.some((c) => typeof c !== 'string' || c.length > 255)) bad('Categories must be strings of at most 255 characters.', 'categories');
    if ((mail.categories as string[]).length > 10) bad('You can only have up to 10 categories.', 'categories');
    if (new Set(mail.categories as string[]).size !== (mail.categories as string[]).length) bad('Categories must be unique.', 'categories');
  }
  for (const dict of ['headers', 'custom_args', 'mail_settings', 'tracking_settings'])
    if (mail[dict] !== undefined && !isObject(mail[dict])) bad(`The ${dict} must be an object.`, dict);
  if (mail.asm !== undefined) {
    const asm = mail.asm;
    if (!isObject(asm) || typeof asm.group_id !== 'number' || !Number.isInteger(asm.group_id)) bad('The asm group_id must be an integer.', 'asm.group_id');
    else if (!sandbox.state.groups.some((g) => g.id === asm.group_id)) bad(`The asm group_id ${asm.group_id} is not an unsubscribe group of this account.`, 'asm.group_id');
  }
  checkSendAt(mail.send_at, 'send_at');
  if (mail.batch_id !== undefined) {
    if (typeof mail.batch_id !== 'string' || !sandbox.state.batches.some((b) => b.batch_id === mail.batch_id)) bad('The batch ID is not valid.', 'batch_id');
  }
  const from = String((mail.from as Json).email).toLowerCase();
  if (!sandbox.state.senders.some((s) => s.verified && s.from_email === from))
    refuse(403, 'The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements', 'from');
}

export const messageId = () => randomBytes(16).toString('base64url').slice(0, 22);

/** Queues a mail that passed the checks: sent at once, or held until its send_at. */
export function queueMail(sandbox: Sandbox, request: Json, extra: Partial<SentMail> = {}): SentMail {
  const sendAt = typeof request.send_at === 'number' ? request.send_at * 1000 : sandbox.now();
  const mail: SentMail = { message_id: messageId(), received_at: new Date(sandbox.now()).toISOString(), request, send_at: sendAt, status: 'scheduled', ...extra };
  sandbox.state.mail.push(mail);
  runScheduledMail(sandbox);
  return mail;
}

/** Sends the mail that fell due, unless its batch is paused (held) or cancelled (dropped). */
export function runScheduledMail(sandbox: Sandbox): boolean {
  const now = sandbox.now();
  let changed = false;
  for (const mail of sandbox.state.mail) {
    if (mail.status !== 'scheduled' || mail.send_at > now) continue;
    const batch = typeof mail.request.batch_id === 'string' ? sandbox.state.batches.find((b) => b.batch_id === mail.request.batch_id) : undefined;
    if (batch?.status === 'pause') continue;
    changed = true;
    if (batch?.status === 'cancel') mail.status = 'cancelled';
    else deliver(sandbox, mail);
  }
  return changed;
}

const BATCH_ID = /^[a-zA-Z0-9\-_]+$/;

export const mailRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v3/mail/send',
    handle({ body }, sandbox) {
      const mail = objectBody(body);
      check(mail, sandbox);
      // Sandbox mode, as in SendGrid: checked, answered 200, not queued.
      if (isObject(mail.mail_settings) && isObject(mail.mail_settings.sandbox_mode) && mail.mail_settings.sandbox_mode.enable === true) return ok(undefined, 200);
      const queued = queueMail(sandbox, mail);
      return { status: 202, headers: { 'x-message-id': queued.message_id } };
    },
  },
  {
    method: 'POST',
    path: '/v3/mail/batch',
    handle(_request, { state }) {
      const batch_id = randomBytes(24).toString('base64url').replace(/[-_]/g, 'x').slice(0, 32);
      state.batches.push({ batch_id });
      return ok({ batch_id }, 201);
    },
  },
  {
    method: 'GET',
    path: '/v3/mail/batch/:batch_id',
    handle({ params }, { state }) {
      if (!state.batches.some((b) => b.batch_id === params.batch_id)) bad('invalid batch id', 'batch_id');
      return ok({ batch_id: params.batch_id });
    },
  },
  {
    method: 'GET',
    path: '/v3/user/scheduled_sends',
    handle: (_request, { state }) => ok(state.batches.filter((b) => b.status).map((b) => ({ batch_id: b.batch_id, status: b.status }))),
  },
  {
    method: 'GET',
    path: '/v3/user/scheduled_sends/:batch_id',
    handle({ params }, { state }) {
      const batch = state.batches.find((b) => b.batch_id === params.batch_id && b.status) ?? notFound('scheduled send not found', 'batch_id');
      return ok([{ batch_id: batch.batch_id, status: batch.status }]);
    },
  },
  {
    method: 'POST',
    path: '/v3/user/scheduled_sends',
    handle({ body }, { state }) {
      const input = objectBody(body);
      const id = text(input, 'batch_id', { required: true })!;
      if (!BATCH_ID.test(id)) bad('batch_id is not valid', 'batch_id');
      if (input.status !== 'pause' && input.status !== 'cancel') bad('status must be pause or cancel', 'status');
      const batch = state.batches.find((b) => b.batch_id === id) ?? bad('The batch ID is not valid.', 'batch_id');
      if (batch.status) bad('a cancel or pause already exists for this batch; update it instead', 'batch_id');
      batch.status = input.status as 'pause' | 'cancel';
      return ok({ batch_id: id, status: batch.status }, 201);
    },
  },
  {
    method: 'PATCH',
    path: '/v3/user/scheduled_sends/:batch_id',
    handle({ params, body }, { state }) {
      const input = objectBody(body);
      if (input.status !== 'pause' && input.status !== 'cancel') bad('status must be pause or cancel', 'status');
      const batch = state.batches.find((b) => b.batch_id === params.batch_id && b.status) ?? notFound('scheduled send not found', 'batch_id');
      batch.status = input.status as 'pause' | 'cancel';
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    path: '/v3/user/scheduled_sends/:batch_id',
    handle({ params }, sandbox) {
      const batch = sandbox.state.batches.find((b) => b.batch_id === params.batch_id && b.status) ?? notFound('scheduled send not found', 'batch_id');
      delete batch.status;
      runScheduledMail(sandbox);
      return { status: 204 };
    },
  },
];
