// What happens to a mail once it goes out: one message per recipient, with the events SendGrid would
// record (processed, then delivered or bounced or dropped, and for some an open). Events feed email
// activity, the stats endpoints, suppressions and the event webhooks.
import { createHash, randomBytes } from 'node:crypto';
import type { Sandbox } from './server';
import type { Json, MailEvent, Message, SentMail } from './state';
import { suppress } from './suppressions';
import { activeVersion } from './templates';
import { emit } from './webhooks';

/** A stable number in [0, 1) for an address, so the same recipient always fares the same. */
const share = (email: string, salt: string) => createHash('sha256').update(`${salt}:${email}`).digest().readUInt32BE(0) / 2 ** 32;

export function fate(sandbox: Sandbox, email: string): 'bounce' | 'open' | 'delivered' {
  const local = email.split('@')[0] ?? '';
  if (/bounce/i.test(local)) return 'bounce';
  if (share(email, 'bounce') < (sandbox.options.bounceShare ?? 0.05)) return 'bounce';
  return share(email, 'open') < (sandbox.options.openShare ?? 0.5) ? 'open' : 'delivered';
}

function dropReason(sandbox: Sandbox, email: string, groupId: number | undefined): string | undefined {
  const { suppressions, groups } = sandbox.state;
  const on = (list: { email: string }[]) => list.some((e) => e.email === email);
  if (on(suppressions.unsubscribes)) return 'Unsubscribed Address';
  if (on(suppressions.bounces)) return 'Bounced Address';
  if (on(suppressions.spam_reports)) return 'Spam Reporting Address';
  if (on(suppressions.invalid_emails)) return 'Invalid';
  if (groupId !== undefined && groups.find((g) => g.id === groupId)?.suppressions.some((s) => s.email === email)) return 'Unsubscribed Address';
  return undefined;
}

type Address = { email?: unknown };
const addresses = (value: unknown) => (Array.isArray(value) ? (value as Address[]).filter((a) => a && typeof a.email === 'string').map((a) => (a.email as string).toLowerCase()) : []);

/** Sends a mail that is due: a message and its events for every recipient. */
export function deliver(sandbox: Sandbox, mail: SentMail) {
  const request = mail.request as Json & { personalizations: Json[]; from: { email: string }; asm?: { group_id?: number } };
  const at = sandbox.now();
  const categories = Array.isArray(request.categories) ? (request.categories as string[]) : [];
  for (const category of categories) if (!sandbox.state.categories.includes(category)) sandbox.state.categories.push(category);
  const template = typeof request.template_id === 'string' ? activeVersion(sandbox.state, request.template_id) : undefined;
  const groupId = typeof request.asm?.group_id === 'number' ? request.asm.group_id : undefined;
  const webhookEvents: Json[] = [];
  let n = 0;
  for (const p of request.personalizations) {
    const subject = String(p.subject ?? request.subject ?? template?.subject ?? '');
    const recipients = [...addresses(p.to), ...addresses(p.cc), ...addresses(p.bcc)];
    for (const to of recipients) {
      const msgId = `${mail.message_id}.filter0001.${process.pid % 100000}.${randomBytes(4).toString('hex').toUpperCase()}.${n++}`;
      const events: MailEvent[] = [{ event: 'processed', at }];
      const dropped = dropReason(sandbox, to, groupId);
      if (dropped) events.push({ event: 'dropped', at: at + 1000, reason: dropped });
      else {
        const outcome = fate(sandbox, to);
        if (outcome === 'bounce') {
          const reason = '550 5.1.1 The email account that you tried to reach does not exist.';
          events.push({ event: 'bounce', at: at + 2000, reason });
          suppress(sandbox.state, 'bounces', { email: to, created: Math.floor(at / 1000), reason, status: '5.1.1' });
        } else {
          events.push({ event: 'delivered', at: at + 2000 });
          if (outcome === 'open') events.push({ event: 'open', at: at + 60_000 });
        }
      }
      const message: Message = {
        msg_id: msgId,
        message_id: mail.message_id,
        from_email: request.from.email.toLowerCase(),
        to_email: to,
        subject,
        categories,
        ...(typeof request.template_id === 'string' ? { template_id: request.template_id } : {}),
        ...(groupId !== undefined ? { asm_group_id: groupId } : {}),
        ...(mail.single_send_id ? { single_send_id: mail.single_send_id } : {}),
        custom_args: { ...((request.custom_args as Json) ?? {}), ...((p.custom_args as Json) ?? {}) },
        events,
      };
      sandbox.state.messages.push(message);
      for (const e of events) webhookEvents.push(eventPayload(message, e));
    }
  }
  mail.status = 'sent';
  emit(sandbox, webhookEvents);
}

/** An event as the Event Webhook posts it. */
export function eventPayload(message: Message, e: MailEvent): Json {
  const base: Json = {
    email: message.to_email,
    timestamp: Math.floor(e.at / 1000),
    event: e.event,
    sg_event_id: createHash('sha1').update(`${message.msg_id}:${e.event}:${e.at}`).digest('base64url').slice(0, 22),
    sg_message_id: message.msg_id,
    'smtp-id': `<${message.message_id}@sandbox.sendgrid.net>`,
    category: message.categories,
    ...message.custom_args,
  };
  if (message.single_send_id) base.singlesend_id = message.single_send_id;
  if (message.asm_group_id !== undefined) base.asm_group_id = message.asm_group_id;
  if (e.event === 'bounce') Object.assign(base, { reason: e.reason, status: '5.1.1', type: 'bounce', bounce_classification: 'Invalid Address' });
  if (e.event === 'dropped') base.reason = e.reason;
  if (e.event === 'delivered') base.response = '250 OK';
  if (e.event === 'open') Object.assign(base, { useragent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', ip: '203.0.113.7', sg_machine_open: false });
  return base;
}
